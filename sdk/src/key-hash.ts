/**
 * SHA-256 of a presented key (hex), the cache's key: the SDK never keeps a secret itself. On Node
 * (and runtimes with `process.getBuiltinModule`) it is synchronous through node:crypto, found at
 * run time so the entry point imports nothing Node-only; elsewhere it is Web Crypto's digest.
 */

type SyncHash = (text: string) => string;

interface NodeCrypto {
  hash?: (algorithm: string, data: string, encoding: "hex") => string;
  createHash(algorithm: string): { update(data: string): { digest(encoding: "hex"): string } };
}

interface ProcessWithBuiltins {
  getBuiltinModule?: (id: string) => unknown;
}

function nodeHash(): SyncHash | undefined {
  const process = (globalThis as { process?: ProcessWithBuiltins }).process;
  const crypto = process?.getBuiltinModule?.("node:crypto") as NodeCrypto | undefined;
  if (!crypto) return undefined;
  const { hash } = crypto;
  // The one-shot hash (Node 20.12+) costs half of createHash().update().digest().
  if (typeof hash === "function") return (text) => hash("sha256", text, "hex");
  return (text) => crypto.createHash("sha256").update(text).digest("hex");
}

const syncHash = nodeHash();
const encoder = new TextEncoder();

/** SHA-256 hex through Web Crypto (runtimes without node:crypto). */
export async function webSha256Hex(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", encoder.encode(text)));
  let hex = "";
  for (const byte of digest) hex += byte.toString(16).padStart(2, "0");
  return hex;
}

/** The key's SHA-256 in hex: a string at once where node:crypto exists, else a promise of one. */
export function sha256Hex(text: string): string | Promise<string> {
  return syncHash ? syncHash(text) : webSha256Hex(text);
}

/** Whether hashing is synchronous here (it is on Node). */
export const HASHES_SYNCHRONOUSLY = syncHash !== undefined;
