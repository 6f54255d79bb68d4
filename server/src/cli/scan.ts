/**
 * `keygate scan [paths...] [--verify] [--json]`: finds Keygate keys in files (the key format's
 * shape and checksum, so look-alikes are not reported) and prints one line per finding,
 * `path:line:column  <the key's start>`, never the whole secret. Exit code 1 when it finds a key,
 * 0 when none, 2 on a usage error: fit for a pre-commit hook or a CI step (see README.md,
 * "Scanning for leaked keys"). With `--verify` it asks the configured Keygate (KEYGATE_URL and
 * KEYGATE_ROOT_KEY, or the --profile) whether each key is live: `VALID`, or the verify code
 * (`REVOKED`, `NOT_FOUND`...). It verifies with cost 0, so a check spends no quota.
 */
import type { VerifyAnswer } from "@keygate/sdk";
import type { Command } from "commander";
import { keyStart } from "../domain/key-format.js";
import { RefusedError } from "./manage/manage-errors.js";
import { type ManageIo, manageAction, type Session, type SessionOptions } from "./manage/session.js";
import { type Finding, scanPaths } from "./scan-files.js";

interface ScanOptions extends SessionOptions {
  verify?: boolean;
}

/** What a finding's verification says: the code, and the key's id where the key was found. */
export interface FindingVerification {
  valid: boolean;
  code: string;
  keyId: string | null;
}

/** One finding as `--json` prints it: no secret, only its start. */
export interface ReportedFinding {
  path: string;
  line: number;
  column: number;
  start: string;
  verification?: FindingVerification;
}

/** Each distinct key verified once, with cost 0 (no quota spent). */
async function verifyAll(session: Session, findings: Finding[]): Promise<Map<string, FindingVerification>> {
  const answers = new Map<string, FindingVerification>();
  for (const { key } of findings) {
    if (answers.has(key)) continue;
    const answer: VerifyAnswer = await session.call((keygate) => keygate.keys.verify({ key }, { cost: 0 }));
    answers.set(key, { valid: answer.valid, code: answer.code, keyId: answer.keyId ?? null });
  }
  return answers;
}

function report(finding: Finding, verified: Map<string, FindingVerification> | undefined): ReportedFinding {
  const reported: ReportedFinding = {
    path: finding.path,
    line: finding.line,
    column: finding.column,
    start: keyStart(finding.key),
  };
  const verification = verified?.get(finding.key);
  if (verification) reported.verification = verification;
  return reported;
}

function line(session: Session, finding: ReportedFinding): string {
  const where = `${finding.path}:${finding.line}:${finding.column}  ${finding.start}`;
  const verification = finding.verification;
  if (!verification) return where;
  const code = session.style.paint(verification.valid ? "red" : "green", verification.code);
  return `${where}  ${verification.keyId ? `${code} ${verification.keyId}` : code}`;
}

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? "" : "s"}`;

export function registerScanCommand(program: Command, io: ManageIo, cwd: () => string = process.cwd): void {
  program
    .command("scan")
    .description("find Keygate keys in files (exit code 1 when it finds one; for pre-commit hooks and CI)")
    .argument("[paths...]", "files and folders to scan (default: the current folder)")
    .option("--verify", "ask the configured Keygate whether each key found is live (VALID) or not")
    .option("--json", "print the findings as JSON")
    .option("--profile <name>", "the saved connection --verify uses (default: default; see keygate login)")
    .addHelpText(
      "after",
      `
Folders are walked recursively, skipping .git, node_modules, symbolic links, binary files and files
over 5 MB. Only keys whose checksum matches are reported, by their start (acme_4eC3), never whole.
As a pre-commit hook (.git/hooks/pre-commit):
  git diff --cached --name-only --diff-filter=ACMR -z | xargs -0 -r keygate scan`,
    )
    .action(
      manageAction<ScanOptions>(io, async (session, paths, options) => {
        const { findings, scanned } = await scanPaths(paths.length > 0 ? paths : ["."], cwd());
        const verified =
          options.verify && findings.length > 0 ? await verifyAll(session, findings) : undefined;
        const reported = findings.map((finding) => report(finding, verified));
        if (session.json) session.printJson({ findings: reported, scanned });
        else for (const finding of reported) session.out(line(session, finding));
        if (findings.length === 0) return;
        const files = new Set(findings.map((finding) => finding.path)).size;
        const live = verified ? [...verified.values()].filter((answer) => answer.valid).length : undefined;
        session.err(
          `keygate: ${plural(findings.length, "key")} found in ${plural(files, "file")} (${scanned} scanned)` +
            (live === undefined ? "" : `, ${live} live`) +
            "; revoke or rotate them (keygate keys revoke <id>) and remove them from the files",
        );
        throw new RefusedError("");
      }),
    );
}
