/**
 * The events hub behind GET /v1/events/invalidations: it hears every invalidation once, turns the
 * ones an SDK cache needs into numbered events (`<bootId>.<seq>`), keeps the last ones in a ring so
 * a stream that reconnects with its last event id gets what it missed, and fans each event out to
 * the open streams whose caller may see it (its own workspace's for `keys:verify`, every
 * workspace's for `keys:verify:any`). A root key invalidation (the key, or its workspace, was
 * deleted) ends the streams opened with that key. Nothing here touches HTTP: a stream is an
 * {@link EventSink} (event-stream-connection.ts writes it to a response).
 */
import { randomBytes } from "node:crypto";
import { ApiError } from "../../errors.js";
import type { Invalidation, InvalidationMessage } from "../../verifier/invalidation.js";
import type { VerifyReach } from "../../verifier/verify-reach.js";

/** One numbered event, with its frame as the stream writes it. */
export interface StreamEvent {
  seq: number;
  workspaceId: string;
  /** `id: ...\nevent: ...\ndata: ...\n\n` */
  frame: string;
}

/** Who opened a stream. */
export interface StreamCaller {
  workspaceId: string;
  reach: VerifyReach;
  /** SHA-256 of the caller's root key: the stream ends when that key is invalidated. */
  rootKeyHash: string;
}

/** An open stream as the hub sees it. */
export interface EventSink {
  readonly caller: StreamCaller;
  /** Writes an event's frame (the sink decides what to do with a consumer that does not keep up). */
  send(event: StreamEvent): void;
  /** Ends the stream; the sink calls {@link InvalidationEvents.leave} once it has ended. */
  end(): void;
}

/** Where a stream starts: its `ready` event's id and whether it resumes, and what it missed. */
export interface StreamStart {
  readyFrame: string;
  replay: StreamEvent[];
}

export interface InvalidationEventsOptions {
  /** How many recent events are kept for resuming streams (default 10,000). */
  ringSize?: number;
  /** Most open streams per root key (default 10). */
  maxStreamsPerRootKey?: number;
  /** The heartbeat period the `ready` event announces. */
  heartbeatMs: number;
}

/** Seconds a caller over its stream cap is told to wait. */
const RETRY_AFTER_SECONDS = 5;

export class InvalidationEvents {
  /**
   * This process's id: event ids of another boot (or node) never resume here. It changes when the
   * node's channel goes down or comes back, since events may have been missed then.
   */
  bootId = randomBytes(6).toString("base64url");
  private seq = 0;
  private readonly ring: (StreamEvent | undefined)[];
  private readonly sinks = new Set<EventSink>();
  private readonly perRootKey = new Map<string, number>();
  private readonly maxStreamsPerRootKey: number;

  constructor(
    invalidation: Invalidation,
    private readonly options: InvalidationEventsOptions,
  ) {
    this.ring = new Array<StreamEvent | undefined>(options.ringSize ?? 10_000);
    this.maxStreamsPerRootKey = options.maxStreamsPerRootKey ?? 10;
    invalidation.subscribe((message) => this.hear(message));
  }

  /** Open streams now. */
  get openStreams(): number {
    return this.sinks.size;
  }

  /**
   * Admits a stream: throws `RATE_LIMITED` (429, `retry-after`) when its root key has as many open
   * as allowed; otherwise registers it and answers its `ready` frame and the events it missed
   * since `lastEventId` (none, and `resumed:false`, when that id is not one this ring still covers).
   */
  join(sink: EventSink, lastEventId: string | undefined): StreamStart {
    const { rootKeyHash } = sink.caller;
    const open = this.perRootKey.get(rootKeyHash) ?? 0;
    if (open >= this.maxStreamsPerRootKey) {
      throw new ApiError(
        "RATE_LIMITED",
        `a root key may hold at most ${this.maxStreamsPerRootKey} event streams at once; close one first`,
        { "retry-after": String(RETRY_AFTER_SECONDS) },
      );
    }
    this.perRootKey.set(rootKeyHash, open + 1);
    this.sinks.add(sink);
    const from = this.resumePoint(lastEventId);
    const replay = from === undefined ? [] : this.eventsAfter(from, sink.caller);
    const position = from ?? this.seq;
    const data = JSON.stringify({ resumed: from !== undefined, heartbeatMs: this.options.heartbeatMs });
    return { readyFrame: `id: ${this.idOf(position)}\nevent: ready\ndata: ${data}\n\n`, replay };
  }

  /** Forgets an ended stream (idempotent). */
  leave(sink: EventSink): void {
    if (!this.sinks.delete(sink)) return;
    const { rootKeyHash } = sink.caller;
    const open = (this.perRootKey.get(rootKeyHash) ?? 1) - 1;
    if (open > 0) this.perRootKey.set(rootKeyHash, open);
    else this.perRootKey.delete(rootKeyHash);
  }

  /** Ends every open stream (the app is closing). */
  endAll(): void {
    for (const sink of [...this.sinks]) sink.end();
  }

  private idOf(seq: number): string {
    return `${this.bootId}.${seq}`;
  }

  /** The sequence number to replay after, when the ring still holds every event since it. */
  private resumePoint(lastEventId: string | undefined): number | undefined {
    if (lastEventId === undefined) return undefined;
    const dot = lastEventId.lastIndexOf(".");
    if (dot < 0 || lastEventId.slice(0, dot) !== this.bootId) return undefined;
    const text = lastEventId.slice(dot + 1);
    if (!/^\d{1,15}$/.test(text)) return undefined;
    const seq = Number(text);
    const oldestKept = Math.max(1, this.seq - this.ring.length + 1);
    if (seq > this.seq || seq < oldestKept - 1) return undefined;
    return seq;
  }

  private eventsAfter(seq: number, caller: StreamCaller): StreamEvent[] {
    const events: StreamEvent[] = [];
    for (let next = seq + 1; next <= this.seq; next++) {
      const event = this.ring[next % this.ring.length];
      if (event !== undefined && event.seq === next && maySee(caller, event)) events.push(event);
    }
    return events;
  }

  private hear(message: InvalidationMessage): void {
    if (message.kind === "channel") {
      // Streams resumed after this start over (`resumed: false`): their caches drop everything.
      this.bootId = randomBytes(6).toString("base64url");
      this.endAll();
    } else if (message.kind === "key") {
      const { workspaceId, keyIds } = message;
      this.emit("key", workspaceId, JSON.stringify({ workspaceId, keyIds }));
    } else if (message.kind === "workspace") {
      const { id, plan, suspended } = message.workspace;
      this.emit("workspace", id, JSON.stringify({ workspaceId: id, plan, suspended }));
    } else if (message.kind === "root_key") {
      const ended = new Set(message.hashes);
      for (const sink of [...this.sinks]) {
        if (ended.has(sink.caller.rootKeyHash)) sink.end();
      }
    }
  }

  private emit(type: "key" | "workspace", workspaceId: string, data: string): void {
    this.seq += 1;
    const seq = this.seq;
    const event: StreamEvent = {
      seq,
      workspaceId,
      frame: `id: ${this.idOf(seq)}\nevent: ${type}\ndata: ${data}\n\n`,
    };
    this.ring[seq % this.ring.length] = event;
    for (const sink of this.sinks) {
      if (maySee(sink.caller, event)) sink.send(event);
    }
  }
}

/** Whether a caller of this reach and workspace may see the event. */
function maySee(caller: StreamCaller, event: StreamEvent): boolean {
  return caller.reach === "any" || caller.workspaceId === event.workspaceId;
}
