/**
 * `keygate keys verify <key>`: verifies a presented key as the platform's API would (no local
 * cache: every call asks Keygate). Prints the code (and the key id when found); exit code 0 only
 * when VALID, 1 otherwise, so a script can branch on it.
 */
import type { Command } from "commander";
import { RefusedError } from "./manage-errors.js";
import { parseList, parseWholeNumber } from "./option-parsers.js";
import { type ManageIo, manageAction, type SessionOptions, withSessionOptions } from "./session.js";

export function registerKeyVerifyCommand(keys: Command, io: ManageIo): void {
  withSessionOptions(
    keys
      .command("verify")
      .description("verify a presented key as your API would (exit code 0 only when valid)")
      .argument("<key>", "the key (or, with --secret-key, the shared key)")
      .option("--secret-key <secret>", "the secret key of a pair")
      .option("--scopes <scopes>", "scopes the call needs, space- or comma-separated", parseList)
      .option("--ip <ip>", "the client's address, for the key's allowlist")
      .option("--cost <units>", "quota units to spend (default 1)", parseWholeNumber),
  ).action(
    manageAction<SessionOptions & { secretKey?: string; scopes?: string[]; ip?: string; cost?: number }>(
      io,
      async (session, [presented = ""], options) => {
        const credential =
          options.secretKey === undefined
            ? { key: presented }
            : { sharedKey: presented, secretKey: options.secretKey };
        const answer = await session.call((keygate) =>
          keygate.keys.verify(credential, {
            ...(options.scopes !== undefined && { scopes: options.scopes }),
            ...(options.ip !== undefined && { ip: options.ip }),
            ...(options.cost !== undefined && { cost: options.cost }),
          }),
        );
        if (session.json) session.printJson(answer);
        else {
          const code = session.style.paint(answer.valid ? "green" : "red", answer.code);
          session.out(answer.keyId ? `${code} ${answer.keyId}` : code);
        }
        if (!answer.valid) throw new RefusedError("");
      },
    ),
  );
}
