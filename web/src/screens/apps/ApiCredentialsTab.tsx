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
import { ConfirmDialog } from "../../ui/ConfirmDialog";
import { EmptyState } from "../../ui/states";
import { toast } from "../../ui/toast";
import { type AppKey, CredentialsTable } from "./CredentialsTable";
import { KeyPairOnceDialog } from "./KeyPairOnceDialog";
import { keyPairBody } from "./key-pair-request";
import { RevokingTheKeyDialog } from "./RevokingTheKeyDialog";
import { useDeleteAppKey, useRevokeAppKey, useSetAppKeyEnabled } from "./use-app-key-actions";
import { useGenerateKeyPair } from "./use-generate-key-pair";

type Shown = { name: string; sharedKey: string; secretKey: string };

export function ApiCredentialsTab({ app }: { app: App }) {
  const { abilities, workspace } = useSession();
  const generate = useGenerateKeyPair();
  const setEnabled = useSetAppKeyEnabled(app.id);
  const revoke = useRevokeAppKey(app.id);
  const remove = useDeleteAppKey(app.id);
  const [shown, setShown] = useState<Shown>();
  const [disabling, setDisabling] = useState<AppKey>();
  const [revoking, setRevoking] = useState<AppKey>();
  const [deleting, setDeleting] = useState<AppKey>();

  const apiAccess = workspace.entitlements.apiAccess;
  const canGenerate = apiAccess && abilities.canIssue(app.environment);

  const generateKey = () =>
    generate.mutate(
      keyPairBody({ app, apis: app.apis, existingKeys: app.keys.length, policy: workspace.policy }),
      {
        onSuccess: (created) => {
          if (created.sharedKey && created.secretKey)
            setShown({ name: created.name, sharedKey: created.sharedKey, secretKey: created.secretKey });
        },
        onError: (error) => toast(describeError(error), "error"),
      },
    );

  const switchKey = (key: AppKey, enabled: boolean) => {
    if (!enabled) {
      setDisabling(key);
      return;
    }
    setEnabled.mutate(
      { keyId: key.id, enabled: true },
      {
        onSuccess: () => toast(`${key.name} enabled`),
        onError: (error) => toast(describeError(error), "error"),
      },
    );
  };

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
          canManage={abilities.canManageKeys}
          onSwitch={switchKey}
          onRevoke={setRevoking}
          onDelete={setDeleting}
        />
      )}

      <KeyPairOnceDialog pair={shown} onDone={() => setShown(undefined)} />
      <ConfirmDialog
        open={disabling !== undefined}
        onOpenChange={(open) => !open && setDisabling(undefined)}
        title={`Disable ${disabling?.name ?? "key"}?`}
        confirmLabel="Disable key"
        onConfirm={async () => {
          if (!disabling) return;
          await setEnabled.mutateAsync({ keyId: disabling.id, enabled: false });
          toast(`${disabling.name} disabled`);
        }}
      >
        <p>
          Disabling <strong>{disabling?.name}</strong> immediately blocks access for applications using it.
          You can enable it again later.
        </p>
      </ConfirmDialog>
      <RevokingTheKeyDialog
        keyName={revoking?.name}
        onOpenChange={(open) => !open && setRevoking(undefined)}
        onRevoke={async (reason) => {
          if (!revoking) return;
          await revoke.mutateAsync({ keyId: revoking.id, reason });
          toast(`${revoking.name} revoked`);
        }}
      />
      <ConfirmDialog
        open={deleting !== undefined}
        onOpenChange={(open) => !open && setDeleting(undefined)}
        title={`Delete ${deleting?.name ?? "key"}?`}
        confirmLabel="Delete key"
        onConfirm={async () => {
          if (!deleting) return;
          await remove.mutateAsync(deleting.id);
          toast(`${deleting.name} deleted`);
        }}
      >
        <p>
          Deleting <strong>{deleting?.name}</strong> immediately stops every integration using it, until a new
          key is configured. It disappears from this list; the audit log keeps what happened.
        </p>
      </ConfirmDialog>
    </div>
  );
}
