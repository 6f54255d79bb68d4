/** One secret value in full, in a group named for it ("API key", "Secret Key"), with its Copy button. */
import { CopyButton } from "../../ui/CopyButton";

export function SecretField({ label, value }: { label: string; value: string }) {
  return (
    <fieldset className="space-y-1.5">
      <legend className="text-sm font-medium text-slate-800">{label}</legend>
      <div className="flex flex-col gap-2 sm:flex-row sm:items-center">
        <code className="block min-w-0 flex-1 rounded-md border border-slate-200 bg-slate-50 px-3 py-2 font-mono text-sm break-all text-slate-900">
          {value}
        </code>
        <CopyButton value={value} className="shrink-0" />
      </div>
    </fieldset>
  );
}
