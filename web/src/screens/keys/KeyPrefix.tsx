/** What identifies a key without exposing it: its start (`acme_4eC3…`), for a pair its Shared Key too. */
import type { KeyObject } from "../../api/types";

export function KeyPrefix({ apiKey }: { apiKey: Pick<KeyObject, "start"> }) {
  return (
    <code className="font-mono text-xs whitespace-nowrap text-slate-700">
      {apiKey.start}
      <span aria-hidden>…</span>
    </code>
  );
}
