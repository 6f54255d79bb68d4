/** The keys as cards (seed 003): one card per key in a grid that is one column wide on a phone. */
import type { KeyObject } from "../../api/types";
import { KeyCard } from "./KeyCard";

export function KeyCards({ keys, appTitles }: { keys: KeyObject[]; appTitles: ReadonlyMap<string, string> }) {
  return (
    <ul aria-label="API keys" className="grid grid-cols-1 gap-3 sm:grid-cols-2 xl:grid-cols-3">
      {keys.map((key) => (
        <KeyCard key={key.id} apiKey={key} appTitle={key.appId ? appTitles.get(key.appId) : undefined} />
      ))}
    </ul>
  );
}
