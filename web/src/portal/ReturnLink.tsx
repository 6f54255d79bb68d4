/**
 * "Back to <product>": the platform's returnUrl. Inside a frame it opens in the top window (the
 * platform's page itself), not in the frame.
 */
import { ArrowLeft } from "lucide-react";
import { cn } from "../ui/cn";
import { isFramed } from "./framing";

export function ReturnLink({
  returnUrl,
  productName,
  className,
}: {
  returnUrl: string;
  productName: string;
  className?: string;
}) {
  return (
    <a
      href={returnUrl}
      target={isFramed() ? "_top" : undefined}
      className={cn(
        "inline-flex items-center gap-1 rounded-md text-sm font-medium text-brand-700 hover:underline",
        "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600",
        className,
      )}
    >
      <ArrowLeft aria-hidden className="size-4" />
      Back to {productName}
    </a>
  );
}
