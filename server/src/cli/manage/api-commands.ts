/** `keygate apis list|get|create|update|delete`: connected Apis and the scopes they offer. */
import type { AnswerOf } from "@keygate/sdk";
import type { Command } from "commander";
import { UsageError } from "./manage-errors.js";
import { parseList } from "./option-parsers.js";
import { addDeleteCommand, addListCommand, printLines } from "./resource-commands.js";
import {
  type ManageIo,
  manageAction,
  type Session,
  type SessionOptions,
  withSessionOptions,
} from "./session.js";
import { relativeTime } from "./style.js";
import { renderFields, renderTable } from "./table.js";

type Api = AnswerOf<"apis.list">["data"][number];

interface ApiOptions extends SessionOptions {
  name?: string;
  description?: string;
  scopes?: string[];
}

function apiTable(apis: readonly Api[], session: Session): string[] {
  const now = session.now();
  return renderTable(
    [
      { header: "ID", cell: (api) => api.id },
      { header: "NAME", cell: (api) => api.name },
      { header: "SCOPES", cell: (api) => api.scopes.join(" ") },
      { header: "CREATED", cell: (api) => relativeTime(api.createdAt, now) },
    ],
    apis,
    session.style,
  );
}

export function registerApiCommands(apis: Command, io: ManageIo): void {
  addListCommand(apis, io, {
    description: "list every connected Api",
    listAll: (keygate) => keygate.apis.listAll({ limit: 100 }),
    table: apiTable,
  });
  withSessionOptions(apis.command("get").description("show one Api").argument("<id>", "the Api's id")).action(
    manageAction(io, async (session, [id = ""]) => {
      const api = await session.call((keygate) => keygate.apis.get(id));
      if (session.json) return session.printJson(api);
      printLines(
        session,
        renderFields(
          [
            ["id", api.id],
            ["name", api.name],
            ["description", api.description || "none"],
            ["scopes", api.scopes.length > 0 ? api.scopes.join(" ") : "none"],
            ["created", api.createdAt],
          ],
          session.style,
        ),
      );
    }),
  );
  const apiSettings = (command: Command) =>
    command
      .option("--description <text>", "what the Api is")
      .option("--scopes <scopes>", "the scopes it offers, space- or comma-separated", parseList);
  withSessionOptions(
    apiSettings(
      apis
        .command("create")
        .description("connect an Api and the scopes it offers")
        .requiredOption("--name <name>", "its name"),
    ),
  ).action(
    manageAction<ApiOptions>(io, async (session, _args, options) => {
      const api = await session.call((keygate) =>
        keygate.apis.create({
          name: options.name ?? "",
          ...(options.description !== undefined && { description: options.description }),
          ...(options.scopes !== undefined && { scopes: options.scopes }),
        }),
      );
      if (session.json) return session.printJson(api);
      session.out(`Created Api ${api.id} "${api.name}".`);
    }),
  );
  withSessionOptions(
    apiSettings(
      apis
        .command("update")
        .description("change an Api")
        .argument("<id>", "the Api's id")
        .option("--name <name>", "a new name"),
    ),
  ).action(
    manageAction<ApiOptions>(io, async (session, [id = ""], options) => {
      const body = {
        ...(options.name !== undefined && { name: options.name }),
        ...(options.description !== undefined && { description: options.description }),
        ...(options.scopes !== undefined && { scopes: options.scopes }),
      };
      if (Object.keys(body).length === 0)
        throw new UsageError("nothing to change: give --name, --description or --scopes");
      const api = await session.call((keygate) => keygate.apis.update(id, body));
      if (session.json) return session.printJson(api);
      session.out(`Updated Api ${api.id} "${api.name}".`);
    }),
  );
  addDeleteCommand(apis, io, {
    noun: "Api",
    description: "delete an Api",
    remove: (keygate, id) => keygate.apis.delete(id),
  });
}
