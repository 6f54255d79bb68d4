/**
 * Saved connections (`keygate login`): `$XDG_CONFIG_HOME/keygate/config.json` (default
 * `~/.config/keygate`), the folder 0700 and the file 0600 because it holds root keys. Written to a
 * temporary file and renamed, so a crash never leaves half a file.
 *
 * @example { "profiles": { "default": { "url": "https://keygate.example.com", "rootKey": "kg_root_..." } } }
 */
import { chmod, mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { homedir } from "node:os";
import path from "node:path";
import { z } from "zod";
import { UsageError } from "./manage-errors.js";

export const DEFAULT_PROFILE = "default";

const profileSchema = z.object({ url: z.string(), rootKey: z.string() });
const configFileSchema = z.object({ profiles: z.record(z.string(), profileSchema) });

export type Profile = z.infer<typeof profileSchema>;
export type ProfilesFile = z.infer<typeof configFileSchema>;

export function configFilePath(env: NodeJS.ProcessEnv): string {
  const base = env.XDG_CONFIG_HOME || path.join(env.HOME || homedir(), ".config");
  return path.join(base, "keygate", "config.json");
}

/** The saved profiles; none when the file does not exist yet. */
export async function readProfiles(env: NodeJS.ProcessEnv): Promise<ProfilesFile> {
  const file = configFilePath(env);
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { profiles: {} };
    throw error;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new UsageError(`${file} is not JSON: fix or remove it, then run keygate login again`);
  }
  const result = configFileSchema.safeParse(parsed);
  if (!result.success) {
    throw new UsageError(
      `${file} is not a Keygate profiles file: fix or remove it, then run keygate login again`,
    );
  }
  return result.data;
}

export async function writeProfiles(env: NodeJS.ProcessEnv, profiles: ProfilesFile): Promise<string> {
  const file = configFilePath(env);
  const folder = path.dirname(file);
  await mkdir(folder, { recursive: true, mode: 0o700 });
  await chmod(folder, 0o700);
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(profiles, null, 2)}\n`, { mode: 0o600 });
  await chmod(temporary, 0o600);
  await rename(temporary, file);
  return file;
}
