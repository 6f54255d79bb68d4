/**
 * The confirmation before a final change (revoke, delete): `--yes` skips it; on a terminal it asks
 * "[y/N]"; without a terminal and without `--yes` it refuses (exit 2) and says to add `--yes`.
 */
import { RefusedError, UsageError } from "./manage-errors.js";
import type { Session } from "./session.js";

export async function confirmOrStop(
  session: Session,
  question: string,
  yes: boolean | undefined,
): Promise<void> {
  if (yes) return;
  if (!session.terminal.stdinIsTTY) {
    throw new UsageError(`${question.replace(/\?$/, "")}: not confirmed (no terminal to ask on): add --yes`);
  }
  const answer = (await session.terminal.ask(`${question} [y/N] `)).trim().toLowerCase();
  if (answer !== "y" && answer !== "yes") throw new RefusedError("cancelled; nothing was changed");
}
