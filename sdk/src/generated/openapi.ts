/**
 * Generated from Keygate's /openapi.json by `npm run api:types`. Do not edit by hand: change the
 * server's schemas and run it again (server/test/api-types.test.ts fails when this file is stale).
 */
export interface paths {
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The process is alive */
        get: operations["health.live"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The store is reachable and its schema is current */
        get: operations["health.ready"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/apis": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List connected APIs
         * @description Newest first, cursor-paged.
         */
        get: operations["apis.list"];
        put?: never;
        /**
         * Create a connected API
         * @description Declares an API of the platform and the scopes it offers to keys of the apps connected to it.
         */
        post: operations["apis.create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/apis/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a connected API */
        get: operations["apis.get"];
        put?: never;
        post?: never;
        /**
         * Delete a connected API
         * @description Refused (409) while an app is still connected to it.
         */
        delete: operations["apis.delete"];
        options?: never;
        head?: never;
        /**
         * Edit a connected API
         * @description Removing a scope that a live key of a connected app still holds is refused (409) until the key no longer holds it.
         */
        patch: operations["apis.update"];
        trace?: never;
    };
    "/v1/apps": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List apps
         * @description Newest first, cursor-paged.
         */
        get: operations["apps.list"];
        put?: never;
        /**
         * Create an app
         * @description An application or integration; its `id` is the App ID. Its keys take its environment.
         */
        post: operations["apps.create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/apps/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get an app with its keys and connected APIs */
        get: operations["apps.get"];
        put?: never;
        post?: never;
        /**
         * Delete an app and its keys
         * @description Its keys are deleted too: gone from lists and verification at once; the audit trail keeps them.
         */
        delete: operations["apps.delete"];
        options?: never;
        head?: never;
        /**
         * Edit an app
         * @description `apiIds` is the full new set of connected APIs; disconnecting one whose scopes live keys of the app still hold is refused (409).
         */
        patch: operations["apps.update"];
        trace?: never;
    };
    "/v1/audit-events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List or export the audit trail
         * @description Newest first. `format=csv` (plans with audit export) answers `text/csv` with every matching event, up to 100,000; `limit` does not apply to it.
         */
        get: operations["auditEvents.list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign in with email and password
         * @description Sets the `keygate_session` cookie and returns the CSRF token to send as `x-csrf-token` on every change. After 5 failures for one email from one address, each attempt waits (15 s, doubling per failure, at most 15 minutes); 100 failures for one email from all addresses in an hour, or 20 from one address in 15 minutes, answer 429 too, with `retry-after`.
         */
        post: operations["auth.login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign out: end this session and clear its cookie */
        post: operations["auth.logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who is calling: the signed-in user and role, or the root key */
        get: operations["auth.me"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This browser's session, or null: never a 401 */
        get: operations["auth.session"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/workspace": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Switch the session to another of the person's workspaces
         * @description Answers as sign-in does, with the role in the workspace entered; the cookie and CSRF token stay. A workspace the person does not belong to is 404, whether or not it exists. Audited as `user.workspace_switched`.
         */
        post: operations["auth.switchWorkspace"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/workspaces": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The signed-in person's workspaces, their role in each, and the current one
         * @description For a session only; a root key gets 403.
         */
        get: operations["auth.listWorkspaces"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/events/invalidations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Stream cache invalidations
         * @description Server-sent events naming the keys and workspaces whose verification records changed, for an SDK's local cache. Needs a root key with keys:verify (its workspace's events) or keys:verify:any (every workspace's). Send `Last-Event-ID` (or `lastEventId`) to resume; the stream ends when the root key is deleted. At most 10 open streams per root key (429 beyond, with `retry-after`).
         */
        get: operations["events.invalidations"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/identities": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List identities
         * @description Newest first, cursor-paged, each with its key count. `search` matches part of the externalId (case-insensitive) or an identity id.
         */
        get: operations["identities.list"];
        put?: never;
        /**
         * Create an identity
         * @description An end user or customer of the workspace, by the platform's externalId, with meta returned on every valid verification of its keys and rate limits shared by all its keys (plans with usage limits). Creating a key with a new externalId creates its identity too. An externalId already taken is 409.
         */
        post: operations["identities.create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/identities/{idOrExternalId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get an identity */
        get: operations["identities.get"];
        put?: never;
        post?: never;
        /**
         * Delete an identity
         * @description Refused (409) while it has keys that are not revoked, unless `?revokeKeys=true` revokes them in the same change (each audited key.revoked). Its revoked and deleted keys are unlinked (identityId null) and keep their externalId.
         */
        delete: operations["identities.delete"];
        options?: never;
        head?: never;
        /**
         * Edit an identity
         * @description Changes meta or rateLimits (the whole list; [] removes them). Takes effect on the very next verification of every key of the identity.
         */
        patch: operations["identities.update"];
        trace?: never;
    };
    "/v1/identities/{idOrExternalId}/revoke-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Revoke every key of an identity
         * @description Revokes, in one change, every key of the identity that is not revoked yet; each is audited key.revoked (details name the identity) and verifies REVOKED from the very next request.
         */
        post: operations["identities.revokeKeys"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/invitations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The workspace's pending invitations, newest first */
        get: operations["invitations.list"];
        put?: never;
        /**
         * Invite a person by email with a role; answers the one-use link once
         * @description The link (`url`) works once, for 7 days, and is never shown again; only its SHA-256 is stored. Only an owner may invite an owner. 409 when the email is already a member or has a pending invitation; 402 when members and pending invitations together would pass the plan's member limit. Audited as `invitation.created`.
         */
        post: operations["invitations.create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/invitations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Revoke an invitation: its link stops working at once
         * @description Only an owner may revoke an invitation to the owner role. 409 for one already accepted (remove the member instead). Audited as `invitation.revoked`.
         */
        delete: operations["invitations.delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/invitations/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Accept an invitation: join the workspace with the invited role, and sign in
         * @description An email without an account gives `name` and a new `password` (at least 12 characters); one with an account gives that account's password (401 when wrong; throttled as sign-in is, 429 with `retry-after`). Sets the session cookie and answers as sign-in does. The link works once: of two concurrent accepts one succeeds, the other gets 404. Unknown, used, revoked and expired links all answer 404 `invitation not found`. 402 when the plan's member limit is reached. Audited as `member.added` and `invitation.accepted`.
         */
        post: operations["invitations.accept"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/invitations/lookup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What an invitation link is for: email, role, workspace, whether the account exists
         * @description Unknown, used, revoked and expired links all answer 404 `invitation not found`.
         */
        get: operations["invitations.lookup"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List keys
         * @description Newest first, cursor-paged. `search` matches part of the name, the start of a key, a Shared Key, a key id, or a whole pasted key; `appId`, `environment`, `status` and `externalId` (the keys of one end user or customer) filter.
         */
        get: operations["keys.list"];
        put?: never;
        /**
         * Create a key
         * @description Creates a token (`key`) or a pair (`sharedKey` + `secretKey`). The secret is shown in this response only; store it now. With `externalId` the key joins that identity (end user or customer), which is created when the workspace has none yet.
         */
        post: operations["keys.create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a key */
        get: operations["keys.get"];
        put?: never;
        post?: never;
        /** Delete a key */
        delete: operations["keys.delete"];
        options?: never;
        head?: never;
        /**
         * Edit a key
         * @description Changes name, scopes, meta, expiresAt, enabled, ipAllowlist, rate limits (`rateLimits`, the whole list, or `rateLimit`, the one named default; not both) or quota. Takes effect on the very next verification. A revoked key cannot be edited (409). Its externalId (identity) is set at creation and never changes: to move access, create a key with the other externalId and revoke this one.
         */
        patch: operations["keys.update"];
        trace?: never;
    };
    "/v1/keys/{id}/disable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Disable a key (reversible, at once) */
        post: operations["keys.disable"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/keys/{id}/enable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Enable a key */
        post: operations["keys.enable"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/keys/{id}/reveal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reveal the secret of a recoverable key
         * @description For keys made or rotated while the workspace had `recoverableKeys` on (the key object's `recoverable`). Admins and owners only (root keys: `*`); audited as `key.revealed`. 409 for a key made while the setting was off, and for a revoked key. The answer is never cached.
         */
        post: operations["keys.reveal"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/keys/{id}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Revoke a key for good
         * @description Verification answers REVOKED from now on; the key cannot be enabled, edited or rotated.
         */
        post: operations["keys.revoke"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/keys/{id}/rotate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rotate a key
         * @description Issues a new secret for the same key id and settings, shown in this response only. The old secret keeps working for `gracePeriodSeconds` (0 = ends at once).
         */
        post: operations["keys.rotate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/keys/{id}/usage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Usage of a key
         * @description Counts of each verification outcome per UTC hour or day. Counts arrive within about a second of the verification. A portal session needs the `usage` feature.
         */
        get: operations["keys.usage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/keys/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import keys by the SHA-256 of their secrets
         * @description Stores up to 1,000 keys issued elsewhere, each by the SHA-256 of its whole secret, so they verify as before (with `foreignKeyFormats` on the workspace for keys not in Keygate's format). Each row is checked like a key creation and refused alone when it breaks a rule; a row whose hash is already a key of this workspace is skipped, so an import can be re-run. One transaction and one `key.imported` audit event per request; `dryRun` answers the same report and writes nothing.
         */
        post: operations["keys.import"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/keys/usage-reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Report locally judged verifications
         * @description Adds `count` outcomes per report to the key's usage as server-side verifications do. Reports of keys the caller cannot verify are ignored (counted in `ignored`). Needs keys:verify (or keys:verify:any).
         */
        post: operations["keys.reportUsage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/keys/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Verify a key
         * @description Judges a presented key for the caller's workspace: workspace suspension, status, expiry, rotation grace, IP allowlist, scopes, rate limits (the key's and its identity's, all at once: one refusing spends none) and quota, in that order; `cost` is spent under every rate limit and from the quota. Answers 200 for every key it could judge. Needs keys:verify; a root key of the operator with keys:verify:any (which implies keys:verify) verifies the keys of every workspace, and its VALID answers add the key's workspace. With `record: true`, every answer of a found key adds its `record`: what an SDK needs to judge the key locally (state, expiresAt, ipAllowlist, scopes, limited and the VALID answer) until an event of GET /v1/events/invalidations names it.
         */
        post: operations["keys.verify"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The workspace's members, oldest first */
        get: operations["members.list"];
        put?: never;
        /**
         * Add a person to the workspace with a role
         * @description Creates the account when the email has none (then `password` is required). Only an owner may add an owner. 402 when the plan's member limit is reached, 409 when the person is already a member.
         */
        post: operations["members.add"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/members/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Remove a member and end their sessions in this workspace
         * @description Only an owner may remove an owner; the last owner can never be removed (409).
         */
        delete: operations["members.remove"];
        options?: never;
        head?: never;
        /**
         * Change a member's role
         * @description Takes effect on the member's next request. Only an owner may grant the owner role or change an owner's role; the last owner cannot be demoted (409).
         */
        patch: operations["members.update"];
        trace?: never;
    };
    "/v1/plans": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every plan with what it includes, and the caller's current plan */
        get: operations["plans.list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/portal/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The portal session of this browser: its tenant, person, role, features and branding
         * @description Send `x-keygate-portal: 1`: the request is then authenticated by the portal's cookie alone. 401 without a live portal session.
         */
        get: operations["portal.getSession"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/portal/session/end": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * End this browser's portal session and clear its cookie
         * @description Send `x-keygate-portal: 1` and the session's `x-csrf-token`. Audited as `portal.session_ended`.
         */
        post: operations["portal.endSession"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/portal/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A one-time link into a tenant's key portal, for one of the platform's people
         * @description For the operator's root keys with `portal:write`. The link works once, within 60 seconds: opening it starts a portal session (8 hours at most, ended after 1 hour idle) for that person in that tenant, with that role and those features, and never a Keygate account. Audited as `portal.link_created` in the tenant's trail and the operator's. An unknown or deleted tenant is 404, a suspended one 409, the operator's own workspace 400.
         */
        post: operations["portal.createSession"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reports/keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The key hygiene report
         * @description Every active or disabled key with its age, last rotation, last use and expiry, the policies it breaks (`breaches`) and its attention badges. `format=csv` answers a file to download, one key per row.
         */
        get: operations["reports.keys"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/root-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the workspace's root keys
         * @description Newest first. Never includes a secret or its hash.
         */
        get: operations["rootKeys.list"];
        put?: never;
        /**
         * Create a root key
         * @description Returns the secret `key` once. The caller may only grant permissions it holds itself (`*` needs every permission). Operator permissions (`workspaces:read`, `workspaces:write`, `keys:verify:any`, `portal:write`) are refused (400) in a tenant's workspace.
         */
        post: operations["rootKeys.create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/root-keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Delete a root key
         * @description The key stops working at once, on every node, before this call returns.
         */
        delete: operations["rootKeys.delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/secret-scanning/github": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Receive a GitHub secret scanning report
         * @description For GitHub's secret scanning partner program. Authenticated by GitHub's signature of the raw body (`Github-Public-Key-Identifier`, `Github-Public-Key-Signature`; keys from `KEYGATE_SECRET_SCANNING_KEYS_FILE`). Each Keygate key found is handled as its workspace's leak response says (revoke, disable or notify) and audited as `key.leaked`; the answer labels each token and says nothing else. 503 when no keys file is configured or it cannot be used.
         */
        post: operations["secretScanning.github"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/setup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create the first owner with the one-time setup link, and sign in
         * @description A used, unknown or expired token answers 400. An email that already has an account must come with that account's password.
         */
        post: operations["setup.complete"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List webhook endpoints
         * @description The workspace's endpoints, newest first, cursor-paged.
         */
        get: operations["webhooks.list"];
        put?: never;
        /**
         * Create a webhook endpoint
         * @description Events: key.created, key.updated, key.enabled, key.disabled, key.rotated, key.revoked, key.deleted, key.expiring, key.expired, key.quota_low, key.quota_exhausted, key.rate_limited, key.leaked, key.unused. The answer holds the signing secret (`whsec_...`, Standard Webhooks) once; it is never shown again. The URL must be https and reach a public address unless the operator allows more (KEYGATE_WEBHOOK_ALLOW_HOSTS, KEYGATE_WEBHOOK_ALLOW_HTTP). At most 20 per workspace (409). `allTenants` (also every tenant's events) is for the operator's workspace only. Audited as `webhook.created`.
         */
        post: operations["webhooks.create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a webhook endpoint */
        get: operations["webhooks.get"];
        put?: never;
        post?: never;
        /**
         * Delete a webhook endpoint
         * @description With its deliveries and their log. Audited as `webhook.deleted`.
         */
        delete: operations["webhooks.delete"];
        options?: never;
        head?: never;
        /**
         * Edit a webhook endpoint
         * @description Changes `url`, `events`, `description` or `enabled`. Re-enabling it or changing its URL clears `failingSince`. Audited as `webhook.updated`.
         */
        patch: operations["webhooks.update"];
        trace?: never;
    };
    "/v1/webhooks/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List a webhook endpoint's deliveries
         * @description Newest first, cursor-paged; each with the event exactly as it is sent and every attempt, oldest first.
         */
        get: operations["webhooks.listDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{id}/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rotate a webhook endpoint's signing secret
         * @description The answer holds the new secret once; the old one signs nothing from now on, retries included. Audited as `webhook.secret_rotated`.
         */
        post: operations["webhooks.rotateSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{id}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a test event
         * @description Queues a `webhook.test` event for this endpoint only, whatever it subscribed to, due at once; answers the new delivery. 409 while the endpoint is disabled. Audited as `webhook.tested`.
         */
        post: operations["webhooks.test"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/deliveries/{id}/redeliver": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Redeliver an event
         * @description Queues the delivery's event for its endpoint again as a new delivery, due at once; the old delivery and its log stay. 409 while the endpoint is disabled. Audited as `webhook.redelivered`.
         */
        post: operations["webhooks.redeliver"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/workspace": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's workspace, its plan and policy */
        get: operations["workspace.get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change the workspace's name, default key prefix, key policy, recoverable keys, foreign key formats or branding */
        patch: operations["workspace.update"];
        trace?: never;
    };
    "/v1/workspaces": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List tenants
         * @description Newest first, cursor-paged; never the operator's own workspace or a deleted tenant.
         */
        get: operations["workspaces.list"];
        put?: never;
        /**
         * Create a tenant
         * @description A workspace for one of the platform's customers, by its `externalId` (409 when taken). Audited `workspace.created` in the tenant's trail and the operator's.
         */
        post: operations["workspaces.create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/workspaces/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a tenant */
        get: operations["workspaces.get"];
        put?: never;
        post?: never;
        /**
         * Delete a tenant
         * @description Soft: the tenant is gone from every list (404), its keys verify as WORKSPACE_SUSPENDED and its root keys, sessions and portal sessions stop working at once; its members lose their membership, its pending invitations are revoked, and its `externalId` is free again.
         */
        delete: operations["workspaces.delete"];
        options?: never;
        head?: never;
        /**
         * Change a tenant's name, customer id, plan, suspension or branding
         * @description A change of plan or suspension holds from the very next request (verification and key creation). Audited in the tenant's trail and the operator's: `workspace.updated`, `workspace.plan_changed` (source `api`), `workspace.suspended`, `workspace.resumed`.
         */
        patch: operations["workspaces.update"];
        trace?: never;
    };
    "/v1/workspaces/{id}/open": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Open a tenant's key screens as an admin
         * @description For the operator's owners and admins signed in to the dashboard (root keys are refused: they use POST /v1/portal/sessions). Answers a one-time portal link (60 s) into the tenant as `admin` with every feature; audited `workspace.opened` in the tenant's trail and the operator's. A suspended tenant is 409.
         */
        post: operations["workspaces.open"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/workspaces/{id}/root-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create a root key of a tenant
         * @description A root key that belongs to the tenant and works only there; `key` is shown once. It cannot hold an operator permission (400), and the caller may only grant what it holds itself (403).
         */
        post: operations["workspaces.createRootKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: never;
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    "health.live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        status: string;
                    };
                };
            };
        };
    };
    "health.ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        status: string;
                    };
                };
            };
        };
    };
    "apis.list": {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            createdAt: string;
                            description: string;
                            id: string;
                            name: string;
                            scopes: string[];
                            updatedAt: string;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The error shape of every refusal */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
        };
    };
    "apis.create": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @default  */
                    description?: string;
                    name: string;
                    /**
                     * @description The scopes it offers, each once
                     * @default []
                     */
                    scopes?: string[];
                };
            };
        };
        responses: {
            /** @description A connected API and the scopes it offers */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        createdAt: string;
                        description: string;
                        id: string;
                        name: string;
                        scopes: string[];
                        updatedAt: string;
                    };
                };
            };
            /** @description The error shape of every refusal */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
        };
    };
    "apis.get": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A connected API and the scopes it offers */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        createdAt: string;
                        description: string;
                        id: string;
                        name: string;
                        scopes: string[];
                        updatedAt: string;
                    };
                };
            };
            /** @description The error shape of every refusal */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
        };
    };
    "apis.delete": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The error shape of every refusal */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
        };
    };
    "apis.update": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    description?: string;
                    name?: string;
                    scopes?: string[];
                };
            };
        };
        responses: {
            /** @description A connected API and the scopes it offers */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        createdAt: string;
                        description: string;
                        id: string;
                        name: string;
                        scopes: string[];
                        updatedAt: string;
                    };
                };
            };
            /** @description The error shape of every refusal */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
        };
    };
    "apps.list": {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            /** @description The connected Apis */
                            apiIds: string[];
                            createdAt: string;
                            description: string;
                            /** @enum {string} */
                            environment: "production" | "staging" | "development";
                            /** @description The App ID */
                            id: string;
                            /** @description Its keys (not deleted), revoked ones included */
                            keyCount: number;
                            title: string;
                            updatedAt: string;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The error shape of every refusal */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
        };
    };
    "apps.create": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description The Apis to connect
                     * @default []
                     */
                    apiIds?: string[];
                    /** @default  */
                    description?: string;
                    /** @enum {string} */
                    environment: "production" | "staging" | "development";
                    title: string;
                };
            };
        };
        responses: {
            /** @description An application and the Apis it is connected to */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The connected Apis */
                        apiIds: string[];
                        createdAt: string;
                        description: string;
                        /** @enum {string} */
                        environment: "production" | "staging" | "development";
                        /** @description The App ID */
                        id: string;
                        title: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description The error shape of every refusal */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
        };
    };
    "apps.get": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An application with its keys and connected Apis */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The connected Apis */
                        apiIds: string[];
                        /** @description Its connected Apis */
                        apis: {
                            createdAt: string;
                            description: string;
                            id: string;
                            name: string;
                            scopes: string[];
                            updatedAt: string;
                        }[];
                        createdAt: string;
                        description: string;
                        /** @enum {string} */
                        environment: "production" | "staging" | "development";
                        /** @description The App ID */
                        id: string;
                        /** @description Its keys (not deleted), newest first */
                        keys: {
                            appId: string | null;
                            /** @description What about the key wants a look, by the workspace's hygiene policy: rotation_due (not rotated for rotationReminderDays), unused (no verification for unusedKeyDays), no_expiry, expiring_soon (within 7 days), leaked. Only a key neither revoked nor expired gets any but leaked */
                            attention: ("rotation_due" | "unused" | "no_expiry" | "expiring_soon" | "leaked")[];
                            createdAt: string;
                            createdBy: string | null;
                            enabled: boolean;
                            /** @enum {string} */
                            environment: "production" | "staging" | "development";
                            expiresAt: string | null;
                            /** @description The platform's id of the end user or customer the key is for (its identity's); set at creation */
                            externalId: string | null;
                            id: string;
                            /** @description The identity the key belongs to; null without one (or once the identity is deleted) */
                            identityId: string | null;
                            ipAllowlist: string[];
                            /** @enum {string} */
                            kind: "token" | "pair";
                            lastUsedAt: string | null;
                            lastUsedIp: string | null;
                            /** @description The last leak report of its secret; null when it has none */
                            leak: {
                                /** @description When its secret was last reported found in public */
                                reportedAt: string;
                                /** @description Where it was found */
                                url: string | null;
                            } | null;
                            meta: {
                                [key: string]: unknown;
                            };
                            name: string;
                            prefix: string;
                            quota: {
                                refill: {
                                    amount: number;
                                    /** @enum {string} */
                                    interval: "minute" | "hour" | "day" | "week" | "month";
                                } | null;
                                remaining: number;
                            } | null;
                            /** @description The limit named default in rateLimits, or null without one (kept for compatibility) */
                            rateLimit: {
                                limit: number;
                                windowMs: number;
                            } | null;
                            /** @description The key's named rate limits (at most 5); a verification must pass every one */
                            rateLimits: {
                                limit: number;
                                /** @description Names the limit (such as requests or burst); the one named default is `rateLimit` */
                                name: string;
                                windowMs: number;
                            }[];
                            /** @description Whether its secret is kept encrypted and can be revealed (POST /v1/keys/{id}/reveal): made or rotated while the workspace had recoverable keys on */
                            recoverable: boolean;
                            revokedAt: string | null;
                            revokedReason: string | null;
                            rotatedAt: string | null;
                            scopes: string[];
                            /** @description The public half of a pair; null for a token */
                            sharedKey: string | null;
                            /**
                             * @description keygate: issued here; import: imported by the SHA-256 of a secret issued elsewhere (POST /v1/keys/import)
                             * @enum {string}
                             */
                            source: "keygate" | "import";
                            /** @description The prefix and first characters of the secret: identifies it, exposes nothing */
                            start: string;
                            /** @enum {string} */
                            status: "active" | "disabled" | "revoked" | "expired";
                            updatedAt: string;
                            usageCount: number;
                        }[];
                        title: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description The error shape of every refusal */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
        };
    };
    "apps.delete": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The error shape of every refusal */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
        };
    };
    "apps.update": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The full new set of connected Apis */
                    apiIds?: string[];
                    description?: string;
                    /**
                     * @description Its keys move to the new environment
                     * @enum {string}
                     */
                    environment?: "production" | "staging" | "development";
                    title?: string;
                };
            };
        };
        responses: {
            /** @description An application and the Apis it is connected to */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The connected Apis */
                        apiIds: string[];
                        createdAt: string;
                        description: string;
                        /** @enum {string} */
                        environment: "production" | "staging" | "development";
                        /** @description The App ID */
                        id: string;
                        title: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description The error shape of every refusal */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
        };
    };
    "auditEvents.list": {
        parameters: {
            query?: {
                /** @description An exact action (`key.created`) or a prefix ending in `.*` (`key.*`) */
                action?: string;
                /** @description Only events by this user or root key (its id), or portal user (`portal:<externalId>`) */
                actorId?: string;
                cursor?: string;
                /** @description `csv` exports every matching event */
                format?: "json" | "csv";
                /** @description Events at or after this time */
                from?: string;
                limit?: number;
                /** @description Only events about this entity */
                targetId?: string;
                /** @description Events before this time */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of events, or the CSV export */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            action: string;
                            actor: {
                                /** @description A user's or root key's id; portal:<externalId> for a portal user */
                                id: string | null;
                                /** @description A portal user's email; null for the other actors */
                                label: string | null;
                                /** @enum {string} */
                                type: "user" | "root_key" | "system" | "portal";
                            };
                            createdAt: string;
                            details: {
                                [key: string]: unknown;
                            };
                            id: string;
                            ip: string | null;
                            target: {
                                id: string;
                                type: string;
                            } | null;
                        }[];
                        nextCursor: string | null;
                    };
                    "text/csv": string;
                };
            };
            /** @description The error shape of every refusal */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            402: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
        };
    };
    "auth.login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    email: string;
                    password: string;
                    /** @description The workspace to sign in to; the oldest membership when absent */
                    workspaceId?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Send it as x-csrf-token on every change made with this session */
                        csrfToken: string;
                        /** @enum {string} */
                        role: "owner" | "admin" | "developer" | "viewer";
                        /** @description A person with an account */
                        user: {
                            /** Format: date-time */
                            createdAt: string;
                            email: string;
                            id: string;
                            name: string;
                        };
                        /** @description A workspace: its plan, default key prefix and key policy */
                        workspace: {
                            /** @description The key portal's look as this workspace sets it; null where unset */
                            branding: {
                                accentColor: string | null;
                                logoUrl: string | null;
                                productName: string | null;
                            };
                            /** Format: date-time */
                            createdAt: string;
                            entitlements: {
                                apiAccess: boolean;
                                auditExport: boolean;
                                ipAllowlists: boolean;
                                /** @description null: no limit */
                                maxKeys: number | null;
                                /** @description null: no limit */
                                maxMembers: number | null;
                                usageLimits: boolean;
                            };
                            /** @description The platform's id of this customer; null for the operator */
                            externalId: string | null;
                            /** @description Formats of keys issued elsewhere (and imported by hash) that verification looks up instead of answering MALFORMED */
                            foreignKeyFormats: {
                                pattern: string | null;
                                prefix: string;
                            }[];
                            id: string;
                            keyPrefix: string;
                            /**
                             * @description `operator`: the platform's own workspace; `tenant`: one of its customers (platform mode)
                             * @enum {string}
                             */
                            kind: "operator" | "tenant";
                            name: string;
                            /** @enum {string} */
                            plan: "free" | "pro" | "enterprise";
                            /** @description The workspace's key policy and key hygiene policy */
                            policy: {
                                /** @description A key not verified for this many days is disabled by the server; null: never */
                                autoDisableUnusedDays: number | null;
                                /** @description Whether every new key must have an expiry */
                                expiryRequired: boolean;
                                /**
                                 * @description What a report of the key's secret found in public does: revoke it, disable it, or only notify
                                 * @enum {string}
                                 */
                                leakResponse: "revoke" | "disable" | "notify";
                                /** @description The longest a new key may live; null: no limit */
                                maxKeyLifetimeSeconds: number | null;
                                /** @description A key not rotated for this many days is due for rotation (badge, report); null: off */
                                rotationReminderDays: number | null;
                                /** @description A key not verified for this many days counts as unused (badge, report, key.unused event) */
                                unusedKeyDays: number;
                            };
                            /** @description Whether new keys' secrets are also kept encrypted, so admins and owners can reveal them later */
                            recoverableKeys: boolean;
                            /** @description A suspended workspace's keys verify as WORKSPACE_SUSPENDED */
                            suspended: boolean;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
        };
    };
    "auth.logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Signed out */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The error shape of every refusal */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
        };
    };
    "auth.me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Send it as x-csrf-token on every change made with this session */
                        csrfToken: string;
                        /** @enum {string} */
                        role: "owner" | "admin" | "developer" | "viewer";
                        /** @description A person with an account */
                        user: {
                            /** Format: date-time */
                            createdAt: string;
                            email: string;
                            id: string;
                            name: string;
                        };
                        /** @description A workspace: its plan, default key prefix and key policy */
                        workspace: {
                            /** @description The key portal's look as this workspace sets it; null where unset */
                            branding: {
                                accentColor: string | null;
                                logoUrl: string | null;
                                productName: string | null;
                            };
                            /** Format: date-time */
                            createdAt: string;
                            entitlements: {
                                apiAccess: boolean;
                                auditExport: boolean;
                                ipAllowlists: boolean;
                                /** @description null: no limit */
                                maxKeys: number | null;
                                /** @description null: no limit */
                                maxMembers: number | null;
                                usageLimits: boolean;
                            };
                            /** @description The platform's id of this customer; null for the operator */
                            externalId: string | null;
                            /** @description Formats of keys issued elsewhere (and imported by hash) that verification looks up instead of answering MALFORMED */
                            foreignKeyFormats: {
                                pattern: string | null;
                                prefix: string;
                            }[];
                            id: string;
                            keyPrefix: string;
                            /**
                             * @description `operator`: the platform's own workspace; `tenant`: one of its customers (platform mode)
                             * @enum {string}
                             */
                            kind: "operator" | "tenant";
                            name: string;
                            /** @enum {string} */
                            plan: "free" | "pro" | "enterprise";
                            /** @description The workspace's key policy and key hygiene policy */
                            policy: {
                                /** @description A key not verified for this many days is disabled by the server; null: never */
                                autoDisableUnusedDays: number | null;
                                /** @description Whether every new key must have an expiry */
                                expiryRequired: boolean;
                                /**
                                 * @description What a report of the key's secret found in public does: revoke it, disable it, or only notify
                                 * @enum {string}
                                 */
                                leakResponse: "revoke" | "disable" | "notify";
                                /** @description The longest a new key may live; null: no limit */
                                maxKeyLifetimeSeconds: number | null;
                                /** @description A key not rotated for this many days is due for rotation (badge, report); null: off */
                                rotationReminderDays: number | null;
                                /** @description A key not verified for this many days counts as unused (badge, report, key.unused event) */
                                unusedKeyDays: number;
                            };
                            /** @description Whether new keys' secrets are also kept encrypted, so admins and owners can reveal them later */
                            recoverableKeys: boolean;
                            /** @description A suspended workspace's keys verify as WORKSPACE_SUSPENDED */
                            suspended: boolean;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    } | {
                        rootKey: {
                            id: string;
                            permissions: string[];
                        };
                        /** @description A workspace: its plan, default key prefix and key policy */
                        workspace: {
                            /** @description The key portal's look as this workspace sets it; null where unset */
                            branding: {
                                accentColor: string | null;
                                logoUrl: string | null;
                                productName: string | null;
                            };
                            /** Format: date-time */
                            createdAt: string;
                            entitlements: {
                                apiAccess: boolean;
                                auditExport: boolean;
                                ipAllowlists: boolean;
                                /** @description null: no limit */
                                maxKeys: number | null;
                                /** @description null: no limit */
                                maxMembers: number | null;
                                usageLimits: boolean;
                            };
                            /** @description The platform's id of this customer; null for the operator */
                            externalId: string | null;
                            /** @description Formats of keys issued elsewhere (and imported by hash) that verification looks up instead of answering MALFORMED */
                            foreignKeyFormats: {
                                pattern: string | null;
                                prefix: string;
                            }[];
                            id: string;
                            keyPrefix: string;
                            /**
                             * @description `operator`: the platform's own workspace; `tenant`: one of its customers (platform mode)
                             * @enum {string}
                             */
                            kind: "operator" | "tenant";
                            name: string;
                            /** @enum {string} */
                            plan: "free" | "pro" | "enterprise";
                            /** @description The workspace's key policy and key hygiene policy */
                            policy: {
                                /** @description A key not verified for this many days is disabled by the server; null: never */
                                autoDisableUnusedDays: number | null;
                                /** @description Whether every new key must have an expiry */
                                expiryRequired: boolean;
                                /**
                                 * @description What a report of the key's secret found in public does: revoke it, disable it, or only notify
                                 * @enum {string}
                                 */
                                leakResponse: "revoke" | "disable" | "notify";
                                /** @description The longest a new key may live; null: no limit */
                                maxKeyLifetimeSeconds: number | null;
                                /** @description A key not rotated for this many days is due for rotation (badge, report); null: off */
                                rotationReminderDays: number | null;
                                /** @description A key not verified for this many days counts as unused (badge, report, key.unused event) */
                                unusedKeyDays: number;
                            };
                            /** @description Whether new keys' secrets are also kept encrypted, so admins and owners can reveal them later */
                            recoverableKeys: boolean;
                            /** @description A suspended workspace's keys verify as WORKSPACE_SUSPENDED */
                            suspended: boolean;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
        };
    };
    "auth.session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The signed-in session; null when this browser has none */
                        session: {
                            /** @description Send it as x-csrf-token on every change made with this session */
                            csrfToken: string;
                            /** @enum {string} */
                            role: "owner" | "admin" | "developer" | "viewer";
                            /** @description A person with an account */
                            user: {
                                /** Format: date-time */
                                createdAt: string;
                                email: string;
                                id: string;
                                name: string;
                            };
                            /** @description A workspace: its plan, default key prefix and key policy */
                            workspace: {
                                /** @description The key portal's look as this workspace sets it; null where unset */
                                branding: {
                                    accentColor: string | null;
                                    logoUrl: string | null;
                                    productName: string | null;
                                };
                                /** Format: date-time */
                                createdAt: string;
                                entitlements: {
                                    apiAccess: boolean;
                                    auditExport: boolean;
                                    ipAllowlists: boolean;
                                    /** @description null: no limit */
                                    maxKeys: number | null;
                                    /** @description null: no limit */
                                    maxMembers: number | null;
                                    usageLimits: boolean;
                                };
                                /** @description The platform's id of this customer; null for the operator */
                                externalId: string | null;
                                /** @description Formats of keys issued elsewhere (and imported by hash) that verification looks up instead of answering MALFORMED */
                                foreignKeyFormats: {
                                    pattern: string | null;
                                    prefix: string;
                                }[];
                                id: string;
                                keyPrefix: string;
                                /**
                                 * @description `operator`: the platform's own workspace; `tenant`: one of its customers (platform mode)
                                 * @enum {string}
                                 */
                                kind: "operator" | "tenant";
                                name: string;
                                /** @enum {string} */
                                plan: "free" | "pro" | "enterprise";
                                /** @description The workspace's key policy and key hygiene policy */
                                policy: {
                                    /** @description A key not verified for this many days is disabled by the server; null: never */
                                    autoDisableUnusedDays: number | null;
                                    /** @description Whether every new key must have an expiry */
                                    expiryRequired: boolean;
                                    /**
                                     * @description What a report of the key's secret found in public does: revoke it, disable it, or only notify
                                     * @enum {string}
                                     */
                                    leakResponse: "revoke" | "disable" | "notify";
                                    /** @description The longest a new key may live; null: no limit */
                                    maxKeyLifetimeSeconds: number | null;
                                    /** @description A key not rotated for this many days is due for rotation (badge, report); null: off */
                                    rotationReminderDays: number | null;
                                    /** @description A key not verified for this many days counts as unused (badge, report, key.unused event) */
                                    unusedKeyDays: number;
                                };
                                /** @description Whether new keys' secrets are also kept encrypted, so admins and owners can reveal them later */
                                recoverableKeys: boolean;
                                /** @description A suspended workspace's keys verify as WORKSPACE_SUSPENDED */
                                suspended: boolean;
                                /** Format: date-time */
                                updatedAt: string;
                            };
                        } | null;
                    };
                };
            };
        };
    };
    "auth.switchWorkspace": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description A workspace the signed-in person belongs to */
                    workspaceId: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Send it as x-csrf-token on every change made with this session */
                        csrfToken: string;
                        /** @enum {string} */
                        role: "owner" | "admin" | "developer" | "viewer";
                        /** @description A person with an account */
                        user: {
                            /** Format: date-time */
                            createdAt: string;
                            email: string;
                            id: string;
                            name: string;
                        };
                        /** @description A workspace: its plan, default key prefix and key policy */
                        workspace: {
                            /** @description The key portal's look as this workspace sets it; null where unset */
                            branding: {
                                accentColor: string | null;
                                logoUrl: string | null;
                                productName: string | null;
                            };
                            /** Format: date-time */
                            createdAt: string;
                            entitlements: {
                                apiAccess: boolean;
                                auditExport: boolean;
                                ipAllowlists: boolean;
                                /** @description null: no limit */
                                maxKeys: number | null;
                                /** @description null: no limit */
                                maxMembers: number | null;
                                usageLimits: boolean;
                            };
                            /** @description The platform's id of this customer; null for the operator */
                            externalId: string | null;
                            /** @description Formats of keys issued elsewhere (and imported by hash) that verification looks up instead of answering MALFORMED */
                            foreignKeyFormats: {
                                pattern: string | null;
                                prefix: string;
                            }[];
                            id: string;
                            keyPrefix: string;
                            /**
                             * @description `operator`: the platform's own workspace; `tenant`: one of its customers (platform mode)
                             * @enum {string}
                             */
                            kind: "operator" | "tenant";
                            name: string;
                            /** @enum {string} */
                            plan: "free" | "pro" | "enterprise";
                            /** @description The workspace's key policy and key hygiene policy */
                            policy: {
                                /** @description A key not verified for this many days is disabled by the server; null: never */
                                autoDisableUnusedDays: number | null;
                                /** @description Whether every new key must have an expiry */
                                expiryRequired: boolean;
                                /**
                                 * @description What a report of the key's secret found in public does: revoke it, disable it, or only notify
                                 * @enum {string}
                                 */
                                leakResponse: "revoke" | "disable" | "notify";
                                /** @description The longest a new key may live; null: no limit */
                                maxKeyLifetimeSeconds: number | null;
                                /** @description A key not rotated for this many days is due for rotation (badge, report); null: off */
                                rotationReminderDays: number | null;
                                /** @description A key not verified for this many days counts as unused (badge, report, key.unused event) */
                                unusedKeyDays: number;
                            };
                            /** @description Whether new keys' secrets are also kept encrypted, so admins and owners can reveal them later */
                            recoverableKeys: boolean;
                            /** @description A suspended workspace's keys verify as WORKSPACE_SUSPENDED */
                            suspended: boolean;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
        };
    };
    "auth.listWorkspaces": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The session's current workspace */
                        currentWorkspaceId: string;
                        /** @description Every workspace the person belongs to, oldest membership first */
                        data: {
                            /** @enum {string} */
                            role: "owner" | "admin" | "developer" | "viewer";
                            /** @description A workspace: its plan, default key prefix and key policy */
                            workspace: {
                                /** @description The key portal's look as this workspace sets it; null where unset */
                                branding: {
                                    accentColor: string | null;
                                    logoUrl: string | null;
                                    productName: string | null;
                                };
                                /** Format: date-time */
                                createdAt: string;
                                entitlements: {
                                    apiAccess: boolean;
                                    auditExport: boolean;
                                    ipAllowlists: boolean;
                                    /** @description null: no limit */
                                    maxKeys: number | null;
                                    /** @description null: no limit */
                                    maxMembers: number | null;
                                    usageLimits: boolean;
                                };
                                /** @description The platform's id of this customer; null for the operator */
                                externalId: string | null;
                                /** @description Formats of keys issued elsewhere (and imported by hash) that verification looks up instead of answering MALFORMED */
                                foreignKeyFormats: {
                                    pattern: string | null;
                                    prefix: string;
                                }[];
                                id: string;
                                keyPrefix: string;
                                /**
                                 * @description `operator`: the platform's own workspace; `tenant`: one of its customers (platform mode)
                                 * @enum {string}
                                 */
                                kind: "operator" | "tenant";
                                name: string;
                                /** @enum {string} */
                                plan: "free" | "pro" | "enterprise";
                                /** @description The workspace's key policy and key hygiene policy */
                                policy: {
                                    /** @description A key not verified for this many days is disabled by the server; null: never */
                                    autoDisableUnusedDays: number | null;
                                    /** @description Whether every new key must have an expiry */
                                    expiryRequired: boolean;
                                    /**
                                     * @description What a report of the key's secret found in public does: revoke it, disable it, or only notify
                                     * @enum {string}
                                     */
                                    leakResponse: "revoke" | "disable" | "notify";
                                    /** @description The longest a new key may live; null: no limit */
                                    maxKeyLifetimeSeconds: number | null;
                                    /** @description A key not rotated for this many days is due for rotation (badge, report); null: off */
                                    rotationReminderDays: number | null;
                                    /** @description A key not verified for this many days counts as unused (badge, report, key.unused event) */
                                    unusedKeyDays: number;
                                };
                                /** @description Whether new keys' secrets are also kept encrypted, so admins and owners can reveal them later */
                                recoverableKeys: boolean;
                                /** @description A suspended workspace's keys verify as WORKSPACE_SUSPENDED */
                                suspended: boolean;
                                /** Format: date-time */
                                updatedAt: string;
                            };
                        }[];
                    };
                };
            };
            /** @description The error shape of every refusal */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
        };
    };
    "events.invalidations": {
        parameters: {
            query?: {
                /** @description Resume after this event id, for clients that cannot send the Last-Event-ID header */
                lastEventId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The event stream */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": string;
                };
            };
            /** @description The error shape of every refusal */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
        };
    };
    "identities.list": {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
                /** @description Part of an externalId (case-insensitive), or an identity id */
                search?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            createdAt: string;
                            /** @description The platform's id of the end user or customer */
                            externalId: string;
                            id: string;
                            /** @description Its keys that are not deleted (revoked ones included) */
                            keyCount: number;
                            /** @description Returned with every valid verification of its keys */
                            meta: {
                                [key: string]: unknown;
                            };
                            rateLimits: {
                                limit: number;
                                /** @description Names the limit (such as requests); a refusal's ratelimit is that limit's */
                                name: string;
                                windowMs: number;
                            }[];
                            updatedAt: string;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The error shape of every refusal */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            402: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
        };
    };
    "identities.create": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The platform's id of the end user or customer (1-200 characters, no control characters) */
                    externalId: string;
                    /** @default {} */
                    meta?: {
                        [key: string]: unknown;
                    };
                    /**
                     * @description Each one limit across every key of the identity, checked after the key's own
                     * @default []
                     */
                    rateLimits?: {
                        limit: number;
                        /** @description Names the limit (such as requests); a refusal's ratelimit is that limit's */
                        name: string;
                        windowMs: number;
                    }[];
                };
            };
        };
        responses: {
            /** @description An end user or customer of the workspace, shared by all its keys */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        createdAt: string;
                        /** @description The platform's id of the end user or customer */
                        externalId: string;
                        id: string;
                        /** @description Its keys that are not deleted (revoked ones included) */
                        keyCount: number;
                        /** @description Returned with every valid verification of its keys */
                        meta: {
                            [key: string]: unknown;
                        };
                        rateLimits: {
                            limit: number;
                            /** @description Names the limit (such as requests); a refusal's ratelimit is that limit's */
                            name: string;
                            windowMs: number;
                        }[];
                        updatedAt: string;
                    };
                };
            };
            /** @description The error shape of every refusal */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            402: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
        };
    };
    "identities.get": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The identity's id (idn_…) or its externalId */
                idOrExternalId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An end user or customer of the workspace, shared by all its keys */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        createdAt: string;
                        /** @description The platform's id of the end user or customer */
                        externalId: string;
                        id: string;
                        /** @description Its keys that are not deleted (revoked ones included) */
                        keyCount: number;
                        /** @description Returned with every valid verification of its keys */
                        meta: {
                            [key: string]: unknown;
                        };
                        rateLimits: {
                            limit: number;
                            /** @description Names the limit (such as requests); a refusal's ratelimit is that limit's */
                            name: string;
                            windowMs: number;
                        }[];
                        updatedAt: string;
                    };
                };
            };
            /** @description The error shape of every refusal */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            402: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
        };
    };
    "identities.delete": {
        parameters: {
            query?: {
                /** @description true revokes its keys that are not revoked yet, in the same change; otherwise they refuse it (409) */
                revokeKeys?: "true" | "false";
            };
            header?: never;
            path: {
                /** @description The identity's id (idn_…) or its externalId */
                idOrExternalId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The error shape of every refusal */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            402: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
        };
    };
    "identities.update": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The identity's id (idn_…) or its externalId */
                idOrExternalId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    meta?: {
                        [key: string]: unknown;
                    };
                    /** @description [] removes every shared limit */
                    rateLimits?: {
                        limit: number;
                        /** @description Names the limit (such as requests); a refusal's ratelimit is that limit's */
                        name: string;
                        windowMs: number;
                    }[];
                };
            };
        };
        responses: {
            /** @description An end user or customer of the workspace, shared by all its keys */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        createdAt: string;
                        /** @description The platform's id of the end user or customer */
                        externalId: string;
                        id: string;
                        /** @description Its keys that are not deleted (revoked ones included) */
                        keyCount: number;
                        /** @description Returned with every valid verification of its keys */
                        meta: {
                            [key: string]: unknown;
                        };
                        rateLimits: {
                            limit: number;
                            /** @description Names the limit (such as requests); a refusal's ratelimit is that limit's */
                            name: string;
                            windowMs: number;
                        }[];
                        updatedAt: string;
                    };
                };
            };
            /** @description The error shape of every refusal */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            402: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
        };
    };
    "identities.revokeKeys": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The identity's id (idn_…) or its externalId */
                idOrExternalId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    reason?: string;
                } | null;
            };
        };
        responses: {
            /** @description The keys of the identity revoked by this call */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The keys it revoked, newest first */
                        keyIds: string[];
                        /** @description How many keys this call revoked */
                        revoked: number;
                    };
                };
            };
            /** @description The error shape of every refusal */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            402: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
        };
    };
    "invitations.list": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            /** Format: date-time */
                            createdAt: string;
                            email: string;
                            /** Format: date-time */
                            expiresAt: string;
                            id: string;
                            /** @description Who invited */
                            invitedBy: {
                                id: string;
                                /** @description The member's or root key's name; null once it is gone */
                                name: string | null;
                                /** @enum {string} */
                                type: "user" | "root_key";
                            };
                            /** @enum {string} */
                            role: "owner" | "admin" | "developer" | "viewer";
                        }[];
                    };
                };
            };
            /** @description The error shape of every refusal */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
        };
    };
    "invitations.create": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: email */
                    email: string;
                    /** @enum {string} */
                    role: "owner" | "admin" | "developer" | "viewer";
                };
            };
        };
        responses: {
            /** @description The new invitation and its one-use link */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: date-time */
                        createdAt: string;
                        email: string;
                        /** Format: date-time */
                        expiresAt: string;
                        id: string;
                        /** @description Who invited */
                        invitedBy: {
                            id: string;
                            /** @description The member's or root key's name; null once it is gone */
                            name: string | null;
                            /** @enum {string} */
                            type: "user" | "root_key";
                        };
                        /** @enum {string} */
                        role: "owner" | "admin" | "developer" | "viewer";
                        /** @description The link to hand to the person: shown only in this response */
                        url: string;
                    };
                };
            };
            /** @description The error shape of every refusal */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            402: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
        };
    };
    "invitations.delete": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Revoked */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The error shape of every refusal */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
        };
    };
    "invitations.accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The new account's name; required when the email has no account */
                    name?: string;
                    /** @description A new password (at least 12 characters), or the existing account's password */
                    password: string;
                    /** @description The token of the invitation link */
                    token: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Send it as x-csrf-token on every change made with this session */
                        csrfToken: string;
                        /** @enum {string} */
                        role: "owner" | "admin" | "developer" | "viewer";
                        /** @description A person with an account */
                        user: {
                            /** Format: date-time */
                            createdAt: string;
                            email: string;
                            id: string;
                            name: string;
                        };
                        /** @description A workspace: its plan, default key prefix and key policy */
                        workspace: {
                            /** @description The key portal's look as this workspace sets it; null where unset */
                            branding: {
                                accentColor: string | null;
                                logoUrl: string | null;
                                productName: string | null;
                            };
                            /** Format: date-time */
                            createdAt: string;
                            entitlements: {
                                apiAccess: boolean;
                                auditExport: boolean;
                                ipAllowlists: boolean;
                                /** @description null: no limit */
                                maxKeys: number | null;
                                /** @description null: no limit */
                                maxMembers: number | null;
                                usageLimits: boolean;
                            };
                            /** @description The platform's id of this customer; null for the operator */
                            externalId: string | null;
                            /** @description Formats of keys issued elsewhere (and imported by hash) that verification looks up instead of answering MALFORMED */
                            foreignKeyFormats: {
                                pattern: string | null;
                                prefix: string;
                            }[];
                            id: string;
                            keyPrefix: string;
                            /**
                             * @description `operator`: the platform's own workspace; `tenant`: one of its customers (platform mode)
                             * @enum {string}
                             */
                            kind: "operator" | "tenant";
                            name: string;
                            /** @enum {string} */
                            plan: "free" | "pro" | "enterprise";
                            /** @description The workspace's key policy and key hygiene policy */
                            policy: {
                                /** @description A key not verified for this many days is disabled by the server; null: never */
                                autoDisableUnusedDays: number | null;
                                /** @description Whether every new key must have an expiry */
                                expiryRequired: boolean;
                                /**
                                 * @description What a report of the key's secret found in public does: revoke it, disable it, or only notify
                                 * @enum {string}
                                 */
                                leakResponse: "revoke" | "disable" | "notify";
                                /** @description The longest a new key may live; null: no limit */
                                maxKeyLifetimeSeconds: number | null;
                                /** @description A key not rotated for this many days is due for rotation (badge, report); null: off */
                                rotationReminderDays: number | null;
                                /** @description A key not verified for this many days counts as unused (badge, report, key.unused event) */
                                unusedKeyDays: number;
                            };
                            /** @description Whether new keys' secrets are also kept encrypted, so admins and owners can reveal them later */
                            recoverableKeys: boolean;
                            /** @description A suspended workspace's keys verify as WORKSPACE_SUSPENDED */
                            suspended: boolean;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            402: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
        };
    };
    "invitations.lookup": {
        parameters: {
            query: {
                /** @description The token of the invitation link */
                token: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description What an invitation link is for */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Whether the email has an account: then accept with its password, without a name */
                        accountExists: boolean;
                        email: string;
                        /** Format: date-time */
                        expiresAt: string;
                        /** @enum {string} */
                        role: "owner" | "admin" | "developer" | "viewer";
                        workspace: {
                            name: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
        };
    };
    "keys.list": {
        parameters: {
            query?: {
                appId?: string;
                /** @description `true`: only keys with an attention badge; a badge (`rotation_due`, ...): only keys with that one */
                attention?: "true" | "rotation_due" | "unused" | "no_expiry" | "expiring_soon" | "leaked";
                cursor?: string;
                /** @description Only keys of this environment (a key of an app has the app's environment) */
                environment?: "production" | "staging" | "development";
                /** @description Only the keys of this end user or customer (exactly this externalId) */
                externalId?: string;
                limit?: number;
                /** @description Part of a name, the start of a key, a Shared Key, a key id, or a whole key */
                search?: string;
                status?: "active" | "disabled" | "revoked" | "expired";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            appId: string | null;
                            /** @description What about the key wants a look, by the workspace's hygiene policy: rotation_due (not rotated for rotationReminderDays), unused (no verification for unusedKeyDays), no_expiry, expiring_soon (within 7 days), leaked. Only a key neither revoked nor expired gets any but leaked */
                            attention: ("rotation_due" | "unused" | "no_expiry" | "expiring_soon" | "leaked")[];
                            createdAt: string;
                            createdBy: string | null;
                            enabled: boolean;
                            /** @enum {string} */
                            environment: "production" | "staging" | "development";
                            expiresAt: string | null;
                            /** @description The platform's id of the end user or customer the key is for (its identity's); set at creation */
                            externalId: string | null;
                            id: string;
                            /** @description The identity the key belongs to; null without one (or once the identity is deleted) */
                            identityId: string | null;
                            ipAllowlist: string[];
                            /** @enum {string} */
                            kind: "token" | "pair";
                            lastUsedAt: string | null;
                            lastUsedIp: string | null;
                            /** @description The last leak report of its secret; null when it has none */
                            leak: {
                                /** @description When its secret was last reported found in public */
                                reportedAt: string;
                                /** @description Where it was found */
                                url: string | null;
                            } | null;
                            meta: {
                                [key: string]: unknown;
                            };
                            name: string;
                            prefix: string;
                            quota: {
                                refill: {
                                    amount: number;
                                    /** @enum {string} */
                                    interval: "minute" | "hour" | "day" | "week" | "month";
                                } | null;
                                remaining: number;
                            } | null;
                            /** @description The limit named default in rateLimits, or null without one (kept for compatibility) */
                            rateLimit: {
                                limit: number;
                                windowMs: number;
                            } | null;
                            /** @description The key's named rate limits (at most 5); a verification must pass every one */
                            rateLimits: {
                                limit: number;
                                /** @description Names the limit (such as requests or burst); the one named default is `rateLimit` */
                                name: string;
                                windowMs: number;
                            }[];
                            /** @description Whether its secret is kept encrypted and can be revealed (POST /v1/keys/{id}/reveal): made or rotated while the workspace had recoverable keys on */
                            recoverable: boolean;
                            revokedAt: string | null;
                            revokedReason: string | null;
                            rotatedAt: string | null;
                            scopes: string[];
                            /** @description The public half of a pair; null for a token */
                            sharedKey: string | null;
                            /**
                             * @description keygate: issued here; import: imported by the SHA-256 of a secret issued elsewhere (POST /v1/keys/import)
                             * @enum {string}
                             */
                            source: "keygate" | "import";
                            /** @description The prefix and first characters of the secret: identifies it, exposes nothing */
                            start: string;
                            /** @enum {string} */
                            status: "active" | "disabled" | "revoked" | "expired";
                            updatedAt: string;
                            usageCount: number;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The error shape of every refusal */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            402: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
        };
    };
    "keys.create": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The app the key belongs to; it takes the app's environment */
                    appId?: string;
                    /**
                     * @description For a key without an app (default production); a key of an app takes the app's
                     * @enum {string}
                     */
                    environment?: "production" | "staging" | "development";
                    expiresAt?: string | null;
                    /** @description The platform's id of the end user or customer the key is for: the key joins that identity (created when missing) and keeps this id for good */
                    externalId?: string;
                    ipAllowlist?: string[];
                    /**
                     * @description token: one secret; pair: a Shared Key and a Secret Key
                     * @default token
                     * @enum {string}
                     */
                    kind?: "token" | "pair";
                    /** @default {} */
                    meta?: {
                        [key: string]: unknown;
                    };
                    name: string;
                    /** @description Defaults to the workspace's key prefix */
                    prefix?: string;
                    /** @default null */
                    quota?: {
                        /** @default null */
                        refill?: {
                            amount: number;
                            /** @enum {string} */
                            interval: "minute" | "hour" | "day" | "week" | "month";
                        } | null;
                        remaining: number;
                    } | null;
                    /** @description The limit named default (null or absent: none); use rateLimits for named limits, not both */
                    rateLimit?: {
                        limit: number;
                        windowMs: number;
                    } | null;
                    /** @description The key's named rate limits (at most 5); every one must allow a verification */
                    rateLimits?: {
                        limit: number;
                        /** @description Names the limit (such as requests or burst); the one named default is `rateLimit` */
                        name: string;
                        windowMs: number;
                    }[];
                    /** @default [] */
                    scopes?: string[];
                };
            };
        };
        responses: {
            /** @description A key and its new secret, shown only once */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        appId: string | null;
                        /** @description What about the key wants a look, by the workspace's hygiene policy: rotation_due (not rotated for rotationReminderDays), unused (no verification for unusedKeyDays), no_expiry, expiring_soon (within 7 days), leaked. Only a key neither revoked nor expired gets any but leaked */
                        attention: ("rotation_due" | "unused" | "no_expiry" | "expiring_soon" | "leaked")[];
                        createdAt: string;
                        createdBy: string | null;
                        enabled: boolean;
                        /** @enum {string} */
                        environment: "production" | "staging" | "development";
                        expiresAt: string | null;
                        /** @description The platform's id of the end user or customer the key is for (its identity's); set at creation */
                        externalId: string | null;
                        id: string;
                        /** @description The identity the key belongs to; null without one (or once the identity is deleted) */
                        identityId: string | null;
                        ipAllowlist: string[];
                        /** @description The token (kind token); shown only in this response */
                        key?: string;
                        /** @enum {string} */
                        kind: "token" | "pair";
                        lastUsedAt: string | null;
                        lastUsedIp: string | null;
                        /** @description The last leak report of its secret; null when it has none */
                        leak: {
                            /** @description When its secret was last reported found in public */
                            reportedAt: string;
                            /** @description Where it was found */
                            url: string | null;
                        } | null;
                        meta: {
                            [key: string]: unknown;
                        };
                        name: string;
                        prefix: string;
                        quota: {
                            refill: {
                                amount: number;
                                /** @enum {string} */
                                interval: "minute" | "hour" | "day" | "week" | "month";
                            } | null;
                            remaining: number;
                        } | null;
                        /** @description The limit named default in rateLimits, or null without one (kept for compatibility) */
                        rateLimit: {
                            limit: number;
                            windowMs: number;
                        } | null;
                        /** @description The key's named rate limits (at most 5); a verification must pass every one */
                        rateLimits: {
                            limit: number;
                            /** @description Names the limit (such as requests or burst); the one named default is `rateLimit` */
                            name: string;
                            windowMs: number;
                        }[];
                        /** @description Whether its secret is kept encrypted and can be revealed (POST /v1/keys/{id}/reveal): made or rotated while the workspace had recoverable keys on */
                        recoverable: boolean;
                        revokedAt: string | null;
                        revokedReason: string | null;
                        rotatedAt: string | null;
                        scopes: string[];
                        /** @description The Secret Key (kind pair); shown only in this response */
                        secretKey?: string;
                        /** @description The public half of a pair; null for a token */
                        sharedKey: string | null;
                        /**
                         * @description keygate: issued here; import: imported by the SHA-256 of a secret issued elsewhere (POST /v1/keys/import)
                         * @enum {string}
                         */
                        source: "keygate" | "import";
                        /** @description The prefix and first characters of the secret: identifies it, exposes nothing */
                        start: string;
                        /** @enum {string} */
                        status: "active" | "disabled" | "revoked" | "expired";
                        updatedAt: string;
                        usageCount: number;
                    };
                };
            };
            /** @description The error shape of every refusal */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            402: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
        };
    };
    "keys.get": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A key, without its secret */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        appId: string | null;
                        /** @description What about the key wants a look, by the workspace's hygiene policy: rotation_due (not rotated for rotationReminderDays), unused (no verification for unusedKeyDays), no_expiry, expiring_soon (within 7 days), leaked. Only a key neither revoked nor expired gets any but leaked */
                        attention: ("rotation_due" | "unused" | "no_expiry" | "expiring_soon" | "leaked")[];
                        createdAt: string;
                        createdBy: string | null;
                        enabled: boolean;
                        /** @enum {string} */
                        environment: "production" | "staging" | "development";
                        expiresAt: string | null;
                        /** @description The platform's id of the end user or customer the key is for (its identity's); set at creation */
                        externalId: string | null;
                        id: string;
                        /** @description The identity the key belongs to; null without one (or once the identity is deleted) */
                        identityId: string | null;
                        ipAllowlist: string[];
                        /** @enum {string} */
                        kind: "token" | "pair";
                        lastUsedAt: string | null;
                        lastUsedIp: string | null;
                        /** @description The last leak report of its secret; null when it has none */
                        leak: {
                            /** @description When its secret was last reported found in public */
                            reportedAt: string;
                            /** @description Where it was found */
                            url: string | null;
                        } | null;
                        meta: {
                            [key: string]: unknown;
                        };
                        name: string;
                        prefix: string;
                        quota: {
                            refill: {
                                amount: number;
                                /** @enum {string} */
                                interval: "minute" | "hour" | "day" | "week" | "month";
                            } | null;
                            remaining: number;
                        } | null;
                        /** @description The limit named default in rateLimits, or null without one (kept for compatibility) */
                        rateLimit: {
                            limit: number;
                            windowMs: number;
                        } | null;
                        /** @description The key's named rate limits (at most 5); a verification must pass every one */
                        rateLimits: {
                            limit: number;
                            /** @description Names the limit (such as requests or burst); the one named default is `rateLimit` */
                            name: string;
                            windowMs: number;
                        }[];
                        /** @description Whether its secret is kept encrypted and can be revealed (POST /v1/keys/{id}/reveal): made or rotated while the workspace had recoverable keys on */
                        recoverable: boolean;
                        revokedAt: string | null;
                        revokedReason: string | null;
                        rotatedAt: string | null;
                        scopes: string[];
                        /** @description The public half of a pair; null for a token */
                        sharedKey: string | null;
                        /**
                         * @description keygate: issued here; import: imported by the SHA-256 of a secret issued elsewhere (POST /v1/keys/import)
                         * @enum {string}
                         */
                        source: "keygate" | "import";
                        /** @description The prefix and first characters of the secret: identifies it, exposes nothing */
                        start: string;
                        /** @enum {string} */
                        status: "active" | "disabled" | "revoked" | "expired";
                        updatedAt: string;
                        usageCount: number;
                    };
                };
            };
            /** @description The error shape of every refusal */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            402: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
        };
    };
    "keys.delete": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The error shape of every refusal */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            402: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
        };
    };
    "keys.update": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    enabled?: boolean;
                    /** @description null removes the expiry */
                    expiresAt?: string | null;
                    /** @description [] allows every network */
                    ipAllowlist?: string[];
                    meta?: {
                        [key: string]: unknown;
                    };
                    name?: string;
                    /** @description null removes the quota; a new quota starts now */
                    quota?: {
                        /** @default null */
                        refill?: {
                            amount: number;
                            /** @enum {string} */
                            interval: "minute" | "hour" | "day" | "week" | "month";
                        } | null;
                        remaining: number;
                    } | null;
                    /** @description Sets the limit named default, the key's other limits kept; null removes it. Not with rateLimits */
                    rateLimit?: {
                        limit: number;
                        windowMs: number;
                    } | null;
                    /** @description Replaces every named rate limit of the key ([] removes them all). Not with rateLimit */
                    rateLimits?: {
                        limit: number;
                        /** @description Names the limit (such as requests or burst); the one named default is `rateLimit` */
                        name: string;
                        windowMs: number;
                    }[];
                    scopes?: string[];
                };
            };
        };
        responses: {
            /** @description A key, without its secret */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        appId: string | null;
                        /** @description What about the key wants a look, by the workspace's hygiene policy: rotation_due (not rotated for rotationReminderDays), unused (no verification for unusedKeyDays), no_expiry, expiring_soon (within 7 days), leaked. Only a key neither revoked nor expired gets any but leaked */
                        attention: ("rotation_due" | "unused" | "no_expiry" | "expiring_soon" | "leaked")[];
                        createdAt: string;
                        createdBy: string | null;
                        enabled: boolean;
                        /** @enum {string} */
                        environment: "production" | "staging" | "development";
                        expiresAt: string | null;
                        /** @description The platform's id of the end user or customer the key is for (its identity's); set at creation */
                        externalId: string | null;
                        id: string;
                        /** @description The identity the key belongs to; null without one (or once the identity is deleted) */
                        identityId: string | null;
                        ipAllowlist: string[];
                        /** @enum {string} */
                        kind: "token" | "pair";
                        lastUsedAt: string | null;
                        lastUsedIp: string | null;
                        /** @description The last leak report of its secret; null when it has none */
                        leak: {
                            /** @description When its secret was last reported found in public */
                            reportedAt: string;
                            /** @description Where it was found */
                            url: string | null;
                        } | null;
                        meta: {
                            [key: string]: unknown;
                        };
                        name: string;
                        prefix: string;
                        quota: {
                            refill: {
                                amount: number;
                                /** @enum {string} */
                                interval: "minute" | "hour" | "day" | "week" | "month";
                            } | null;
                            remaining: number;
                        } | null;
                        /** @description The limit named default in rateLimits, or null without one (kept for compatibility) */
                        rateLimit: {
                            limit: number;
                            windowMs: number;
                        } | null;
                        /** @description The key's named rate limits (at most 5); a verification must pass every one */
                        rateLimits: {
                            limit: number;
                            /** @description Names the limit (such as requests or burst); the one named default is `rateLimit` */
                            name: string;
                            windowMs: number;
                        }[];
                        /** @description Whether its secret is kept encrypted and can be revealed (POST /v1/keys/{id}/reveal): made or rotated while the workspace had recoverable keys on */
                        recoverable: boolean;
                        revokedAt: string | null;
                        revokedReason: string | null;
                        rotatedAt: string | null;
                        scopes: string[];
                        /** @description The public half of a pair; null for a token */
                        sharedKey: string | null;
                        /**
                         * @description keygate: issued here; import: imported by the SHA-256 of a secret issued elsewhere (POST /v1/keys/import)
                         * @enum {string}
                         */
                        source: "keygate" | "import";
                        /** @description The prefix and first characters of the secret: identifies it, exposes nothing */
                        start: string;
                        /** @enum {string} */
                        status: "active" | "disabled" | "revoked" | "expired";
                        updatedAt: string;
                        usageCount: number;
                    };
                };
            };
            /** @description The error shape of every refusal */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            402: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
        };
    };
    "keys.disable": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A key, without its secret */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        appId: string | null;
                        /** @description What about the key wants a look, by the workspace's hygiene policy: rotation_due (not rotated for rotationReminderDays), unused (no verification for unusedKeyDays), no_expiry, expiring_soon (within 7 days), leaked. Only a key neither revoked nor expired gets any but leaked */
                        attention: ("rotation_due" | "unused" | "no_expiry" | "expiring_soon" | "leaked")[];
                        createdAt: string;
                        createdBy: string | null;
                        enabled: boolean;
                        /** @enum {string} */
                        environment: "production" | "staging" | "development";
                        expiresAt: string | null;
                        /** @description The platform's id of the end user or customer the key is for (its identity's); set at creation */
                        externalId: string | null;
                        id: string;
                        /** @description The identity the key belongs to; null without one (or once the identity is deleted) */
                        identityId: string | null;
                        ipAllowlist: string[];
                        /** @enum {string} */
                        kind: "token" | "pair";
                        lastUsedAt: string | null;
                        lastUsedIp: string | null;
                        /** @description The last leak report of its secret; null when it has none */
                        leak: {
                            /** @description When its secret was last reported found in public */
                            reportedAt: string;
                            /** @description Where it was found */
                            url: string | null;
                        } | null;
                        meta: {
                            [key: string]: unknown;
                        };
                        name: string;
                        prefix: string;
                        quota: {
                            refill: {
                                amount: number;
                                /** @enum {string} */
                                interval: "minute" | "hour" | "day" | "week" | "month";
                            } | null;
                            remaining: number;
                        } | null;
                        /** @description The limit named default in rateLimits, or null without one (kept for compatibility) */
                        rateLimit: {
                            limit: number;
                            windowMs: number;
                        } | null;
                        /** @description The key's named rate limits (at most 5); a verification must pass every one */
                        rateLimits: {
                            limit: number;
                            /** @description Names the limit (such as requests or burst); the one named default is `rateLimit` */
                            name: string;
                            windowMs: number;
                        }[];
                        /** @description Whether its secret is kept encrypted and can be revealed (POST /v1/keys/{id}/reveal): made or rotated while the workspace had recoverable keys on */
                        recoverable: boolean;
                        revokedAt: string | null;
                        revokedReason: string | null;
                        rotatedAt: string | null;
                        scopes: string[];
                        /** @description The public half of a pair; null for a token */
                        sharedKey: string | null;
                        /**
                         * @description keygate: issued here; import: imported by the SHA-256 of a secret issued elsewhere (POST /v1/keys/import)
                         * @enum {string}
                         */
                        source: "keygate" | "import";
                        /** @description The prefix and first characters of the secret: identifies it, exposes nothing */
                        start: string;
                        /** @enum {string} */
                        status: "active" | "disabled" | "revoked" | "expired";
                        updatedAt: string;
                        usageCount: number;
                    };
                };
            };
            /** @description The error shape of every refusal */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            402: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
        };
    };
    "keys.enable": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A key, without its secret */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        appId: string | null;
                        /** @description What about the key wants a look, by the workspace's hygiene policy: rotation_due (not rotated for rotationReminderDays), unused (no verification for unusedKeyDays), no_expiry, expiring_soon (within 7 days), leaked. Only a key neither revoked nor expired gets any but leaked */
                        attention: ("rotation_due" | "unused" | "no_expiry" | "expiring_soon" | "leaked")[];
                        createdAt: string;
                        createdBy: string | null;
                        enabled: boolean;
                        /** @enum {string} */
                        environment: "production" | "staging" | "development";
                        expiresAt: string | null;
                        /** @description The platform's id of the end user or customer the key is for (its identity's); set at creation */
                        externalId: string | null;
                        id: string;
                        /** @description The identity the key belongs to; null without one (or once the identity is deleted) */
                        identityId: string | null;
                        ipAllowlist: string[];
                        /** @enum {string} */
                        kind: "token" | "pair";
                        lastUsedAt: string | null;
                        lastUsedIp: string | null;
                        /** @description The last leak report of its secret; null when it has none */
                        leak: {
                            /** @description When its secret was last reported found in public */
                            reportedAt: string;
                            /** @description Where it was found */
                            url: string | null;
                        } | null;
                        meta: {
                            [key: string]: unknown;
                        };
                        name: string;
                        prefix: string;
                        quota: {
                            refill: {
                                amount: number;
                                /** @enum {string} */
                                interval: "minute" | "hour" | "day" | "week" | "month";
                            } | null;
                            remaining: number;
                        } | null;
                        /** @description The limit named default in rateLimits, or null without one (kept for compatibility) */
                        rateLimit: {
                            limit: number;
                            windowMs: number;
                        } | null;
                        /** @description The key's named rate limits (at most 5); a verification must pass every one */
                        rateLimits: {
                            limit: number;
                            /** @description Names the limit (such as requests or burst); the one named default is `rateLimit` */
                            name: string;
                            windowMs: number;
                        }[];
                        /** @description Whether its secret is kept encrypted and can be revealed (POST /v1/keys/{id}/reveal): made or rotated while the workspace had recoverable keys on */
                        recoverable: boolean;
                        revokedAt: string | null;
                        revokedReason: string | null;
                        rotatedAt: string | null;
                        scopes: string[];
                        /** @description The public half of a pair; null for a token */
                        sharedKey: string | null;
                        /**
                         * @description keygate: issued here; import: imported by the SHA-256 of a secret issued elsewhere (POST /v1/keys/import)
                         * @enum {string}
                         */
                        source: "keygate" | "import";
                        /** @description The prefix and first characters of the secret: identifies it, exposes nothing */
                        start: string;
                        /** @enum {string} */
                        status: "active" | "disabled" | "revoked" | "expired";
                        updatedAt: string;
                        usageCount: number;
                    };
                };
            };
            /** @description The error shape of every refusal */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            402: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
        };
    };
    "keys.reveal": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The secret of a recoverable key: `key` for a token, `sharedKey` and `secretKey` for a pair */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The token (kind token) */
                        key: string;
                    } | {
                        /** @description The Secret Key (kind pair) */
                        secretKey: string;
                        /** @description The Shared Key (kind pair) */
                        sharedKey: string;
                    };
                };
            };
            /** @description The error shape of every refusal */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            402: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
        };
    };
    "keys.revoke": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    reason?: string;
                } | null;
            };
        };
        responses: {
            /** @description A key, without its secret */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        appId: string | null;
                        /** @description What about the key wants a look, by the workspace's hygiene policy: rotation_due (not rotated for rotationReminderDays), unused (no verification for unusedKeyDays), no_expiry, expiring_soon (within 7 days), leaked. Only a key neither revoked nor expired gets any but leaked */
                        attention: ("rotation_due" | "unused" | "no_expiry" | "expiring_soon" | "leaked")[];
                        createdAt: string;
                        createdBy: string | null;
                        enabled: boolean;
                        /** @enum {string} */
                        environment: "production" | "staging" | "development";
                        expiresAt: string | null;
                        /** @description The platform's id of the end user or customer the key is for (its identity's); set at creation */
                        externalId: string | null;
                        id: string;
                        /** @description The identity the key belongs to; null without one (or once the identity is deleted) */
                        identityId: string | null;
                        ipAllowlist: string[];
                        /** @enum {string} */
                        kind: "token" | "pair";
                        lastUsedAt: string | null;
                        lastUsedIp: string | null;
                        /** @description The last leak report of its secret; null when it has none */
                        leak: {
                            /** @description When its secret was last reported found in public */
                            reportedAt: string;
                            /** @description Where it was found */
                            url: string | null;
                        } | null;
                        meta: {
                            [key: string]: unknown;
                        };
                        name: string;
                        prefix: string;
                        quota: {
                            refill: {
                                amount: number;
                                /** @enum {string} */
                                interval: "minute" | "hour" | "day" | "week" | "month";
                            } | null;
                            remaining: number;
                        } | null;
                        /** @description The limit named default in rateLimits, or null without one (kept for compatibility) */
                        rateLimit: {
                            limit: number;
                            windowMs: number;
                        } | null;
                        /** @description The key's named rate limits (at most 5); a verification must pass every one */
                        rateLimits: {
                            limit: number;
                            /** @description Names the limit (such as requests or burst); the one named default is `rateLimit` */
                            name: string;
                            windowMs: number;
                        }[];
                        /** @description Whether its secret is kept encrypted and can be revealed (POST /v1/keys/{id}/reveal): made or rotated while the workspace had recoverable keys on */
                        recoverable: boolean;
                        revokedAt: string | null;
                        revokedReason: string | null;
                        rotatedAt: string | null;
                        scopes: string[];
                        /** @description The public half of a pair; null for a token */
                        sharedKey: string | null;
                        /**
                         * @description keygate: issued here; import: imported by the SHA-256 of a secret issued elsewhere (POST /v1/keys/import)
                         * @enum {string}
                         */
                        source: "keygate" | "import";
                        /** @description The prefix and first characters of the secret: identifies it, exposes nothing */
                        start: string;
                        /** @enum {string} */
                        status: "active" | "disabled" | "revoked" | "expired";
                        updatedAt: string;
                        usageCount: number;
                    };
                };
            };
            /** @description The error shape of every refusal */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            402: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
        };
    };
    "keys.rotate": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description How long the old secret keeps working; 0 ends it at once
                     * @default 0
                     */
                    gracePeriodSeconds?: number;
                } | null;
            };
        };
        responses: {
            /** @description A key and its new secret, shown only once */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        appId: string | null;
                        /** @description What about the key wants a look, by the workspace's hygiene policy: rotation_due (not rotated for rotationReminderDays), unused (no verification for unusedKeyDays), no_expiry, expiring_soon (within 7 days), leaked. Only a key neither revoked nor expired gets any but leaked */
                        attention: ("rotation_due" | "unused" | "no_expiry" | "expiring_soon" | "leaked")[];
                        createdAt: string;
                        createdBy: string | null;
                        enabled: boolean;
                        /** @enum {string} */
                        environment: "production" | "staging" | "development";
                        expiresAt: string | null;
                        /** @description The platform's id of the end user or customer the key is for (its identity's); set at creation */
                        externalId: string | null;
                        id: string;
                        /** @description The identity the key belongs to; null without one (or once the identity is deleted) */
                        identityId: string | null;
                        ipAllowlist: string[];
                        /** @description The token (kind token); shown only in this response */
                        key?: string;
                        /** @enum {string} */
                        kind: "token" | "pair";
                        lastUsedAt: string | null;
                        lastUsedIp: string | null;
                        /** @description The last leak report of its secret; null when it has none */
                        leak: {
                            /** @description When its secret was last reported found in public */
                            reportedAt: string;
                            /** @description Where it was found */
                            url: string | null;
                        } | null;
                        meta: {
                            [key: string]: unknown;
                        };
                        name: string;
                        prefix: string;
                        quota: {
                            refill: {
                                amount: number;
                                /** @enum {string} */
                                interval: "minute" | "hour" | "day" | "week" | "month";
                            } | null;
                            remaining: number;
                        } | null;
                        /** @description The limit named default in rateLimits, or null without one (kept for compatibility) */
                        rateLimit: {
                            limit: number;
                            windowMs: number;
                        } | null;
                        /** @description The key's named rate limits (at most 5); a verification must pass every one */
                        rateLimits: {
                            limit: number;
                            /** @description Names the limit (such as requests or burst); the one named default is `rateLimit` */
                            name: string;
                            windowMs: number;
                        }[];
                        /** @description Whether its secret is kept encrypted and can be revealed (POST /v1/keys/{id}/reveal): made or rotated while the workspace had recoverable keys on */
                        recoverable: boolean;
                        revokedAt: string | null;
                        revokedReason: string | null;
                        rotatedAt: string | null;
                        scopes: string[];
                        /** @description The Secret Key (kind pair); shown only in this response */
                        secretKey?: string;
                        /** @description The public half of a pair; null for a token */
                        sharedKey: string | null;
                        /**
                         * @description keygate: issued here; import: imported by the SHA-256 of a secret issued elsewhere (POST /v1/keys/import)
                         * @enum {string}
                         */
                        source: "keygate" | "import";
                        /** @description The prefix and first characters of the secret: identifies it, exposes nothing */
                        start: string;
                        /** @enum {string} */
                        status: "active" | "disabled" | "revoked" | "expired";
                        updatedAt: string;
                        usageCount: number;
                    };
                };
            };
            /** @description The error shape of every refusal */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            402: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
        };
    };
    "keys.usage": {
        parameters: {
            query?: {
                /** @description Default: 24 hours (hour) or 30 days (day) before `to` */
                from?: string;
                /** @description Bucket size (UTC hours or days) */
                granularity?: "hour" | "day";
                /** @description Default: now */
                to?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Verification outcomes per bucket, oldest first; at most 1000 buckets */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            /** @description Start of the bucket */
                            bucket: string;
                            counts: {
                                DISABLED: number;
                                EXPIRED: number;
                                FORBIDDEN_IP: number;
                                INSUFFICIENT_SCOPE: number;
                                RATE_LIMITED: number;
                                REVOKED: number;
                                USAGE_EXCEEDED: number;
                                VALID: number;
                                WORKSPACE_SUSPENDED: number;
                            };
                            total: number;
                        }[];
                        /** @enum {string} */
                        granularity: "hour" | "day";
                        keyId: string;
                    };
                };
            };
            /** @description The error shape of every refusal */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
        };
    };
    "keys.import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description true: answer the same report and write nothing
                     * @default false
                     */
                    dryRun?: boolean;
                    keys: {
                        /** @description The app the key belongs to; it takes the app's environment */
                        appId?: string;
                        /**
                         * @description false imports the key disabled
                         * @default true
                         */
                        enabled?: boolean;
                        expiresAt?: string | null;
                        /** @description The identity (end user or customer) the key joins, created when the workspace has none yet */
                        externalId?: string;
                        /** @description SHA-256 of the whole key: 64 hex characters, or base64 / base64url (43 or 44 characters) */
                        hash: string;
                        ipAllowlist?: string[];
                        /** @default {} */
                        meta?: {
                            [key: string]: unknown;
                        };
                        name: string;
                        /** @default null */
                        quota?: {
                            /** @default null */
                            refill?: {
                                amount: number;
                                /** @enum {string} */
                                interval: "minute" | "hour" | "day" | "week" | "month";
                            } | null;
                            remaining: number;
                        } | null;
                        /** @description The limit named default (null or absent: none); use rateLimits for named limits, not both */
                        rateLimit?: {
                            limit: number;
                            windowMs: number;
                        } | null;
                        /** @description The key's named rate limits (at most 5) */
                        rateLimits?: {
                            limit: number;
                            /** @description Names the limit (such as requests or burst); the one named default is `rateLimit` */
                            name: string;
                            windowMs: number;
                        }[];
                        /** @default [] */
                        scopes?: string[];
                        /** @description What lists show to identify the key (`sk_live_4eC3`); never the whole key. Defaults to the prefix of the workspace's first foreign key format, else its key prefix */
                        start?: string;
                    }[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Rows stored as new keys, with their ids */
                        imported: {
                            id: string;
                            index: number;
                        }[];
                        /** @description Rows not stored, each with the error code and message a key creation would give */
                        refused: {
                            code: string;
                            index: number;
                            message: string;
                        }[];
                        /** @description Rows whose hash is already a key of this workspace (a re-run): that key's id */
                        skipped: {
                            id: string;
                            index: number;
                            /** @enum {string} */
                            reason: "ALREADY_IMPORTED";
                        }[];
                    };
                };
            };
            /** @description The error shape of every refusal */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            402: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
        };
    };
    "keys.reportUsage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    reports: {
                        /** @description How many verifications had this outcome */
                        count: number;
                        /** @description The key the outcomes belong to */
                        keyId: string;
                        /**
                         * Format: date-time
                         * @description The latest of them; counted within the last hour (60 minutes) and never in the future
                         */
                        lastUsedAt: string;
                        /** @description The end client's address of the latest one, or null */
                        lastUsedIp: (string) | null;
                        /**
                         * @description The verify code the SDK answered (never MALFORMED or NOT_FOUND)
                         * @enum {string}
                         */
                        outcome: "VALID" | "WORKSPACE_SUSPENDED" | "DISABLED" | "REVOKED" | "EXPIRED" | "FORBIDDEN_IP" | "INSUFFICIENT_SCOPE" | "RATE_LIMITED" | "USAGE_EXCEEDED";
                    }[];
                };
            };
        };
        responses: {
            /** @description Recorded reports show in usageCount, lastUsedAt and /usage within about a second */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Reports recorded */
                        accepted: number;
                        /** @description Reports of keys the caller cannot verify (or that do not exist) */
                        ignored: number;
                    };
                };
            };
            /** @description The error shape of every refusal */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
        };
    };
    "keys.verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description Units this verification spends under each rate limit (the key's and its identity's) and from the quota; 0 checks them without spending
                     * @default 1
                     */
                    cost?: number;
                    /** @description The end client's address, checked against the key's IP allowlist */
                    ip?: string;
                    /** @description A token key (kind token) */
                    key?: string;
                    /** @description true: the answer adds the key's record (whenever the key was found), for an SDK to judge the key locally until it changes */
                    record?: boolean;
                    /** @description Scopes the key must all hold */
                    scopes?: string[];
                    /** @description The Secret Key of a pair; send with sharedKey */
                    secretKey?: string;
                    /** @description The Shared Key of a pair; send with secretKey */
                    sharedKey?: string;
                };
            };
        };
        responses: {
            /** @description VALID answers every field (workspace only to a caller with keys:verify:any; ratelimits only for a key with rate limits); a refusal answers only valid, code, keyId (when the key was found) and ratelimit and ratelimits (RATE_LIMITED) or quota (USAGE_EXCEEDED). WORKSPACE_SUSPENDED: the key's workspace is suspended or deleted. A key or identity with several rate limits answers in ratelimit, when VALID, the one with the fewest requests left; when RATE_LIMITED, the one that refused (of several, the one that frees last) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        appId?: string | null;
                        /** @enum {string} */
                        code: "VALID" | "MALFORMED" | "NOT_FOUND" | "WORKSPACE_SUSPENDED" | "DISABLED" | "REVOKED" | "EXPIRED" | "FORBIDDEN_IP" | "INSUFFICIENT_SCOPE" | "RATE_LIMITED" | "USAGE_EXCEEDED";
                        expiresAt?: string | null;
                        /** @description The key's external id (its identity's: the platform's end user or customer), or null */
                        externalId?: string | null;
                        /** @description The identity the key belongs to, or null when it has none */
                        identity?: {
                            externalId: string;
                            id: string;
                            meta: {
                                [key: string]: unknown;
                            };
                        } | null;
                        /** @description Present when the key was found */
                        keyId?: string;
                        meta?: {
                            [key: string]: unknown;
                        };
                        name?: string;
                        /** @description Quota left after this request */
                        quota?: {
                            remaining: number;
                        } | null;
                        /** @description The key's tightest rate limit after this request (the fewest left); when refused, the limit that refused, resetAt when the request's cost fits again */
                        ratelimit?: {
                            limit: number;
                            remaining: number;
                            resetAt: string;
                        } | null;
                        /** @description Every rate limit checked, the key's own then its identity's, when there are any (VALID and RATE_LIMITED). All are checked at once: a request one refuses spends under none */
                        ratelimits?: {
                            limit: number;
                            name: string;
                            /** @description Left after this request (refused: left now, 0 under a limit that refused) */
                            remaining: number;
                            /** @description When the current window ends; under a limit that refused, when the cost fits again */
                            resetAt: string;
                        }[];
                        /** @description Present when the request asked for it (record: true) and the key was found */
                        record?: {
                            /** @description The VALID answer this caller gets (ratelimit and quota null; workspace for keys:verify:any); null unless state is active */
                            answer: {
                                [key: string]: unknown;
                            } | null;
                            /** @description The earlier of the key's expiry and this secret's rotation-grace end (EXPIRED from then on) */
                            expiresAt: string | null;
                            /** @description The key's CIDRs as stored; empty: from anywhere (FORBIDDEN_IP outside them) */
                            ipAllowlist: string[];
                            keyId: string;
                            /** @description The key has a rate limit, identity rate limits or a quota: ask the server every time */
                            limited: boolean;
                            /** @description Every scope the key holds (INSUFFICIENT_SCOPE if one asked is not) */
                            scopes: string[];
                            /**
                             * @description suspended: the key's workspace is (WORKSPACE_SUSPENDED); then revoked, then disabled
                             * @enum {string}
                             */
                            state: "active" | "disabled" | "revoked" | "suspended";
                            workspaceId: string;
                        };
                        scopes?: string[];
                        valid: boolean;
                        /** @description The key's workspace: VALID answers to a caller with keys:verify:any only */
                        workspace?: {
                            /** @description The tenant's external id; null for the operator's own */
                            externalId: string | null;
                            id: string;
                            /**
                             * @description The workspace's plan as of this verification
                             * @enum {string}
                             */
                            plan: "free" | "pro" | "enterprise";
                        };
                        workspaceId?: string;
                    };
                };
            };
            /** @description The error shape of every refusal */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
        };
    };
    "members.list": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            /**
                             * Format: date-time
                             * @description When they joined the workspace
                             */
                            createdAt: string;
                            email: string;
                            name: string;
                            /** @enum {string} */
                            role: "owner" | "admin" | "developer" | "viewer";
                            userId: string;
                        }[];
                    };
                };
            };
            /** @description The error shape of every refusal */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
        };
    };
    "members.add": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: email */
                    email: string;
                    /** @description Used when the email has no account yet */
                    name: string;
                    /** @description The new account's password; required only when the email has no account yet */
                    password?: string;
                    /** @enum {string} */
                    role: "owner" | "admin" | "developer" | "viewer";
                };
            };
        };
        responses: {
            /** @description A member of the workspace */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: date-time
                         * @description When they joined the workspace
                         */
                        createdAt: string;
                        email: string;
                        name: string;
                        /** @enum {string} */
                        role: "owner" | "admin" | "developer" | "viewer";
                        userId: string;
                    };
                };
            };
            /** @description The error shape of every refusal */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            402: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
        };
    };
    "members.remove": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Removed */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The error shape of every refusal */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
        };
    };
    "members.update": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                userId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    role: "owner" | "admin" | "developer" | "viewer";
                };
            };
        };
        responses: {
            /** @description A member of the workspace */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: date-time
                         * @description When they joined the workspace
                         */
                        createdAt: string;
                        email: string;
                        name: string;
                        /** @enum {string} */
                        role: "owner" | "admin" | "developer" | "viewer";
                        userId: string;
                    };
                };
            };
            /** @description The error shape of every refusal */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
        };
    };
    "plans.list": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description The plan of the caller's workspace
                         * @enum {string}
                         */
                        current: "free" | "pro" | "enterprise";
                        /** @description Every plan, from the smallest to the largest */
                        data: {
                            entitlements: {
                                apiAccess: boolean;
                                auditExport: boolean;
                                ipAllowlists: boolean;
                                /** @description null: no limit */
                                maxKeys: number | null;
                                /** @description null: no limit */
                                maxMembers: number | null;
                                usageLimits: boolean;
                            };
                            /** @enum {string} */
                            id: "free" | "pro" | "enterprise";
                            /** @description What it includes, in words: "API Access", ..., "Up to 25 members", "Unlimited API keys" */
                            includes: string[];
                            /** @description The plan's name as shown: "Free", "Pro", "Enterprise" */
                            name: string;
                        }[];
                    };
                };
            };
            /** @description The error shape of every refusal */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
        };
    };
    "portal.getSession": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The portal session of this browser */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The look the portal shows: the tenant's override over the operator's over the defaults (Keygate, no logo, #4f46e5) */
                        branding: {
                            accentColor: string;
                            logoUrl: string | null;
                            productName: string;
                        };
                        /** @description Send it as x-csrf-token on every change made in the portal */
                        csrfToken: string;
                        /** @description The origins that may frame the portal (KEYGATE_EMBED_ORIGINS) */
                        embedOrigins: string[];
                        /** Format: date-time */
                        expiresAt: string;
                        features: ("keys" | "apps" | "usage" | "audit")[];
                        /** @description What the role and features allow */
                        permissions: ("keys:read" | "keys:write" | "keys:verify" | "apps:read" | "apps:write" | "apis:read" | "apis:write" | "audit:read" | "root_keys:read" | "root_keys:write" | "members:read" | "members:write" | "workspace:read" | "workspace:write" | "webhooks:read" | "webhooks:write" | "reports:read" | "workspaces:read" | "workspaces:write" | "keys:verify:any" | "portal:write")[];
                        returnUrl: string | null;
                        /** @enum {string} */
                        role: "admin" | "developer" | "viewer";
                        user: {
                            email: string;
                            externalId: string;
                            name: string;
                        };
                        /** @description The tenant the portal shows */
                        workspace: {
                            /** @description The key portal's look as this workspace sets it; null where unset */
                            branding: {
                                accentColor: string | null;
                                logoUrl: string | null;
                                productName: string | null;
                            };
                            /** Format: date-time */
                            createdAt: string;
                            entitlements: {
                                apiAccess: boolean;
                                auditExport: boolean;
                                ipAllowlists: boolean;
                                /** @description null: no limit */
                                maxKeys: number | null;
                                /** @description null: no limit */
                                maxMembers: number | null;
                                usageLimits: boolean;
                            };
                            /** @description The platform's id of this customer; null for the operator */
                            externalId: string | null;
                            /** @description Formats of keys issued elsewhere (and imported by hash) that verification looks up instead of answering MALFORMED */
                            foreignKeyFormats: {
                                pattern: string | null;
                                prefix: string;
                            }[];
                            id: string;
                            keyPrefix: string;
                            /**
                             * @description `operator`: the platform's own workspace; `tenant`: one of its customers (platform mode)
                             * @enum {string}
                             */
                            kind: "operator" | "tenant";
                            name: string;
                            /** @enum {string} */
                            plan: "free" | "pro" | "enterprise";
                            /** @description The workspace's key policy and key hygiene policy */
                            policy: {
                                /** @description A key not verified for this many days is disabled by the server; null: never */
                                autoDisableUnusedDays: number | null;
                                /** @description Whether every new key must have an expiry */
                                expiryRequired: boolean;
                                /**
                                 * @description What a report of the key's secret found in public does: revoke it, disable it, or only notify
                                 * @enum {string}
                                 */
                                leakResponse: "revoke" | "disable" | "notify";
                                /** @description The longest a new key may live; null: no limit */
                                maxKeyLifetimeSeconds: number | null;
                                /** @description A key not rotated for this many days is due for rotation (badge, report); null: off */
                                rotationReminderDays: number | null;
                                /** @description A key not verified for this many days counts as unused (badge, report, key.unused event) */
                                unusedKeyDays: number;
                            };
                            /** @description Whether new keys' secrets are also kept encrypted, so admins and owners can reveal them later */
                            recoverableKeys: boolean;
                            /** @description A suspended workspace's keys verify as WORKSPACE_SUSPENDED */
                            suspended: boolean;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
        };
    };
    "portal.endSession": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ended */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The error shape of every refusal */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
        };
    };
    "portal.createSession": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description The screens the portal shows: keys, apps (apps and connected APIs), usage, audit; default all
                     * @default [
                     *       "keys",
                     *       "apps",
                     *       "usage",
                     *       "audit"
                     *     ]
                     */
                    features?: ("keys" | "apps" | "usage" | "audit")[];
                    /**
                     * Format: uri
                     * @description The platform's page the portal links back to
                     */
                    returnUrl?: string;
                    /**
                     * @description What the person may do, as a member of that role would (never owner)
                     * @default developer
                     * @enum {string}
                     */
                    role?: "admin" | "developer" | "viewer";
                    user: {
                        /**
                         * Format: email
                         * @description Shown beside their actions in the audit trail
                         */
                        email: string;
                        /** @description The platform's own id of the person; audit events name them `portal:<externalId>` */
                        externalId: string;
                        name?: string;
                    };
                    /** @description The tenant: its `ws_` id or its externalId (the platform's customer id) */
                    workspace: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: date-time */
                        expiresAt: string;
                        /**
                         * Format: uri
                         * @description Open it once, within 60 seconds: it starts the portal session
                         */
                        url: string;
                    };
                };
            };
            /** @description The error shape of every refusal */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
        };
    };
    "reports.keys": {
        parameters: {
            query?: {
                /** @description `csv`: a file to download, one key per row, breaches joined with `;` */
                format?: "json" | "csv";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The report, as JSON or CSV */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: date-time */
                        generatedAt: string;
                        /** @description Every key that is neither revoked, deleted nor expired */
                        keys: {
                            /** @description Whole days since it was created */
                            ageDays: number;
                            appId: string | null;
                            attention: ("rotation_due" | "unused" | "no_expiry" | "expiring_soon" | "leaked")[];
                            /** @description The policies it breaks: rotation_overdue, unused, no_expiry_required (an expiry is required and it has none), lifetime_exceeded (it lives longer than the longest lifetime), leaked */
                            breaches: ("rotation_overdue" | "unused" | "no_expiry_required" | "lifetime_exceeded" | "leaked")[];
                            /** Format: date-time */
                            createdAt: string;
                            /** @enum {string} */
                            environment: "production" | "staging" | "development";
                            expiresAt: string | null;
                            id: string;
                            lastRotatedAt: string | null;
                            lastUsedAt: string | null;
                            lastUsedIp: string | null;
                            name: string;
                            start: string;
                            /** @enum {string} */
                            status: "active" | "disabled" | "revoked" | "expired";
                        }[];
                        /** @description The workspace's key policy and key hygiene policy */
                        policy: {
                            /** @description A key not verified for this many days is disabled by the server; null: never */
                            autoDisableUnusedDays: number | null;
                            /** @description Whether every new key must have an expiry */
                            expiryRequired: boolean;
                            /**
                             * @description What a report of the key's secret found in public does: revoke it, disable it, or only notify
                             * @enum {string}
                             */
                            leakResponse: "revoke" | "disable" | "notify";
                            /** @description The longest a new key may live; null: no limit */
                            maxKeyLifetimeSeconds: number | null;
                            /** @description A key not rotated for this many days is due for rotation (badge, report); null: off */
                            rotationReminderDays: number | null;
                            /** @description A key not verified for this many days counts as unused (badge, report, key.unused event) */
                            unusedKeyDays: number;
                        };
                    };
                    "text/csv": string;
                };
            };
            /** @description The error shape of every refusal */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
        };
    };
    "rootKeys.list": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            createdAt: string;
                            /** @description The user or root key that created it; null for the system */
                            createdBy: string | null;
                            id: string;
                            lastUsedAt: string | null;
                            name: string;
                            permissions: ("*" | "keys:read" | "keys:write" | "keys:verify" | "apps:read" | "apps:write" | "apis:read" | "apis:write" | "audit:read" | "root_keys:read" | "root_keys:write" | "members:read" | "members:write" | "workspace:read" | "workspace:write" | "webhooks:read" | "webhooks:write" | "reports:read" | "workspaces:read" | "workspaces:write" | "keys:verify:any" | "portal:write")[];
                            /** @description The first characters of the key, to recognise it without exposing it */
                            start: string;
                        }[];
                    };
                };
            };
            /** @description The error shape of every refusal */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
        };
    };
    "rootKeys.create": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description What the key is for, such as `ci-deploy` */
                    name: string;
                    permissions: ("*" | "keys:read" | "keys:write" | "keys:verify" | "apps:read" | "apps:write" | "apis:read" | "apis:write" | "audit:read" | "root_keys:read" | "root_keys:write" | "members:read" | "members:write" | "workspace:read" | "workspace:write" | "webhooks:read" | "webhooks:write" | "reports:read" | "workspaces:read" | "workspaces:write" | "keys:verify:any" | "portal:write")[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        createdAt: string;
                        /** @description The user or root key that created it; null for the system */
                        createdBy: string | null;
                        id: string;
                        /** @description The secret: shown only in this response, never again */
                        key: string;
                        lastUsedAt: string | null;
                        name: string;
                        permissions: ("*" | "keys:read" | "keys:write" | "keys:verify" | "apps:read" | "apps:write" | "apis:read" | "apis:write" | "audit:read" | "root_keys:read" | "root_keys:write" | "members:read" | "members:write" | "workspace:read" | "workspace:write" | "webhooks:read" | "webhooks:write" | "reports:read" | "workspaces:read" | "workspaces:write" | "keys:verify:any" | "portal:write")[];
                        /** @description The first characters of the key, to recognise it without exposing it */
                        start: string;
                    };
                };
            };
            /** @description The error shape of every refusal */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
        };
    };
    "rootKeys.delete": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The error shape of every refusal */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
        };
    };
    "secretScanning.github": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description What GitHub found; fields GitHub may add later are ignored */
        requestBody: {
            content: {
                "application/json": {
                    /** @description What kind of place: content, commit, npm, ... */
                    source: string;
                    /** @description The secret found */
                    token: string;
                    /** @description The secret type GitHub matched */
                    type: string;
                    /** @description Where it was found */
                    url: string;
                }[];
            };
        };
        responses: {
            /** @description Each reported token's label, in the order reported */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        label: "true_positive" | "false_positive";
                        token_raw: string;
                        token_type: string;
                    }[];
                };
            };
            /** @description The error shape of every refusal */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
        };
    };
    "setup.complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: email */
                    email: string;
                    name: string;
                    password: string;
                    /** @description The token of the setup link */
                    token: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Send it as x-csrf-token on every change made with this session */
                        csrfToken: string;
                        /** @enum {string} */
                        role: "owner" | "admin" | "developer" | "viewer";
                        /** @description A person with an account */
                        user: {
                            /** Format: date-time */
                            createdAt: string;
                            email: string;
                            id: string;
                            name: string;
                        };
                        /** @description A workspace: its plan, default key prefix and key policy */
                        workspace: {
                            /** @description The key portal's look as this workspace sets it; null where unset */
                            branding: {
                                accentColor: string | null;
                                logoUrl: string | null;
                                productName: string | null;
                            };
                            /** Format: date-time */
                            createdAt: string;
                            entitlements: {
                                apiAccess: boolean;
                                auditExport: boolean;
                                ipAllowlists: boolean;
                                /** @description null: no limit */
                                maxKeys: number | null;
                                /** @description null: no limit */
                                maxMembers: number | null;
                                usageLimits: boolean;
                            };
                            /** @description The platform's id of this customer; null for the operator */
                            externalId: string | null;
                            /** @description Formats of keys issued elsewhere (and imported by hash) that verification looks up instead of answering MALFORMED */
                            foreignKeyFormats: {
                                pattern: string | null;
                                prefix: string;
                            }[];
                            id: string;
                            keyPrefix: string;
                            /**
                             * @description `operator`: the platform's own workspace; `tenant`: one of its customers (platform mode)
                             * @enum {string}
                             */
                            kind: "operator" | "tenant";
                            name: string;
                            /** @enum {string} */
                            plan: "free" | "pro" | "enterprise";
                            /** @description The workspace's key policy and key hygiene policy */
                            policy: {
                                /** @description A key not verified for this many days is disabled by the server; null: never */
                                autoDisableUnusedDays: number | null;
                                /** @description Whether every new key must have an expiry */
                                expiryRequired: boolean;
                                /**
                                 * @description What a report of the key's secret found in public does: revoke it, disable it, or only notify
                                 * @enum {string}
                                 */
                                leakResponse: "revoke" | "disable" | "notify";
                                /** @description The longest a new key may live; null: no limit */
                                maxKeyLifetimeSeconds: number | null;
                                /** @description A key not rotated for this many days is due for rotation (badge, report); null: off */
                                rotationReminderDays: number | null;
                                /** @description A key not verified for this many days counts as unused (badge, report, key.unused event) */
                                unusedKeyDays: number;
                            };
                            /** @description Whether new keys' secrets are also kept encrypted, so admins and owners can reveal them later */
                            recoverableKeys: boolean;
                            /** @description A suspended workspace's keys verify as WORKSPACE_SUSPENDED */
                            suspended: boolean;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
        };
    };
    "webhooks.list": {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            /** @description Also every tenant's events (the operator's workspace only) */
                            allTenants: boolean;
                            createdAt: string;
                            description: string;
                            enabled: boolean;
                            events: ("key.created" | "key.updated" | "key.enabled" | "key.disabled" | "key.rotated" | "key.revoked" | "key.deleted" | "key.expiring" | "key.expired" | "key.quota_low" | "key.quota_exhausted" | "key.rate_limited" | "key.leaked" | "key.unused")[];
                            /** @description Since when deliveries to it have been using up their retries; null while it answers */
                            failingSince: string | null;
                            id: string;
                            updatedAt: string;
                            url: string;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The error shape of every refusal */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
        };
    };
    "webhooks.create": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description Also receive every tenant's events; only the operator's workspace may set it
                     * @default false
                     */
                    allTenants?: boolean;
                    /** @default  */
                    description?: string;
                    /** @default true */
                    enabled?: boolean;
                    /** @description The event types it receives, each once */
                    events: ("key.created" | "key.updated" | "key.enabled" | "key.disabled" | "key.rotated" | "key.revoked" | "key.deleted" | "key.expiring" | "key.expired" | "key.quota_low" | "key.quota_exhausted" | "key.rate_limited" | "key.leaked" | "key.unused")[];
                    /** @description Where events are sent: an https URL of a public address */
                    url: string;
                };
            };
        };
        responses: {
            /** @description A webhook endpoint and its signing secret, shown once */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Also every tenant's events (the operator's workspace only) */
                        allTenants: boolean;
                        createdAt: string;
                        description: string;
                        enabled: boolean;
                        events: ("key.created" | "key.updated" | "key.enabled" | "key.disabled" | "key.rotated" | "key.revoked" | "key.deleted" | "key.expiring" | "key.expired" | "key.quota_low" | "key.quota_exhausted" | "key.rate_limited" | "key.leaked" | "key.unused")[];
                        /** @description Since when deliveries to it have been using up their retries; null while it answers */
                        failingSince: string | null;
                        id: string;
                        /** @description The signing secret (whsec_...), shown only in this answer: store it now */
                        secret: string;
                        updatedAt: string;
                        url: string;
                    };
                };
            };
            /** @description The error shape of every refusal */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
        };
    };
    "webhooks.get": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A webhook endpoint (never its secret) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Also every tenant's events (the operator's workspace only) */
                        allTenants: boolean;
                        createdAt: string;
                        description: string;
                        enabled: boolean;
                        events: ("key.created" | "key.updated" | "key.enabled" | "key.disabled" | "key.rotated" | "key.revoked" | "key.deleted" | "key.expiring" | "key.expired" | "key.quota_low" | "key.quota_exhausted" | "key.rate_limited" | "key.leaked" | "key.unused")[];
                        /** @description Since when deliveries to it have been using up their retries; null while it answers */
                        failingSince: string | null;
                        id: string;
                        updatedAt: string;
                        url: string;
                    };
                };
            };
            /** @description The error shape of every refusal */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
        };
    };
    "webhooks.delete": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The error shape of every refusal */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
        };
    };
    "webhooks.update": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    description?: string;
                    enabled?: boolean;
                    /** @description The event types it receives, each once */
                    events?: ("key.created" | "key.updated" | "key.enabled" | "key.disabled" | "key.rotated" | "key.revoked" | "key.deleted" | "key.expiring" | "key.expired" | "key.quota_low" | "key.quota_exhausted" | "key.rate_limited" | "key.leaked" | "key.unused")[];
                    /** @description Where events are sent: an https URL of a public address */
                    url?: string;
                };
            };
        };
        responses: {
            /** @description A webhook endpoint (never its secret) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Also every tenant's events (the operator's workspace only) */
                        allTenants: boolean;
                        createdAt: string;
                        description: string;
                        enabled: boolean;
                        events: ("key.created" | "key.updated" | "key.enabled" | "key.disabled" | "key.rotated" | "key.revoked" | "key.deleted" | "key.expiring" | "key.expired" | "key.quota_low" | "key.quota_exhausted" | "key.rate_limited" | "key.leaked" | "key.unused")[];
                        /** @description Since when deliveries to it have been using up their retries; null while it answers */
                        failingSince: string | null;
                        id: string;
                        updatedAt: string;
                        url: string;
                    };
                };
            };
            /** @description The error shape of every refusal */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
        };
    };
    "webhooks.listDeliveries": {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            /** @description Every attempt, oldest first */
                            attemptLog: {
                                attemptedAt: string;
                                durationMs: number;
                                /** @description Why no answer came (timeout, refused address...); null when one came */
                                error: string | null;
                                /** @description The start of the receiver's answer */
                                responseExcerpt: string;
                                /** @description The receiver's HTTP status; null when none came */
                                statusCode: number | null;
                            }[];
                            attempts: number;
                            createdAt: string;
                            endpointId: string;
                            /** @description A webhook event as it is sent */
                            event: {
                                /** @description The key (never its secret or hash), the workspace and more */
                                data: {
                                    [key: string]: unknown;
                                };
                                /** @description The event id (msg_...), also the webhook-id header */
                                id: string;
                                /** @description When it happened */
                                timestamp: string;
                                /** @description key.created, key.revoked, ... or webhook.test */
                                type: string;
                            };
                            eventId: string;
                            eventType: string;
                            finishedAt: string | null;
                            id: string;
                            lastStatusCode: number | null;
                            /** @description When it is tried next; null once finished */
                            nextAttemptAt: string | null;
                            /** @enum {string} */
                            status: "pending" | "delivered" | "failed";
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The error shape of every refusal */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
        };
    };
    "webhooks.rotateSecret": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A webhook endpoint and its signing secret, shown once */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Also every tenant's events (the operator's workspace only) */
                        allTenants: boolean;
                        createdAt: string;
                        description: string;
                        enabled: boolean;
                        events: ("key.created" | "key.updated" | "key.enabled" | "key.disabled" | "key.rotated" | "key.revoked" | "key.deleted" | "key.expiring" | "key.expired" | "key.quota_low" | "key.quota_exhausted" | "key.rate_limited" | "key.leaked" | "key.unused")[];
                        /** @description Since when deliveries to it have been using up their retries; null while it answers */
                        failingSince: string | null;
                        id: string;
                        /** @description The signing secret (whsec_...), shown only in this answer: store it now */
                        secret: string;
                        updatedAt: string;
                        url: string;
                    };
                };
            };
            /** @description The error shape of every refusal */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
        };
    };
    "webhooks.test": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One event for one endpoint, and its attempts */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Every attempt, oldest first */
                        attemptLog: {
                            attemptedAt: string;
                            durationMs: number;
                            /** @description Why no answer came (timeout, refused address...); null when one came */
                            error: string | null;
                            /** @description The start of the receiver's answer */
                            responseExcerpt: string;
                            /** @description The receiver's HTTP status; null when none came */
                            statusCode: number | null;
                        }[];
                        attempts: number;
                        createdAt: string;
                        endpointId: string;
                        /** @description A webhook event as it is sent */
                        event: {
                            /** @description The key (never its secret or hash), the workspace and more */
                            data: {
                                [key: string]: unknown;
                            };
                            /** @description The event id (msg_...), also the webhook-id header */
                            id: string;
                            /** @description When it happened */
                            timestamp: string;
                            /** @description key.created, key.revoked, ... or webhook.test */
                            type: string;
                        };
                        eventId: string;
                        eventType: string;
                        finishedAt: string | null;
                        id: string;
                        lastStatusCode: number | null;
                        /** @description When it is tried next; null once finished */
                        nextAttemptAt: string | null;
                        /** @enum {string} */
                        status: "pending" | "delivered" | "failed";
                    };
                };
            };
            /** @description The error shape of every refusal */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
        };
    };
    "webhooks.redeliver": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One event for one endpoint, and its attempts */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Every attempt, oldest first */
                        attemptLog: {
                            attemptedAt: string;
                            durationMs: number;
                            /** @description Why no answer came (timeout, refused address...); null when one came */
                            error: string | null;
                            /** @description The start of the receiver's answer */
                            responseExcerpt: string;
                            /** @description The receiver's HTTP status; null when none came */
                            statusCode: number | null;
                        }[];
                        attempts: number;
                        createdAt: string;
                        endpointId: string;
                        /** @description A webhook event as it is sent */
                        event: {
                            /** @description The key (never its secret or hash), the workspace and more */
                            data: {
                                [key: string]: unknown;
                            };
                            /** @description The event id (msg_...), also the webhook-id header */
                            id: string;
                            /** @description When it happened */
                            timestamp: string;
                            /** @description key.created, key.revoked, ... or webhook.test */
                            type: string;
                        };
                        eventId: string;
                        eventType: string;
                        finishedAt: string | null;
                        id: string;
                        lastStatusCode: number | null;
                        /** @description When it is tried next; null once finished */
                        nextAttemptAt: string | null;
                        /** @enum {string} */
                        status: "pending" | "delivered" | "failed";
                    };
                };
            };
            /** @description The error shape of every refusal */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
        };
    };
    "workspace.get": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A workspace: its plan, default key prefix and key policy */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The key portal's look as this workspace sets it; null where unset */
                        branding: {
                            accentColor: string | null;
                            logoUrl: string | null;
                            productName: string | null;
                        };
                        /** Format: date-time */
                        createdAt: string;
                        entitlements: {
                            apiAccess: boolean;
                            auditExport: boolean;
                            ipAllowlists: boolean;
                            /** @description null: no limit */
                            maxKeys: number | null;
                            /** @description null: no limit */
                            maxMembers: number | null;
                            usageLimits: boolean;
                        };
                        /** @description The platform's id of this customer; null for the operator */
                        externalId: string | null;
                        /** @description Formats of keys issued elsewhere (and imported by hash) that verification looks up instead of answering MALFORMED */
                        foreignKeyFormats: {
                            pattern: string | null;
                            prefix: string;
                        }[];
                        id: string;
                        keyPrefix: string;
                        /**
                         * @description `operator`: the platform's own workspace; `tenant`: one of its customers (platform mode)
                         * @enum {string}
                         */
                        kind: "operator" | "tenant";
                        name: string;
                        /** @enum {string} */
                        plan: "free" | "pro" | "enterprise";
                        /** @description The workspace's key policy and key hygiene policy */
                        policy: {
                            /** @description A key not verified for this many days is disabled by the server; null: never */
                            autoDisableUnusedDays: number | null;
                            /** @description Whether every new key must have an expiry */
                            expiryRequired: boolean;
                            /**
                             * @description What a report of the key's secret found in public does: revoke it, disable it, or only notify
                             * @enum {string}
                             */
                            leakResponse: "revoke" | "disable" | "notify";
                            /** @description The longest a new key may live; null: no limit */
                            maxKeyLifetimeSeconds: number | null;
                            /** @description A key not rotated for this many days is due for rotation (badge, report); null: off */
                            rotationReminderDays: number | null;
                            /** @description A key not verified for this many days counts as unused (badge, report, key.unused event) */
                            unusedKeyDays: number;
                        };
                        /** @description Whether new keys' secrets are also kept encrypted, so admins and owners can reveal them later */
                        recoverableKeys: boolean;
                        /** @description A suspended workspace's keys verify as WORKSPACE_SUSPENDED */
                        suspended: boolean;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description The error shape of every refusal */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
        };
    };
    "workspace.update": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The key portal's look for every tenant (platform mode): the operator's workspace only; a tenant's override is the operator's to set, with PATCH /v1/workspaces/{id} */
                    branding?: {
                        accentColor?: string | null;
                        logoUrl?: string | null;
                        productName?: string | null;
                    };
                    /** @description Formats of keys issued elsewhere: a presented key that is not in Keygate's format is looked up (instead of answering MALFORMED) when it starts with one of these prefixes and matches its pattern. [] for none */
                    foreignKeyFormats?: {
                        /** @description A JavaScript regular expression the whole key must match (`^sk_live_[A-Za-z0-9]{24}$`); null or absent: the prefix is enough. Refused unless safe-regex2 finds it safe */
                        pattern?: string | null;
                        /** @description What every key of this format starts with (`sk_live_`) */
                        prefix: string;
                    }[];
                    /** @description The default prefix of new keys (`acme`, `acme_live`); existing keys keep theirs */
                    keyPrefix?: string;
                    name?: string;
                    policy?: {
                        /** @description Disable a key not verified for this many days (audited, by the server); null: never */
                        autoDisableUnusedDays?: number | null;
                        /** @description Whether every new key must have an expiry */
                        expiryRequired?: boolean;
                        /**
                         * @description What a report of the key's secret found in public does: revoke it, disable it, or only notify
                         * @enum {string}
                         */
                        leakResponse?: "revoke" | "disable" | "notify";
                        /** @description The longest a new key may live; null for no limit */
                        maxKeyLifetimeSeconds?: number | null;
                        /** @description A key not rotated for this many days is due for rotation (badge, report); null: off */
                        rotationReminderDays?: number | null;
                        /** @description A key not verified for this many days counts as unused (badge, report, key.unused event) */
                        unusedKeyDays?: number;
                    };
                    /** @description true: the secrets of keys created or rotated from now on are also kept encrypted, and admins and owners can reveal them (POST /v1/keys/{id}/reveal). false: every kept secret is erased; no key can be revealed */
                    recoverableKeys?: boolean;
                };
            };
        };
        responses: {
            /** @description A workspace: its plan, default key prefix and key policy */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The key portal's look as this workspace sets it; null where unset */
                        branding: {
                            accentColor: string | null;
                            logoUrl: string | null;
                            productName: string | null;
                        };
                        /** Format: date-time */
                        createdAt: string;
                        entitlements: {
                            apiAccess: boolean;
                            auditExport: boolean;
                            ipAllowlists: boolean;
                            /** @description null: no limit */
                            maxKeys: number | null;
                            /** @description null: no limit */
                            maxMembers: number | null;
                            usageLimits: boolean;
                        };
                        /** @description The platform's id of this customer; null for the operator */
                        externalId: string | null;
                        /** @description Formats of keys issued elsewhere (and imported by hash) that verification looks up instead of answering MALFORMED */
                        foreignKeyFormats: {
                            pattern: string | null;
                            prefix: string;
                        }[];
                        id: string;
                        keyPrefix: string;
                        /**
                         * @description `operator`: the platform's own workspace; `tenant`: one of its customers (platform mode)
                         * @enum {string}
                         */
                        kind: "operator" | "tenant";
                        name: string;
                        /** @enum {string} */
                        plan: "free" | "pro" | "enterprise";
                        /** @description The workspace's key policy and key hygiene policy */
                        policy: {
                            /** @description A key not verified for this many days is disabled by the server; null: never */
                            autoDisableUnusedDays: number | null;
                            /** @description Whether every new key must have an expiry */
                            expiryRequired: boolean;
                            /**
                             * @description What a report of the key's secret found in public does: revoke it, disable it, or only notify
                             * @enum {string}
                             */
                            leakResponse: "revoke" | "disable" | "notify";
                            /** @description The longest a new key may live; null: no limit */
                            maxKeyLifetimeSeconds: number | null;
                            /** @description A key not rotated for this many days is due for rotation (badge, report); null: off */
                            rotationReminderDays: number | null;
                            /** @description A key not verified for this many days counts as unused (badge, report, key.unused event) */
                            unusedKeyDays: number;
                        };
                        /** @description Whether new keys' secrets are also kept encrypted, so admins and owners can reveal them later */
                        recoverableKeys: boolean;
                        /** @description A suspended workspace's keys verify as WORKSPACE_SUSPENDED */
                        suspended: boolean;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description The error shape of every refusal */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
        };
    };
    "workspaces.list": {
        parameters: {
            query?: {
                cursor?: string;
                /** @description Exactly this customer id */
                externalId?: string;
                limit?: number;
                plan?: "free" | "pro" | "enterprise";
                /** @description Contained in the name or the customer id, in any case */
                search?: string;
                /** @description `true`: only suspended tenants; `false`: only the others */
                suspended?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            /** @description The key portal's look as this workspace sets it; null where unset */
                            branding: {
                                accentColor: string | null;
                                logoUrl: string | null;
                                productName: string | null;
                            };
                            /** Format: date-time */
                            createdAt: string;
                            entitlements: {
                                apiAccess: boolean;
                                auditExport: boolean;
                                ipAllowlists: boolean;
                                /** @description null: no limit */
                                maxKeys: number | null;
                                /** @description null: no limit */
                                maxMembers: number | null;
                                usageLimits: boolean;
                            };
                            externalId: string | null;
                            id: string;
                            /** @description Live (not deleted) keys */
                            keyCount: number;
                            keyPrefix: string;
                            /** @description The last verification of any of its keys */
                            lastVerifiedAt: string | null;
                            name: string;
                            /** @enum {string} */
                            plan: "free" | "pro" | "enterprise";
                            /** @description A suspended tenant's keys verify as WORKSPACE_SUSPENDED */
                            suspended: boolean;
                            suspendedAt: string | null;
                            /** Format: date-time */
                            updatedAt: string;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The error shape of every refusal */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
        };
    };
    "workspaces.create": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The platform's own id of this customer (`cus_42`); unique */
                    externalId: string;
                    /** @description The default prefix of the tenant's keys; the operator's own when absent */
                    keyPrefix?: string;
                    /** @description The customer's name as the platform shows it */
                    name: string;
                    /**
                     * @description What the customer bought; `free` has no API Access (no new keys)
                     * @enum {string}
                     */
                    plan: "free" | "pro" | "enterprise";
                };
            };
        };
        responses: {
            /** @description A tenant: one customer workspace of the platform */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The key portal's look as this workspace sets it; null where unset */
                        branding: {
                            accentColor: string | null;
                            logoUrl: string | null;
                            productName: string | null;
                        };
                        /** Format: date-time */
                        createdAt: string;
                        entitlements: {
                            apiAccess: boolean;
                            auditExport: boolean;
                            ipAllowlists: boolean;
                            /** @description null: no limit */
                            maxKeys: number | null;
                            /** @description null: no limit */
                            maxMembers: number | null;
                            usageLimits: boolean;
                        };
                        externalId: string | null;
                        id: string;
                        /** @description Live (not deleted) keys */
                        keyCount: number;
                        keyPrefix: string;
                        /** @description The last verification of any of its keys */
                        lastVerifiedAt: string | null;
                        name: string;
                        /** @enum {string} */
                        plan: "free" | "pro" | "enterprise";
                        /** @description A suspended tenant's keys verify as WORKSPACE_SUSPENDED */
                        suspended: boolean;
                        suspendedAt: string | null;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description The error shape of every refusal */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
        };
    };
    "workspaces.get": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A tenant: one customer workspace of the platform */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The key portal's look as this workspace sets it; null where unset */
                        branding: {
                            accentColor: string | null;
                            logoUrl: string | null;
                            productName: string | null;
                        };
                        /** Format: date-time */
                        createdAt: string;
                        entitlements: {
                            apiAccess: boolean;
                            auditExport: boolean;
                            ipAllowlists: boolean;
                            /** @description null: no limit */
                            maxKeys: number | null;
                            /** @description null: no limit */
                            maxMembers: number | null;
                            usageLimits: boolean;
                        };
                        externalId: string | null;
                        id: string;
                        /** @description Live (not deleted) keys */
                        keyCount: number;
                        keyPrefix: string;
                        /** @description The last verification of any of its keys */
                        lastVerifiedAt: string | null;
                        name: string;
                        /** @enum {string} */
                        plan: "free" | "pro" | "enterprise";
                        /** @description A suspended tenant's keys verify as WORKSPACE_SUSPENDED */
                        suspended: boolean;
                        suspendedAt: string | null;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description The error shape of every refusal */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
        };
    };
    "workspaces.delete": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The error shape of every refusal */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
        };
    };
    "workspaces.update": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The tenant's override of the operator's branding */
                    branding?: {
                        accentColor?: string | null;
                        logoUrl?: string | null;
                        productName?: string | null;
                    };
                    /** @description The platform's own id of this customer (`cus_42`); unique */
                    externalId?: string;
                    name?: string;
                    /**
                     * @description Takes effect on the very next request; existing keys keep verifying on a plan without API Access
                     * @enum {string}
                     */
                    plan?: "free" | "pro" | "enterprise";
                    /** @description true: its keys verify as WORKSPACE_SUSPENDED at once; false: resumed */
                    suspended?: boolean;
                };
            };
        };
        responses: {
            /** @description A tenant: one customer workspace of the platform */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The key portal's look as this workspace sets it; null where unset */
                        branding: {
                            accentColor: string | null;
                            logoUrl: string | null;
                            productName: string | null;
                        };
                        /** Format: date-time */
                        createdAt: string;
                        entitlements: {
                            apiAccess: boolean;
                            auditExport: boolean;
                            ipAllowlists: boolean;
                            /** @description null: no limit */
                            maxKeys: number | null;
                            /** @description null: no limit */
                            maxMembers: number | null;
                            usageLimits: boolean;
                        };
                        externalId: string | null;
                        id: string;
                        /** @description Live (not deleted) keys */
                        keyCount: number;
                        keyPrefix: string;
                        /** @description The last verification of any of its keys */
                        lastVerifiedAt: string | null;
                        name: string;
                        /** @enum {string} */
                        plan: "free" | "pro" | "enterprise";
                        /** @description A suspended tenant's keys verify as WORKSPACE_SUSPENDED */
                        suspended: boolean;
                        suspendedAt: string | null;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description The error shape of every refusal */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
        };
    };
    "workspaces.open": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: date-time */
                        expiresAt: string;
                        /** @description The one-time link into the tenant's portal; open it within 60 seconds, once */
                        url: string;
                    };
                };
            };
            /** @description The error shape of every refusal */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
        };
    };
    "workspaces.createRootKey": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description What the key is for, such as `ci-deploy` */
                    name: string;
                    permissions: ("*" | "keys:read" | "keys:write" | "keys:verify" | "apps:read" | "apps:write" | "apis:read" | "apis:write" | "audit:read" | "root_keys:read" | "root_keys:write" | "members:read" | "members:write" | "workspace:read" | "workspace:write" | "webhooks:read" | "webhooks:write" | "reports:read" | "workspaces:read" | "workspaces:write" | "keys:verify:any" | "portal:write")[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        createdAt: string;
                        /** @description The user or root key that created it; null for the system */
                        createdBy: string | null;
                        id: string;
                        /** @description The secret: shown only in this response, never again */
                        key: string;
                        lastUsedAt: string | null;
                        name: string;
                        permissions: ("*" | "keys:read" | "keys:write" | "keys:verify" | "apps:read" | "apps:write" | "apis:read" | "apis:write" | "audit:read" | "root_keys:read" | "root_keys:write" | "members:read" | "members:write" | "workspace:read" | "workspace:write" | "webhooks:read" | "webhooks:write" | "reports:read" | "workspaces:read" | "workspaces:write" | "keys:verify:any" | "portal:write")[];
                        /** @description The first characters of the key, to recognise it without exposing it */
                        start: string;
                    };
                };
            };
            /** @description The error shape of every refusal */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
            /** @description The error shape of every refusal */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            /** @description Per-field reasons of a validation failure */
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                            requestId: string;
                        };
                    };
                };
            };
        };
    };
}
