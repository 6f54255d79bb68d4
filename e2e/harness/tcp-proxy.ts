/**
 * A TCP proxy (node:net) on a free local port in front of one address, for a test that must take
 * a shared server away from the processes it tests without stopping it: the cluster test points
 * the nodes' DATABASE_URL here and plays "PostgreSQL is down" (every open connection dropped, new
 * ones reset at once) and "PostgreSQL is back" (connections pass again), while the machine's
 * PostgreSQL keeps serving every other test file.
 *
 * @example
 * const proxy = await startTcpProxy({ host: "127.0.0.1", port: 5432 });
 * const url = new URL(databaseUrl); url.port = String(proxy.port);   // DATABASE_URL via the proxy
 * proxy.down();  // drops every connection, refuses new ones
 * proxy.up();    // accepts again
 * await proxy.close();
 */
import { createConnection, createServer, type Socket } from "node:net";
import { freePort } from "./free-port.js";

export interface TcpProxy {
  /** The local port it listens on (127.0.0.1). */
  readonly port: number;
  /** Whether it passes connections now. */
  readonly passing: boolean;
  /** Connections opened through it since it started (both ends counted once). */
  readonly connectionsOpened: number;
  /** Resets every open connection (both sides) and resets every new one until {@link up}. */
  down(): void;
  /** Passes new connections again. */
  up(): void;
  /** Stops listening and resets every connection. */
  close(): Promise<void>;
}

/** Starts a proxy to `target` on a free port of 127.0.0.1. */
export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const open = new Set<Socket>();
  let passing = true;
  let opened = 0;

  const drop = (socket: Socket) => {
    open.delete(socket);
    if (!socket.destroyed) socket.resetAndDestroy();
  };

  const server = createServer((client) => {
    if (!passing) {
      client.on("error", () => {});
      client.resetAndDestroy();
      return;
    }
    opened += 1;
    const upstream = createConnection({ host: target.host, port: target.port });
    for (const [socket, other] of [
      [client, upstream],
      [upstream, client],
    ] as const) {
      open.add(socket);
      socket.setNoDelay(true);
      socket.on("error", () => drop(other));
      socket.on("close", () => {
        open.delete(socket);
        other.destroy();
      });
      socket.pipe(other);
    }
  });
  server.on("error", () => {});
  const port = await freePort();
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });

  const dropAll = () => {
    for (const socket of [...open]) drop(socket);
  };

  return {
    port,
    get passing() {
      return passing;
    },
    get connectionsOpened() {
      return opened;
    },
    down() {
      passing = false;
      dropAll();
    },
    up() {
      passing = true;
    },
    close() {
      passing = false;
      dropAll();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
