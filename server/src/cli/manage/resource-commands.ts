/**
 * The commands every resource group has in the same shape: `list` (every page, a table or
 * `--json`) and `delete <id>` (asks first unless `--yes`), and the small helpers they print with.
 */
import type { Keygate } from "@keygate/sdk";
import type { Command } from "commander";
import { confirmOrStop } from "./confirm.js";
import {
  type ManageIo,
  manageAction,
  type Session,
  type SessionOptions,
  withSessionOptions,
} from "./session.js";

/** Every item of a paged list, in order. */
export async function collect<Item>(items: AsyncIterable<Item>): Promise<Item[]> {
  const all: Item[] = [];
  for await (const item of items) all.push(item);
  return all;
}

export function printLines(session: Session, lines: string[]): void {
  for (const line of lines) session.out(line);
}

/** `<group> list`: every item, as `table` draws them or as `{ data, nextCursor: null }`. */
export function addListCommand<Item>(
  group: Command,
  io: ManageIo,
  spec: {
    description: string;
    listAll(keygate: Keygate): AsyncIterable<Item>;
    table(items: readonly Item[], session: Session): string[];
  },
): void {
  withSessionOptions(group.command("list").description(spec.description)).action(
    manageAction(io, async (session) => {
      const all = await session.call((keygate) => collect(spec.listAll(keygate)));
      if (session.json) return session.printJson({ data: all, nextCursor: null });
      printLines(session, spec.table(all, session));
    }),
  );
}

/**
 * `<group> delete <id>`: asks `Delete <noun> <id>?` on a terminal unless `--yes`, then deletes.
 * @param description what deleting does, before "(asks first unless --yes)"
 */
export function addDeleteCommand(
  group: Command,
  io: ManageIo,
  spec: { noun: string; description: string; remove(keygate: Keygate, id: string): Promise<unknown> },
): void {
  withSessionOptions(
    group
      .command("delete")
      .description(`${spec.description} (asks first unless --yes)`)
      .argument("<id>", `the ${spec.noun}'s id`)
      .option("-y, --yes", "do not ask for confirmation"),
  ).action(
    manageAction<SessionOptions & { yes?: boolean }>(io, async (session, [id = ""], options) => {
      await confirmOrStop(session, `Delete ${spec.noun} ${id}?`, options.yes);
      await session.call((keygate) => spec.remove(keygate, id));
      if (!session.json) session.out(`Deleted ${spec.noun} ${id}.`);
    }),
  );
}
