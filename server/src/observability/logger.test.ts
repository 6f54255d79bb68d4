import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "./logger.js";

function capture() {
  const lines: Array<Record<string, unknown>> = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split("\n")) if (line) lines.push(JSON.parse(line));
      done();
    },
  });
  return { lines, stream };
}

describe("createLogger", () => {
  it("redacts credentials in requests, responses and any object's password, key, secret key and token", () => {
    const { lines, stream } = capture();
    const logger = createLogger({ logLevel: "info" }, stream);
    logger.info(
      {
        req: {
          method: "POST",
          headers: { authorization: "Bearer kg_root_secret", cookie: "keygate_session=abc" },
        },
        res: { statusCode: 200, headers: { "set-cookie": "keygate_session=def; HttpOnly" } },
        body: { email: "ops@example.com", password: "hunter2hunter2" },
        created: { id: "key_1", key: "acme_secret", secretKey: "acme_secret2", sharedKey: "acme_pk_public" },
        setup: { token: "setup-token", csrfToken: "csrf" },
      },
      "request",
    );
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 30,
      msg: "request",
      req: { method: "POST", headers: { authorization: "[redacted]", cookie: "[redacted]" } },
      res: { statusCode: 200, headers: { "set-cookie": "[redacted]" } },
      body: { email: "ops@example.com", password: "[redacted]" },
      created: { id: "key_1", key: "[redacted]", secretKey: "[redacted]", sharedKey: "acme_pk_public" },
      setup: { token: "[redacted]", csrfToken: "[redacted]" },
    });
    const text = JSON.stringify(lines);
    for (const secret of ["kg_root_secret", "abc", "def", "hunter2", "acme_secret", "setup-token"]) {
      expect(text).not.toContain(secret);
    }
  });

  it("logs at the configured level and above only", () => {
    const { lines, stream } = capture();
    const logger = createLogger({ logLevel: "warn" }, stream);
    logger.info("quiet");
    logger.warn("loud");
    logger.error("louder");
    expect(lines.map((line) => line.msg)).toEqual(["loud", "louder"]);
  });
});
