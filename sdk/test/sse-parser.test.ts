/** The event stream parser: fields, comments, every line ending, and chunks split anywhere. */
import { describe, expect, it } from "vitest";
import { type ServerSentEvent, SseParser } from "../src/sse-parser.js";

function parse(chunks: string[]): { events: ServerSentEvent[]; retries: number[] } {
  const events: ServerSentEvent[] = [];
  const retries: number[] = [];
  const parser = new SseParser({ onEvent: (event) => events.push(event), onRetry: (ms) => retries.push(ms) });
  for (const chunk of chunks) parser.push(chunk);
  return { events, retries };
}

const STREAM =
  'retry: 1000\nid: boot.1\nevent: ready\ndata: {"resumed":false,"heartbeatMs":15000}\n\n: heartbeat\n\n' +
  'id: boot.2\nevent: key\ndata: {"workspaceId":"ws_1",\ndata: "keyIds":["key_1"]}\n\n';

describe("SseParser", () => {
  it("reads events, ids, retry and multi-line data, and skips comments", () => {
    expect(parse([STREAM])).toEqual({
      retries: [1000],
      events: [
        { event: "ready", data: '{"resumed":false,"heartbeatMs":15000}', lastEventId: "boot.1" },
        { event: "key", data: '{"workspaceId":"ws_1",\n"keyIds":["key_1"]}', lastEventId: "boot.2" },
      ],
    });
  });

  it("reads the same events whatever the line endings and wherever the chunks split", () => {
    const expected = parse([STREAM]);
    for (const ending of ["\r\n", "\r"]) {
      const text = STREAM.replaceAll("\n", ending);
      for (let split = 1; split < text.length; split += 7) {
        expect(parse([text.slice(0, split), text.slice(split)])).toEqual(expected);
      }
      expect(parse([...text])).toEqual(expected);
    }
  });

  it("dispatches nothing for an event without data, and names an untyped one message", () => {
    expect(parse(["event: key\n\ndata: x\n\n"]).events).toEqual([
      { event: "message", data: "x", lastEventId: "" },
    ]);
  });
});
