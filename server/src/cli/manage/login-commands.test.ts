import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LiveCli, startLiveCli } from "../../../test/live-cli.js";

describe("keygate login, logout and profiles", () => {
  let cli: LiveCli;
  let file: string;
  beforeAll(async () => {
    cli = await startLiveCli();
    file = path.join(cli.configHome, "keygate", "config.json");
  });
  afterAll(async () => cli.close());

  it("tells how to log in before any profile exists", async () => {
    expect(await cli.run(["keys", "list"], { connect: false })).toEqual({
      code: 2,
      out: [],
      errors: [
        "keygate: no Keygate to talk to: run keygate login --url <url> --root-key <key>, or set KEYGATE_URL and KEYGATE_ROOT_KEY",
      ],
    });
    expect(await cli.run(["profiles"], { connect: false })).toEqual({
      code: 0,
      out: [`No profiles in ${file} yet: run keygate login --url <url> --root-key <key>.`],
      errors: [],
    });
  });

  it("checks the root key and saves the profile in a 0600 file of a 0700 folder, never printing the key", async () => {
    const answer = await fetch(`${cli.keygate.url}/v1/workspace`, {
      headers: { authorization: `Bearer ${cli.rootKey}` },
    });
    const workspace = (await answer.json()) as { name: string };
    const run = await cli.run(["login", "--url", `${cli.keygate.url}/`, "--root-key", cli.rootKey], {
      connect: false,
    });
    expect(run).toEqual({
      code: 0,
      out: [
        `Logged in to workspace "${workspace.name}" at ${cli.keygate.url} as profile "default" (saved in ${file}).`,
      ],
      errors: [],
    });
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await stat(path.dirname(file))).mode & 0o777).toBe(0o700);
    expect(JSON.parse(await readFile(file, "utf8"))).toEqual({
      profiles: { default: { url: cli.keygate.url, rootKey: cli.rootKey } },
    });
    const listed = await cli.run(["keys", "list", "--json"], { connect: false });
    expect(listed.code).toBe(0);
    expect(JSON.parse(listed.out[0] ?? "")).toEqual({ data: [], nextCursor: null });
  });

  it("refuses a wrong root key (exit 1) and an address that is not a URL (exit 2), saving nothing", async () => {
    const wrong = await cli.run(
      ["login", "--url", cli.keygate.url, "--root-key", "kg_root_wrong", "--profile", "typo"],
      { connect: false },
    );
    expect(wrong.code).toBe(1);
    expect(wrong.errors).toEqual([expect.stringMatching(/^keygate: UNAUTHENTICATED: /)]);
    expect(wrong.errors[0]).not.toContain("kg_root_wrong");
    expect(await cli.run(["login", "--url", "keygate.local", "--root-key", "x"], { connect: false })).toEqual(
      {
        code: 2,
        out: [],
        errors: ['keygate: --url: "keygate.local" is not a URL (for example http://localhost:8080)'],
      },
    );
    expect(Object.keys(JSON.parse(await readFile(file, "utf8")).profiles)).toEqual(["default"]);
  });

  it("logs in a key that may not read the workspace, and lists profiles without their keys", async () => {
    const verifyOnly = await cli.keygate.rootKey(["keys:verify"]);
    const run = await cli.run(
      ["login", "--url", cli.keygate.url, "--root-key", verifyOnly, "--profile", "verifier"],
      { connect: false },
    );
    expect(run.out).toEqual([`Logged in to ${cli.keygate.url} as profile "verifier" (saved in ${file}).`]);
    const profiles = await cli.run(["profiles"], { connect: false });
    expect(profiles).toEqual({
      code: 0,
      out: ["PROFILE   URL", `default   ${cli.keygate.url}`, `verifier  ${cli.keygate.url}`],
      errors: [],
    });
    expect((await cli.run(["profiles", "--json"], { connect: false })).out).toEqual([
      JSON.stringify({
        data: [
          { name: "default", url: cli.keygate.url },
          { name: "verifier", url: cli.keygate.url },
        ],
      }),
    ]);
    const refused = await cli.run(["keys", "list", "--profile", "verifier"], { connect: false });
    expect(refused.code).toBe(1);
    expect(refused.errors).toEqual([expect.stringMatching(/^keygate: FORBIDDEN: /)]);
  });

  it("lets KEYGATE_URL and KEYGATE_ROOT_KEY override the profile", async () => {
    const run = await cli.run(["keys", "list", "--profile", "verifier", "--json"], {
      connect: false,
      env: { KEYGATE_ROOT_KEY: cli.rootKey },
    });
    expect(run.code).toBe(0);
    const unreachable = await cli.run(["keys", "list"], {
      connect: false,
      env: { KEYGATE_URL: "http://127.0.0.1:9" },
    });
    expect(unreachable.code).toBe(1);
    expect(unreachable.errors).toEqual([
      expect.stringMatching(/^keygate: cannot reach http:\/\/127\.0\.0\.1:9: .+$/),
    ]);
  });

  it("refuses an unknown profile with exit code 2, and forgets one on logout", async () => {
    expect(await cli.run(["keys", "list", "--profile", "nope"], { connect: false })).toEqual({
      code: 2,
      out: [],
      errors: ['keygate: no profile "nope" (see: keygate profiles)'],
    });
    expect(await cli.run(["logout", "--profile", "verifier"], { connect: false })).toEqual({
      code: 0,
      out: ['Forgot profile "verifier".'],
      errors: [],
    });
    expect(Object.keys(JSON.parse(await readFile(file, "utf8")).profiles)).toEqual(["default"]);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await cli.run(["logout", "--profile", "verifier"], { connect: false })).code).toBe(2);
  });
});
