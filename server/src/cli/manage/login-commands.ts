/**
 * `keygate login`, `keygate logout`, `keygate profiles`: saved connections to a Keygate. Login
 * checks the root key with one cheap call (the workspace's settings; a valid key without the
 * permission to read them still logs in) before saving it. The root key is never printed back.
 */
import { KeygateError } from "@keygate/sdk";
import type { Command } from "commander";
import { clientFor, describeCallFailure } from "./connection.js";
import { UsageError } from "./manage-errors.js";
import { configFilePath, DEFAULT_PROFILE, readProfiles, writeProfiles } from "./profiles.js";
import { type ManageIo, manageAction } from "./session.js";
import { renderTable } from "./table.js";

interface LoginOptions {
  url: string;
  rootKey: string;
  profile?: string;
}

/** The workspace's name, or undefined for a valid key that may not read it. */
async function checkRootKey(url: string, rootKey: string): Promise<string | undefined> {
  const keygate = clientFor({ url, rootKey });
  try {
    const workspace = await keygate.workspace.get();
    return workspace.name;
  } catch (error) {
    if (error instanceof KeygateError && error.code === "FORBIDDEN") return undefined;
    throw describeCallFailure(error, url);
  } finally {
    await keygate.close();
  }
}

function normaliseUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UsageError(`--url: "${text}" is not a URL (for example http://localhost:8080)`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new UsageError(`--url: must be http:// or https:// (got ${url.protocol})`);
  }
  return url.toString().replace(/\/+$/, "");
}

export function registerLoginCommands(program: Command, io: ManageIo): void {
  program
    .command("login")
    .description("check a root key against a Keygate and save the connection as a profile")
    .requiredOption("--url <url>", "the Keygate's address, for example https://keygate.example.com")
    .requiredOption("--root-key <key>", "a root key of the workspace (kept in the profiles file, mode 0600)")
    .option("--profile <name>", "save under this name (default: default)")
    .action(
      manageAction<LoginOptions>(io, async (session, _args, options) => {
        const url = normaliseUrl(options.url);
        const name = options.profile ?? DEFAULT_PROFILE;
        const workspace = await checkRootKey(url, options.rootKey);
        const profiles = await readProfiles(io.env);
        profiles.profiles[name] = { url, rootKey: options.rootKey };
        const file = await writeProfiles(io.env, profiles);
        const where = workspace === undefined ? url : `workspace "${workspace}" at ${url}`;
        session.out(`Logged in to ${where} as profile "${name}" (saved in ${file}).`);
      }),
    );

  program
    .command("logout")
    .description("forget a saved profile and its root key")
    .option("--profile <name>", "the profile to forget (default: default)")
    .action(
      manageAction<{ profile?: string }>(io, async (session, _args, options) => {
        const name = options.profile ?? DEFAULT_PROFILE;
        const profiles = await readProfiles(io.env);
        if (!profiles.profiles[name]) throw new UsageError(`no profile "${name}" (see: keygate profiles)`);
        delete profiles.profiles[name];
        await writeProfiles(io.env, profiles);
        session.out(`Forgot profile "${name}".`);
      }),
    );

  program
    .command("profiles")
    .description("list the saved profiles (names and URLs, never their keys)")
    .option("--json", "print JSON instead of a table")
    .action(
      manageAction(io, async (session) => {
        const profiles = Object.entries((await readProfiles(io.env)).profiles).map(([name, profile]) => ({
          name,
          url: profile.url,
        }));
        if (session.json) return session.printJson({ data: profiles });
        if (profiles.length === 0) {
          session.out(
            `No profiles in ${configFilePath(io.env)} yet: run keygate login --url <url> --root-key <key>.`,
          );
          return;
        }
        const overridden = io.env.KEYGATE_URL || io.env.KEYGATE_ROOT_KEY;
        for (const line of renderTable(
          [
            { header: "PROFILE", cell: (row) => row.name },
            { header: "URL", cell: (row) => row.url },
          ],
          profiles,
          session.style,
        ))
          session.out(line);
        if (overridden)
          session.err("keygate: KEYGATE_URL / KEYGATE_ROOT_KEY are set and override the profiles");
      }),
    );
}
