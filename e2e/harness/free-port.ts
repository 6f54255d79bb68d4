/** A TCP port on 127.0.0.1 that nothing listens on right now. */
import { createServer } from "node:net";

/** Asks the kernel for a free port, then releases it for the caller to listen on. */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolvePort(port));
    });
  });
}
