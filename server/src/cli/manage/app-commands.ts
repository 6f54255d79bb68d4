/** `keygate apps list|get|create|update|delete`: applications (integrations) and their connected Apis. */
import type { AnswerOf } from "@keygate/sdk";
import { type Command, Option } from "commander";
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

type App = AnswerOf<"apps.list">["data"][number];

const ENVIRONMENTS = ["production", "staging", "development"] as const;

interface AppOptions extends SessionOptions {
  title?: string;
  description?: string;
  environment?: (typeof ENVIRONMENTS)[number];
  apis?: string[];
}

function appTable(apps: readonly App[], session: Session): string[] {
  const now = session.now();
  return renderTable(
    [
      { header: "ID", cell: (app) => app.id },
      { header: "TITLE", cell: (app) => app.title },
      { header: "ENVIRONMENT", cell: (app) => app.environment },
      { header: "KEYS", cell: (app) => String(app.keyCount), align: "right" },
      { header: "APIS", cell: (app) => String(app.apiIds.length), align: "right" },
      { header: "CREATED", cell: (app) => relativeTime(app.createdAt, now) },
    ],
    apps,
    session.style,
  );
}

export function registerAppCommands(apps: Command, io: ManageIo): void {
  addListCommand(apps, io, {
    description: "list every app",
    listAll: (keygate) => keygate.apps.listAll({ limit: 100 }),
    table: appTable,
  });
  withSessionOptions(apps.command("get").description("show one app").argument("<id>", "the app's id")).action(
    manageAction(io, async (session, [id = ""]) => {
      const app = await session.call((keygate) => keygate.apps.get(id));
      if (session.json) return session.printJson(app);
      printLines(
        session,
        renderFields(
          [
            ["id", app.id],
            ["title", app.title],
            ["environment", app.environment],
            ["description", app.description || "none"],
            ["apis", app.apiIds.length > 0 ? app.apiIds.join(" ") : "none"],
            ["created", app.createdAt],
          ],
          session.style,
        ),
      );
    }),
  );
  const appSettings = (command: Command) =>
    command
      .option("--description <text>", "what the app is")
      .option("--apis <apiIds>", "the connected Apis' ids, space- or comma-separated", parseList);
  withSessionOptions(
    appSettings(
      apps
        .command("create")
        .description("create an app (an application or integration)")
        .requiredOption("--title <title>", "the app's name")
        .addOption(
          new Option("--environment <environment>", "where it runs")
            .choices(ENVIRONMENTS)
            .default("production"),
        ),
    ),
  ).action(
    manageAction<AppOptions>(io, async (session, _args, options) => {
      const app = await session.call((keygate) =>
        keygate.apps.create({
          title: options.title ?? "",
          environment: options.environment ?? "production",
          ...(options.description !== undefined && { description: options.description }),
          ...(options.apis !== undefined && { apiIds: options.apis }),
        }),
      );
      if (session.json) return session.printJson(app);
      session.out(`Created app ${app.id} "${app.title}".`);
    }),
  );
  withSessionOptions(
    appSettings(
      apps
        .command("update")
        .description("change an app")
        .argument("<id>", "the app's id")
        .option("--title <title>", "a new name")
        .addOption(new Option("--environment <environment>", "where it runs").choices(ENVIRONMENTS)),
    ),
  ).action(
    manageAction<AppOptions>(io, async (session, [id = ""], options) => {
      const body = {
        ...(options.title !== undefined && { title: options.title }),
        ...(options.environment !== undefined && { environment: options.environment }),
        ...(options.description !== undefined && { description: options.description }),
        ...(options.apis !== undefined && { apiIds: options.apis }),
      };
      if (Object.keys(body).length === 0) {
        throw new UsageError("nothing to change: give --title, --environment, --description or --apis");
      }
      const app = await session.call((keygate) => keygate.apps.update(id, body));
      if (session.json) return session.printJson(app);
      session.out(`Updated app ${app.id} "${app.title}".`);
    }),
  );
  addDeleteCommand(apps, io, {
    noun: "app",
    description: "delete an app",
    remove: (keygate, id) => keygate.apps.delete(id),
  });
}
