/**
 * Which Keygate a command talks to and with which root key: `KEYGATE_URL` / `KEYGATE_ROOT_KEY`
 * override the `--profile`'s saved values. Also turns the SDK's errors into the CLI's one line:
 * `cannot reach <url>: <reason>` when no answer came, else the server's code and message.
 */
import { Keygate, KeygateError } from "@keygate/sdk";
import { RefusedError, UsageError } from "./manage-errors.js";
import { DEFAULT_PROFILE, readProfiles } from "./profiles.js";

export interface Connection {
  url: string;
  rootKey: string;
}

export async function resolveConnection(
  env: NodeJS.ProcessEnv,
  profileName: string | undefined,
): Promise<Connection> {
  const name = profileName ?? DEFAULT_PROFILE;
  const saved = (await readProfiles(env)).profiles[name];
  if (profileName !== undefined && !saved) {
    throw new UsageError(`no profile "${profileName}" (see: keygate profiles)`);
  }
  const url = env.KEYGATE_URL || saved?.url;
  const rootKey = env.KEYGATE_ROOT_KEY || saved?.rootKey;
  if (!url || !rootKey) {
    throw new UsageError(
      "no Keygate to talk to: run keygate login --url <url> --root-key <key>, or set KEYGATE_URL and KEYGATE_ROOT_KEY",
    );
  }
  return { url, rootKey };
}

/** A client for management calls: no verification cache (so no event stream), the SDK's retries. */
export function clientFor(connection: Connection): Keygate {
  try {
    return new Keygate({ baseUrl: connection.url, rootKey: connection.rootKey, cache: false });
  } catch (error) {
    if (error instanceof KeygateError) throw new UsageError(`${connection.url}: ${error.message}`);
    throw error;
  }
}

function noAnswerReason(error: KeygateError): string {
  if (error.code === "TIMEOUT")
    return error.message.replace(/^Keygate did not answer in time/, "no answer in time");
  const cause = error.cause;
  if (cause instanceof Error) {
    const inner = cause.cause;
    if (inner instanceof Error && inner.message) return inner.message;
    return cause.message;
  }
  return error.message;
}

/** The CLI's error for a failed call: refused (exit 1) with one line; anything else is rethrown. */
export function describeCallFailure(error: unknown, url: string): unknown {
  if (!(error instanceof KeygateError)) return error;
  if (error.status === 0) return new RefusedError(`cannot reach ${url}: ${noAnswerReason(error)}`);
  const details = error.details?.map((detail) => `${detail.path}: ${detail.message}`).join("; ");
  const message =
    details && !error.message.includes(details) ? `${error.message} (${details})` : error.message;
  return new RefusedError(`${error.code}: ${message}`);
}
