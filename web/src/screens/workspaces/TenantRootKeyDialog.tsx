/**
 * "Create root key" for a tenant: a root key OF the tenant (`POST /v1/workspaces/{id}/root-keys`)
 * for automation inside that one workspace, with the permissions a tenant's key may hold (none of
 * the operator's). Its secret is shown once, with Copy.
 */
import { useState } from "react";
import { type OnceSecret, SecretOnceDialog } from "../keys/SecretOnceDialog";
import { CreateRootKeyDialog } from "../settings/CreateRootKeyDialog";
import { TENANT_ROOT_KEY_PERMISSIONS } from "../settings/root-key-permissions";
import type { TenantDialogProps } from "./ChangePlanDialog";
import { useCreateTenantRootKey } from "./use-tenants";

export function TenantRootKeyDialog({ tenant, open, onOpenChange }: TenantDialogProps) {
  const create = useCreateTenantRootKey(tenant.id);
  const [secret, setSecret] = useState<OnceSecret | null>(null);
  return (
    <>
      <CreateRootKeyDialog
        open={open}
        onOpenChange={onOpenChange}
        permissions={TENANT_ROOT_KEY_PERMISSIONS}
        title={`Create a root key for ${tenant.name}`}
        description={`A management credential inside ${tenant.name} only (Authorization: Bearer …), for your automation there: it can do only what its permissions allow, in that workspace.`}
        onCreate={async (input) => {
          const created = await create.mutateAsync(input);
          setSecret({ kind: "token", keyName: `${created.name} (${tenant.name})`, key: created.key });
        }}
      />
      <SecretOnceDialog secret={secret} onDone={() => setSecret(null)} />
    </>
  );
}
