/**
 * Group commit for key creation: creates that arrive together are stored by one statement (see
 * insert-key.ts), so a burst of creates costs the store one round trip and one commit per group
 * instead of one per key. Each create still gets its own key, secret and audit event, and its own
 * answer once the group's statement has committed; the plan's limit is exact within a group.
 *
 * One statement is in flight at a time: creates that arrive while it runs wait and form the next
 * group, which starts when it ends. A lone create is sent after the event loop's current I/O. If
 * a group's statement fails (one key breaking a constraint fails all of them), each of its keys is
 * tried again alone, so only the failing one sees the error.
 */
import type { Kysely } from "kysely";
import type { Database } from "../../store/schema.js";
import { insertKeysWithinLimit, type KeyInsert, type KeyInsertResult } from "./insert-key.js";

/** Most keys stored by one statement. */
export const MAX_GROUP = 64;

interface Waiting {
  insert: KeyInsert;
  resolve: (result: KeyInsertResult) => void;
  reject: (error: unknown) => void;
}

export class KeyInsertGroups {
  private waiting: Waiting[] = [];
  private draining = false;

  constructor(private readonly db: Kysely<Database>) {}

  /** Stores the key with the next group; resolves whether it was inserted (see insert-key.ts). */
  insert(insert: KeyInsert): Promise<KeyInsertResult> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ insert, resolve, reject });
      if (this.draining) return;
      this.draining = true;
      setImmediate(() => void this.drain());
    });
  }

  private async drain(): Promise<void> {
    while (this.waiting.length > 0) {
      await this.write(this.waiting.splice(0, MAX_GROUP));
    }
    this.draining = false;
  }

  /** Writes one group and answers each of its creates; never throws. */
  private async write(group: Waiting[]): Promise<void> {
    try {
      const results = await insertKeysWithinLimit(
        this.db,
        group.map((waiting) => waiting.insert),
      );
      group.forEach((waiting, i) => {
        waiting.resolve(results[i] ?? { inserted: false });
      });
    } catch (error) {
      if (group.length === 1) {
        group[0]?.reject(error);
        return;
      }
      for (const waiting of group) {
        try {
          const [result] = await insertKeysWithinLimit(this.db, [waiting.insert]);
          waiting.resolve(result ?? { inserted: false });
        } catch (alone) {
          waiting.reject(alone);
        }
      }
    }
  }
}
