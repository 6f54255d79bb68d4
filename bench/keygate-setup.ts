/**
 * Prepares a running Keygate for the benchmark through its public API, as a user would: sign in
 * as the admin, create root keys, create the keys to verify; for the cross-tenant variant, create
 * tenants and their keys as a platform would.
 */
import http from "node:http";

export interface BenchKey {
  id: string;
  key: string;
}

async function call<T>(
  url: string,
  init: RequestInit,
  expected: number,
): Promise<{ body: T; headers: Headers }> {
  const response = await fetch(url, init);
  const text = await response.text();
  if (response.status !== expected) {
    throw new Error(`${init.method ?? "GET"} ${url} answered ${response.status}, not ${expected}: ${text}`);
  }
  return { body: JSON.parse(text) as T, headers: response.headers };
}

/** Signs in and creates a root key with these permissions; returns its secret. */
export async function createRootKeys(
  baseUrl: string,
  admin: { email: string; password: string },
  keys: Array<{ name: string; permissions: string[] }>,
): Promise<string[]> {
  const login = await call<{ csrfToken: string }>(
    `${baseUrl}/v1/auth/login`,
    { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(admin) },
    200,
  );
  const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  const secrets: string[] = [];
  for (const key of keys) {
    const created = await call<{ key: string }>(
      `${baseUrl}/v1/root-keys`,
      {
        method: "POST",
        headers: { "content-type": "application/json", cookie, "x-csrf-token": login.body.csrfToken },
        body: JSON.stringify(key),
      },
      201,
    );
    secrets.push(created.body.key);
  }
  return secrets;
}

/** Clients creating keys at once. */
export const CREATE_CONCURRENCY = 8;

/** One POST over a kept-alive connection; the status and the body. */
function post(
  agent: http.Agent,
  url: URL,
  headers: Record<string, string>,
  body: string,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      {
        method: "POST",
        agent,
        headers: {
          ...headers,
          "content-type": "application/json",
          "content-length": Buffer.byteLength(body),
        },
      },
      (response) => {
        let text = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => {
          text += chunk;
        });
        response.on("end", () => resolve({ status: response.statusCode ?? 0, text }));
        response.on("error", reject);
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}

/**
 * Creates `count` token keys with POST /v1/keys, {@link CREATE_CONCURRENCY} at a time, each client
 * on its own kept-alive connection (node:http: the load generator shares the server's process, and
 * `fetch` would cost it about a third of the event loop's time).
 */
export async function createKeys(baseUrl: string, rootKey: string, count: number): Promise<BenchKey[]> {
  const keys: BenchKey[] = new Array(count);
  const url = new URL(`${baseUrl}/v1/keys`);
  const agent = new http.Agent({ keepAlive: true, maxSockets: CREATE_CONCURRENCY });
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const index = next++;
      const body = JSON.stringify({ name: `bench-${index}`, scopes: [], meta: { tenant: `t_${index}` } });
      const { status, text } = await post(agent, url, { authorization: `Bearer ${rootKey}` }, body);
      if (status !== 201) throw new Error(`POST ${url} answered ${status}, not 201: ${text}`);
      const created = JSON.parse(text) as { id: string; key: string };
      keys[index] = { id: created.id, key: created.key };
    }
  };
  try {
    await Promise.all(Array.from({ length: CREATE_CONCURRENCY }, worker));
  } finally {
    agent.destroy();
  }
  return keys;
}

export interface BenchTenant {
  id: string;
  externalId: string;
  keys: BenchKey[];
}

/**
 * Platform mode: `tenants` tenant workspaces made with POST /v1/workspaces by the operator's root
 * key (plan pro), each with a root key minted for it (POST /v1/workspaces/{id}/root-keys) that
 * creates `keysPerTenant` keys there, as a platform's automation would.
 */
export async function createTenants(
  baseUrl: string,
  operatorKey: string,
  tenants: number,
  keysPerTenant: number,
): Promise<BenchTenant[]> {
  const headers = { "content-type": "application/json", authorization: `Bearer ${operatorKey}` };
  const created: BenchTenant[] = new Array(tenants);
  let next = 0;
  const worker = async () => {
    while (next < tenants) {
      const i = next++;
      created[i] = await createTenant(i);
    }
  };
  const createTenant = async (i: number): Promise<BenchTenant> => {
    const externalId = `cus_bench_${i}`;
    const tenant = await call<{ id: string }>(
      `${baseUrl}/v1/workspaces`,
      {
        method: "POST",
        headers,
        body: JSON.stringify({ name: `Bench customer ${i}`, externalId, plan: "pro" }),
      },
      201,
    );
    const minted = await call<{ key: string }>(
      `${baseUrl}/v1/workspaces/${tenant.body.id}/root-keys`,
      {
        method: "POST",
        headers,
        body: JSON.stringify({ name: "bench automation", permissions: ["keys:write"] }),
      },
      201,
    );
    const keys = await createKeys(baseUrl, minted.body.key, keysPerTenant);
    return { id: tenant.body.id, externalId, keys };
  };
  await Promise.all(Array.from({ length: CREATE_CONCURRENCY }, worker));
  return created;
}
