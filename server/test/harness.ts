/**
 * Builds a whole Keygate for a test: a fresh store (PGlite by default), a manual clock, a silent
 * logger, and the real HTTP app driven through `app.inject`. Seeds workspaces, users with roles,
 * sessions and root keys without going through the routes under test.
 */
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from "fastify";
import pino from "pino";
import { expect } from "vitest";
import { type AppContext, createContext } from "../src/app/context.js";
import { ManualClock } from "../src/clock.js";
import { type Config, loadConfig } from "../src/config/config.js";
import { createSession, SESSION_COOKIE } from "../src/domain/auth/sessions.js";
import { type Grant, PERMISSIONS, type Permission } from "../src/domain/principal.js";
import { createRootKey } from "../src/domain/root-keys/root-keys.js";
import { hashPassword } from "../src/domain/users/passwords.js";
import { addMember, createUser } from "../src/domain/users/users.js";
import { createWorkspace } from "../src/domain/workspaces/workspaces.js";
import { createApp } from "../src/http/app.js";
import type { Store } from "../src/store/database.js";
import type { Plan, Role, WorkspaceRow } from "../src/store/schema.js";
import type { Invalidation } from "../src/verifier/invalidation.js";
import type { RateLimiter } from "../src/verifier/rate-limiter.js";
import { type Backend, pgliteBackend } from "./backends.js";

export interface TestService {
  app: FastifyInstance;
  ctx: AppContext;
  clock: ManualClock;
  store: Store;
  close(): Promise<void>;
}

export interface TestServiceOptions {
  backend?: Backend;
  env?: NodeJS.ProcessEnv;
  clock?: ManualClock;
  /** A store opened by the test (another node's database, for cluster tests) instead of a fresh one. */
  store?: Store;
  /** How changes reach the other nodes; in process by default. */
  invalidation?: Invalidation;
  /** Where rate limits are counted (Redis, for the cluster's tests); in memory by default. */
  rateLimiter?: RateLimiter;
  /** Change the context before the app is built (swap a limiter, shorten a TTL). */
  configure?: (ctx: AppContext) => void;
}

export async function createTestService(options: TestServiceOptions = {}): Promise<TestService> {
  const store = options.store ?? (await (options.backend ?? pgliteBackend).open());
  const clock = options.clock ?? new ManualClock("2026-06-01T12:00:00.000Z");
  const config: Config = loadConfig({
    KEYGATE_DATA_DIR: "/nonexistent",
    LOG_LEVEL: "silent",
    ...options.env,
  });
  const ctx = createContext({
    config,
    store,
    clock,
    logger: pino({ level: "silent" }),
    invalidation: options.invalidation,
    rateLimiter: options.rateLimiter,
  });
  options.configure?.(ctx);
  const app = await createApp(ctx);
  await app.ready();
  return {
    app,
    ctx,
    clock,
    store,
    async close() {
      await app.close();
      await store.close();
    },
  };
}

export const TEST_PASSWORD = "correct horse battery staple";

let passwordHash: Promise<string> | undefined;

/**
 * The argon2id hash of {@link TEST_PASSWORD}, with the production parameters, made once per test
 * worker: every seeded user gets it, so seeding costs no hash, while signing in still checks it.
 */
function testPasswordHash(): Promise<string> {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  return passwordHash;
}

export interface SeededWorkspace {
  workspace: WorkspaceRow;
  ownerEmail: string;
  /** A root key with `*` in this workspace. */
  rootKey: string;
}

let counter = 0;

/** A workspace with an owner (password {@link TEST_PASSWORD}) and an all-powerful root key. */
export async function seedWorkspace(
  service: TestService,
  options: { plan?: Plan; name?: string; keyPrefix?: string } = {},
): Promise<SeededWorkspace> {
  const at = service.clock.now();
  counter += 1;
  const workspace = await createWorkspace(service.store.db, {
    name: options.name ?? `Workspace ${counter}`,
    plan: options.plan ?? "enterprise",
    keyPrefix: options.keyPrefix ?? "acme",
    at,
  });
  const ownerEmail = `owner${counter}@example.com`;
  const owner = await createUser(service.store.db, {
    email: ownerEmail,
    name: "Owner",
    passwordHash: await testPasswordHash(),
    at,
  });
  await addMember(service.store.db, { workspaceId: workspace.id, userId: owner.id, role: "owner", at });
  const { key } = await createRootKey(service.store.db, {
    workspaceId: workspace.id,
    name: "test root",
    permissions: ["*"],
    actor: { type: "system", id: null, ip: null },
    at,
  });
  return { workspace, ownerEmail, rootKey: key };
}

/** A root key in the workspace with exactly these permissions. */
export async function seedRootKey(
  service: TestService,
  workspaceId: string,
  permissions: Grant[],
): Promise<string> {
  const { key } = await createRootKey(service.store.db, {
    workspaceId,
    name: `root ${permissions.join(",")}`,
    permissions,
    actor: { type: "system", id: null, ip: null },
    at: service.clock.now(),
  });
  return key;
}

export interface SignedIn {
  userId: string;
  email: string;
  /** Headers for a signed-in request: the session cookie and the CSRF token. */
  headers: { cookie: string; "x-csrf-token": string };
}

/** A new member with this role in the workspace, already signed in. */
export async function signInAs(service: TestService, workspaceId: string, role: Role): Promise<SignedIn> {
  const at = service.clock.now();
  counter += 1;
  const email = `${role}${counter}@example.com`;
  const user = await createUser(service.store.db, {
    email,
    name: role,
    passwordHash: await testPasswordHash(),
    at,
  });
  await addMember(service.store.db, { workspaceId, userId: user.id, role, at });
  const session = await createSession(service.store.db, service.clock, {
    userId: user.id,
    workspaceId,
    ip: "127.0.0.1",
    userAgent: "test",
  });
  return {
    userId: user.id,
    email,
    headers: { cookie: `${SESSION_COOKIE}=${session.token}`, "x-csrf-token": session.csrfToken },
  };
}

export const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

/** The parsed JSON body of a response. */
export function json<T = Record<string, unknown>>(response: LightMyRequestResponse): T {
  return response.json() as T;
}

/** Asserts the exact error shape of a refusal. */
export function expectError(
  response: LightMyRequestResponse,
  status: number,
  code: string,
  message?: string | RegExp,
) {
  expect(response.statusCode).toBe(status);
  const body = json<{ error: { code: string; message: string; requestId: string } }>(response);
  expect(body.error.code).toBe(code);
  expect(body.error.requestId).toMatch(/^req_/);
  if (typeof message === "string") expect(body.error.message).toBe(message);
  else if (message) expect(body.error.message).toMatch(message);
  return body.error;
}

/**
 * The security path of an endpoint in one call: no credential is 401, a malformed or unknown root
 * key is 401, and a root key without `permission` is 403 (while it does hold every other permission).
 */
export async function expectSecured(
  service: TestService,
  workspaceId: string,
  request: InjectOptions,
  permission: Permission,
): Promise<void> {
  const headers = { ...(request.headers ?? {}) };
  delete headers.authorization;
  delete headers.cookie;
  expectError(await service.app.inject({ ...request, headers }), 401, "UNAUTHENTICATED");
  expectError(
    await service.app.inject({ ...request, headers: { ...headers, ...bearer("kg_root_notarealkey") } }),
    401,
    "UNAUTHENTICATED",
  );
  const others = PERMISSIONS.filter((p) => p !== permission);
  const weak = await seedRootKey(service, workspaceId, others);
  expectError(
    await service.app.inject({ ...request, headers: { ...headers, ...bearer(weak) } }),
    403,
    "FORBIDDEN",
    `this needs the ${permission} permission`,
  );
}
