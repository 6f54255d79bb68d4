/**
 * HTTP over a plain TCP socket, for requests no HTTP client would send (a garbage request line,
 * two Content-Lengths) and for watching what a client that writes its whole body before reading
 * actually receives.
 */
import { execFile } from "node:child_process";
import net from "node:net";
import { promisify } from "node:util";

const run = promisify(execFile);

export interface RawExchange {
  /** Everything the server sent before it closed the connection. */
  received: string;
  /** The socket error, if any (EPIPE, ECONNRESET). */
  error: string | undefined;
}

/** Writes the chunks one after another as fast as the socket takes them, then reads until close. */
export function rawExchange(
  port: number,
  chunks: Array<string | Buffer>,
  timeoutMs = 10_000,
): Promise<RawExchange> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    let received = "";
    let error: string | undefined;
    const timer = setTimeout(() => socket.destroy(), timeoutMs);
    socket.on("data", (data) => {
      received += data.toString("latin1");
    });
    socket.on("error", (failure: NodeJS.ErrnoException) => {
      error ??= failure.code ?? failure.message;
    });
    socket.on("close", () => {
      clearTimeout(timer);
      resolve({ received, error });
    });
    socket.on("connect", () => {
      for (const chunk of chunks) socket.write(chunk, () => {});
    });
  });
}

/** The status, headers (lowercase names) and body of the first response in `received`. */
export function parseRawResponse(received: string): {
  status: number;
  headers: Record<string, string>;
  body: string;
} {
  const end = received.indexOf("\r\n\r\n");
  const [statusLine = "", ...lines] = received.slice(0, end).split("\r\n");
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(":");
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const length = Number(headers["content-length"] ?? 0);
  return {
    status: Number(statusLine.split(" ")[1]),
    headers,
    body: received.slice(end + 4, end + 4 + length),
  };
}

/**
 * {@link rawExchange} from another process: a client that shares no event loop with the server,
 * so the server answers while the client is still writing, as across a network.
 */
export async function rawExchangeFromAnotherProcess(
  port: number,
  head: string,
  bodyBytes: number,
): Promise<RawExchange> {
  const script = `
    const net = require("node:net");
    const [port, head, bytes] = [Number(process.argv[1]), process.argv[2], Number(process.argv[3])];
    const socket = net.connect(port, "127.0.0.1");
    let received = "";
    let error;
    socket.on("data", (data) => { received += data.toString("latin1"); });
    socket.on("error", (failure) => { error = error ?? failure.code; });
    socket.on("close", () => process.stdout.write(JSON.stringify({ received, error })));
    socket.on("connect", () => { socket.write(head); socket.write(Buffer.alloc(bytes, "x"), () => {}); });
    setTimeout(() => socket.destroy(), 10000).unref();
  `;
  const { stdout } = await run(process.execPath, ["-e", script, String(port), head, String(bodyBytes)]);
  return JSON.parse(stdout) as RawExchange;
}

/** `fetch` from another process: its status and body text, or the error's cause code. */
export async function fetchFromAnotherProcess(
  url: string,
  headers: Record<string, string>,
  bodyBytes: number,
): Promise<{ status?: number; body?: string; error?: string }> {
  const script = `
    const [url, headers, bytes] = [process.argv[1], JSON.parse(process.argv[2]), Number(process.argv[3])];
    fetch(url, { method: "POST", headers, body: "x".repeat(bytes) }).then(
      async (response) => process.stdout.write(JSON.stringify({ status: response.status, body: await response.text() })),
      (failure) => process.stdout.write(JSON.stringify({ error: failure.cause?.code ?? String(failure) })),
    );
  `;
  const { stdout } = await run(process.execPath, [
    "-e",
    script,
    url,
    JSON.stringify(headers),
    String(bodyBytes),
  ]);
  return JSON.parse(stdout) as { status?: number; body?: string; error?: string };
}
