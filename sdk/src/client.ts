/**
 * `new Keygate(options)`: the typed management API (every operation of /openapi.json, named after
 * its operationId: `keys.create` is `keygate.keys.create`) and key verification with the local,
 * live-invalidated cache.
 *
 * @example
 * const keygate = new Keygate({ baseUrl: "http://localhost:8080", rootKey: process.env.KEYGATE_ROOT_KEY });
 * const answer = await keygate.keys.verify({ key }, { scopes: ["orders:read"] });
 * await keygate.close();
 */
import { type KeygateOptions, resolveOptions } from "./client-options.js";
import { HttpTransport } from "./http.js";
import { KeyVerifier } from "./key-verifier.js";
import { OperationCaller } from "./operation-caller.js";
import { ApisResource } from "./resources/apis.js";
import { AppsResource } from "./resources/apps.js";
import { AuditEventsResource } from "./resources/audit-events.js";
import { IdentitiesResource } from "./resources/identities.js";
import { KeysResource } from "./resources/keys.js";
import { InvitationsResource, MembersResource } from "./resources/members.js";
import { RootKeysResource } from "./resources/root-keys.js";
import { PlansResource, WorkspaceResource } from "./resources/workspace.js";
import { PortalResource, WorkspacesResource } from "./resources/workspaces.js";
import { type CacheMetrics, VerificationCache } from "./verification-cache.js";

const NO_CACHE: CacheMetrics = Object.freeze({
  hits: 0,
  misses: 0,
  invalidations: 0,
  entries: 0,
  live: false,
  degradedSince: null,
});

export class Keygate {
  readonly keys: KeysResource;
  readonly apps: AppsResource;
  readonly apis: ApisResource;
  readonly identities: IdentitiesResource;
  readonly rootKeys: RootKeysResource;
  readonly auditEvents: AuditEventsResource;
  readonly members: MembersResource;
  readonly invitations: InvitationsResource;
  readonly workspace: WorkspaceResource;
  readonly plans: PlansResource;
  readonly workspaces: WorkspacesResource;
  readonly portal: PortalResource;
  private readonly cache: VerificationCache | undefined;

  /** @throws KeygateOptionError for a bad option, naming it. */
  constructor(options: KeygateOptions) {
    const resolved = resolveOptions(options);
    const transport = new HttpTransport(resolved);
    const caller = new OperationCaller(transport);
    this.cache = resolved.cache
      ? new VerificationCache({
          ...resolved.cache,
          transport,
          caller,
          fetch: resolved.fetch,
          onCacheStatus: resolved.onCacheStatus,
        })
      : undefined;
    const verifier = new KeyVerifier(caller, resolved.foreignKeyPrefixes, this.cache);
    this.keys = new KeysResource(caller, verifier);
    this.apps = new AppsResource(caller);
    this.apis = new ApisResource(caller);
    this.identities = new IdentitiesResource(caller);
    this.rootKeys = new RootKeysResource(caller);
    this.auditEvents = new AuditEventsResource(caller);
    this.members = new MembersResource(caller);
    this.invitations = new InvitationsResource(caller);
    this.workspace = new WorkspaceResource(caller);
    this.plans = new PlansResource(caller);
    this.workspaces = new WorkspacesResource(caller);
    this.portal = new PortalResource(caller);
  }

  /** The local verification cache's counters and the standing of its event stream. */
  cacheMetrics(): CacheMetrics {
    return this.cache?.metrics() ?? NO_CACHE;
  }

  /** Ends the cache's event stream and sends the last usage reports. Call it before the process ends. */
  async close(): Promise<void> {
    await this.cache?.close();
  }

  /** @internal The cache, for the SDK's own tests (dropping its stream on purpose). */
  get verificationCache(): VerificationCache | undefined {
    return this.cache;
  }
}
