/** A path the dashboard does not know. */
import { Link } from "react-router";
import { PageHeader } from "../ui/PageHeader";

export function NotFoundScreen() {
  return (
    <div>
      <PageHeader title="Page not found" description="There is no screen at this address." />
      <Link to="/" className="text-sm font-medium text-brand-700 underline">
        Go to API keys
      </Link>
    </div>
  );
}
