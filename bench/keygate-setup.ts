/**
 * Prepares a running Keygate for the benchmark through its public API, as a user would: sign in
 * as the admin, create root keys, create the keys to verify.
 */

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

/** Creates `count` token keys with POST /v1/keys, a few at a time. */
export async function createKeys(baseUrl: string, rootKey: string, count: number): Promise<BenchKey[]> {
  const keys: BenchKey[] = new Array(count);
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const index = next++;
      const created = await call<{ id: string; key: string }>(
        `${baseUrl}/v1/keys`,
        {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${rootKey}` },
          body: JSON.stringify({ name: `bench-${index}`, scopes: [], meta: { tenant: `t_${index}` } }),
        },
        201,
      );
      keys[index] = { id: created.body.id, key: created.body.key };
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  return keys;
}
