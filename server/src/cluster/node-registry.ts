/**
 * The cluster's live nodes: every node writes its heartbeat to `cluster_nodes` every
 * {@link HEARTBEAT_MS} (the store's clock, so the nodes' clocks do not matter) and counts the nodes
 * seen within {@link LIVE_WITHIN_MS}. While Redis is unreachable each node enforces a rate limit
 * divided by that count (cluster/rate-limiters.ts). The count is the last one read: when the store
 * is unreachable too, it stays as it was. A node deletes its row when it stops.
 */
import { type Kysely, sql } from "kysely";
import type { Logger } from "pino";
import type { Metrics } from "../observability/metrics.js";
import type { Database } from "../store/schema.js";

export const HEARTBEAT_MS = 5_000;
export const LIVE_WITHIN_MS = 15_000;

export class NodeRegistry {
  private count = 1;
  private timer: NodeJS.Timeout | undefined;
  private beating: Promise<void> | undefined;
  private warned = false;

  constructor(
    private readonly db: Kysely<Database>,
    readonly nodeId: string,
    private readonly metrics: Metrics,
    private readonly logger: Logger,
  ) {
    metrics.clusterNodes.set(1);
  }

  /** Live nodes, this one included (at least 1). */
  liveNodes(): number {
    return this.count;
  }

  /** Writes the first heartbeat, then one every {@link HEARTBEAT_MS}. */
  async start(): Promise<void> {
    await this.beat();
    this.timer = setInterval(() => {
      this.beating ??= this.beat().finally(() => {
        this.beating = undefined;
      });
    }, HEARTBEAT_MS);
    this.timer.unref();
  }

  /** Stops the heartbeat and removes this node (the others stop counting it at once). */
  async stop(): Promise<void> {
    if (this.timer !== undefined) clearInterval(this.timer);
    await this.beating;
    await this.db
      .deleteFrom("cluster_nodes")
      .where("id", "=", this.nodeId)
      .execute()
      .catch(() => {});
  }

  private async beat(): Promise<void> {
    try {
      const result = await sql<{ live: number }>`
        with beat as (
          insert into cluster_nodes (id, started_at, seen_at) values (${this.nodeId}, now(), now())
          on conflict (id) do update set seen_at = now()
        )
        select count(*)::int as live from cluster_nodes
        where id <> ${this.nodeId} and seen_at > now() - ${LIVE_WITHIN_MS} * interval '1 millisecond'`.execute(
        this.db,
      );
      this.count = (result.rows[0]?.live ?? 0) + 1;
      this.metrics.clusterNodes.set(this.count);
      this.warned = false;
    } catch (error) {
      if (!this.warned) {
        this.logger.warn(
          { err: error },
          "node heartbeat: the store did not answer; keeping the last node count",
        );
      }
      this.warned = true;
    }
  }
}
