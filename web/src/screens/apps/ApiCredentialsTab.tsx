/**
 * The API Credentials tab of an app (seed 001 section 2; seed 000's Manage API Key): "Generate
 * Key" makes a new Shared Key + Secret Key pair and shows it once; the table lists every key of
 * the app with its switch, revoke toggle and delete, for those allowed. When the app has no key,
 * the empty state offers the first one.
 */
import { KeyRound, Plus } from "lucide-react";
import { useState } from "react";
import { describeError } from "../../api/errors";
import type { App } from "../../api/types";
import { useSession } from "../../app/session";
import { Button } from "../../ui/Button";
import { EmptyState } from "../../ui/states";
import { toast } from "../../ui/toast";
import { DeleteKeyDialog } from "../keys/DeleteKeyDialog";
import { RevokeKeyDialog } from "../keys/RevokeKeyDialog";
import { type OnceSecret, SecretOnceDialog, secretOf } from "../keys/SecretOnceDialog";
import { type AppKey, CredentialsTable } from "./CredentialsTable";
import { keyPairBody } from "./key-pair-request";
import { useGenerateKeyPair } from "./use-generate-key-pair";

export function ApiCredentialsTab({ app }: { app: App }) {
  const { abilities, workspace } = useSession();
  const generate = useGenerateKeyPair();
  const [shown, setShown] = useState<OnceSecret | null>(null);
  const [revoking, setRevoking] = useState<AppKey>();
  const [deleting, setDeleting] = useState<AppKey>();

  const apiAccess = workspace.entitlements.apiAccess;
  const canGenerate = apiAccess && abilities.canIssue(app.environment);

  const generateKey = () =>
    generate.mutate(
      keyPairBody({ app, apis: app.apis, existingKeys: app.keys.length, policy: workspace.policy }),
      {
        onSuccess: (created) => setShown(secretOf(created)),
        onError: (error) => toast(describeError(error), "error"),
      },
    );

  const generateButton = canGenerate && (
    <Button variant="primary" onClick={generateKey} busy={generate.isPending}>
      <Plus aria-hidden className="size-4" />
      Generate Key
    </Button>
  );

  return (
    <div className="space-y-4">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
        <div className="text-sm text-slate-600">
          <p>
            Each credential is a pair: the public <strong>Shared Key</strong> and the private{" "}
            <strong>Secret Key</strong>, shown only when generated. Use a separate app for each environment,
            and rotate keys every 90 days.
          </p>
          {!apiAccess && (
            <p className="mt-1 text-amber-800">
              Your plan does not include API Access, so no keys can be generated.
            </p>
          )}
          {apiAccess && !canGenerate && abilities.can("keys:write") && (
            <p className="mt-1 text-amber-800">
              Developers generate keys only outside production; ask an admin.
            </p>
          )}
        </div>
        {app.keys.length > 0 && <div className="shrink-0">{generateButton}</div>}
      </div>

      {app.keys.length === 0 ? (
        <EmptyState title="No API credentials yet" action={generateButton || undefined}>
          <KeyRound aria-hidden className="mx-auto mb-2 size-6 text-slate-400" />
          Generate a key pair for {app.title}; its Secret Key is shown once, so copy it straight away.
        </EmptyState>
      ) : (
        <CredentialsTable
          keys={app.keys}
          canManage={abilities.canManageKeys && apiAccess}
          onRevoke={setRevoking}
          onDelete={setDeleting}
        />
      )}

      <SecretOnceDialog secret={shown} onDone={() => setShown(null)} />
      {revoking && (
        <RevokeKeyDialog
          apiKey={revoking}
          title="Revoking the Key"
          open
          onOpenChange={(open) => !open && setRevoking(undefined)}
        />
      )}
      {deleting && (
        <DeleteKeyDialog apiKey={deleting} open onOpenChange={(open) => !open && setDeleting(undefined)} />
      )}
    </div>
  );
}
