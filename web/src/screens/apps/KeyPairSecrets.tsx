/**
 * A new key pair, shown once (seed 001): the Shared Key and the Secret Key, each with Copy, and
 * the warning to store them now. Each value sits in a group named for it, so "Copy" is clear.
 */
import { AlertTriangle } from "lucide-react";
import { CopyButton } from "../../ui/CopyButton";

function SecretValue({ label, value }: { label: string; value: string }) {
  return (
    <fieldset className="min-w-0 space-y-1.5">
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

export function KeyPairSecrets({ sharedKey, secretKey }: { sharedKey: string; secretKey: string }) {
  return (
    <div className="space-y-4">
      <div className="flex gap-2 rounded-md border border-amber-300 bg-amber-50 px-3 py-2.5 text-sm text-amber-900">
        <AlertTriangle aria-hidden className="mt-0.5 size-4 shrink-0" />
        <p>
          <strong>Important:</strong> Immediately copy and securely store your keys. The Secret Key is shown
          only now. It will not be shown again.
        </p>
      </div>
      <SecretValue label="Shared Key" value={sharedKey} />
      <SecretValue label="Secret Key" value={secretKey} />
    </div>
  );
}
