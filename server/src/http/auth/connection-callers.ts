/**
 * Remembers, per keep-alive connection, the root key its last request authenticated with.
 *
 * A platform server sends verification after verification over one connection, each with the same
 * `Authorization` header. Remembering the caller skips the SHA-256 and the cache lookup of
 * {@link RootKeyAuthenticator} for all but the first. What is remembered is checked again when any
 * root key changes (the authenticator's generation moves) and at least every second, so a deleted
 * root key stops working on open connections at once, as on new ones.
 *
 * The header comparison is a plain string compare: a connection only ever compares against what
 * the same client sent before, so it leaks nothing about anyone else's key.
 */
import type { Socket } from "node:net";
import type { RootKeyAuthenticator, RootKeyIdentity } from "../../domain/root-keys/root-key-authenticator.js";
import { bearerSecret } from "./authenticate.js";

/** How long a connection's caller is trusted without asking the authenticator again. */
export const REMEMBER_CALLER_MS = 1000;

interface Remembered {
  authorization: string;
  caller: RootKeyIdentity;
  generation: number;
  untilMs: number;
}

export class ConnectionCallers {
  private readonly remembered = new WeakMap<Socket, Remembered>();

  constructor(private readonly rootKeys: RootKeyAuthenticator) {}

  /**
   * The root key of this `Authorization` header, as {@link RootKeyAuthenticator.authenticate}
   * answers it (a promise only on a cache miss). `nowMs` is a monotonic time (performance.now()).
   */
  authenticate(
    socket: Socket,
    authorization: string,
    nowMs: number,
  ): RootKeyIdentity | undefined | Promise<RootKeyIdentity | undefined> {
    const memo = this.remembered.get(socket);
    if (
      memo !== undefined &&
      memo.authorization === authorization &&
      memo.generation === this.rootKeys.generation &&
      nowMs < memo.untilMs
    ) {
      return memo.caller;
    }
    const secret = bearerSecret(authorization);
    if (secret === undefined) return undefined;
    const generation = this.rootKeys.generation;
    const caller = this.rootKeys.authenticate(secret);
    if (caller !== undefined && !(caller instanceof Promise)) {
      this.remembered.set(socket, { authorization, caller, generation, untilMs: nowMs + REMEMBER_CALLER_MS });
    }
    return caller;
  }
}
