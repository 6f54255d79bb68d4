/** `keygate root-keys list|create|delete`: the workspace's management credentials. */
import type { AnswerOf, RequestBody } from "@keygate/sdk";
import type { Command } from "commander";
import { parseList } from "./option-parsers.js";
import { addDeleteCommand } from "./resource-commands.js";
import { type ManageIo, manageAction, type SessionOptions, withSessionOptions } from "./session.js";
import { relativeTime } from "./style.js";
import { renderTable } from "./table.js";

type RootKey = AnswerOf<"rootKeys.list">["data"][number];
type Permission = RequestBody<"rootKeys.create">["permissions"][number];

export function registerRootKeyCommands(rootKeys: Command, io: ManageIo): void {
  withSessionOptions(rootKeys.command("list").description("list the workspace's root keys")).action(
    manageAction(io, async (session) => {
      const answer = await session.call((keygate) => keygate.rootKeys.list());
      if (session.json) return session.printJson(answer);
      const now = session.now();
      for (const line of renderTable<RootKey>(
        [
          { header: "ID", cell: (key) => key.id },
          { header: "NAME", cell: (key) => key.name },
          { header: "START", cell: (key) => key.start },
          { header: "PERMISSIONS", cell: (key) => key.permissions.join(" ") },
          { header: "LAST USED", cell: (key) => relativeTime(key.lastUsedAt, now) },
          { header: "CREATED", cell: (key) => relativeTime(key.createdAt, now) },
        ],
        answer.data,
        session.style,
      ))
        session.out(line);
    }),
  );

  withSessionOptions(
    rootKeys
      .command("create")
      .description("create a root key; its secret is printed once, on stdout")
      .requiredOption("--name <name>", "what it is for (the CI job, the script)")
      .requiredOption(
        "--permissions <permissions>",
        'space- or comma-separated: "*", keys:read, keys:write, keys:verify, apps:read, apps:write, audit:read, ...',
        parseList,
      ),
  ).action(
    manageAction<SessionOptions & { name: string; permissions: string[] }>(
      io,
      async (session, _args, options) => {
        const created = await session.call((keygate) =>
          keygate.rootKeys.create({ name: options.name, permissions: options.permissions as Permission[] }),
        );
        if (session.json) session.printJson(created);
        else {
          session.err(`Created root key ${created.id} "${created.name}" (${created.permissions.join(" ")}).`);
          session.out(created.key);
        }
        session.warnSecretShownOnce();
      },
    ),
  );

  addDeleteCommand(rootKeys, io, {
    noun: "root key",
    description: "delete a root key: it stops working at once",
    remove: (keygate, id) => keygate.rootKeys.delete(id),
  });
}
