/**
 * verifyWebhook against the Standard Webhooks specification: its published test vector, what the
 * reference library (`standardwebhooks`) and Keygate's delivery worker sign, and every way a request fails (a changed body,
 * another secret, an old or future timestamp, a missing header, a body that is not JSON). Headers
 * as a plain object in any case, a Headers and Node's IncomingHttpHeaders (a real request).
 */
import { createHmac, randomBytes } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import { webhookPayload } from "../../server/src/domain/webhooks/webhook-event-body.js";
import {
  WEBHOOK_EVENT_TYPES as SERVER_EVENT_TYPES,
  TEST_EVENT_TYPE,
} from "../../server/src/webhooks/event-types.js";
import { signedHeaders } from "../../server/src/webhooks/webhook-worker.js";
import { KeygateOptionError, verifyWebhook, WebhookVerificationError } from "../src/index.js";
import { WEBHOOK_EVENT_TYPES, webHmacSha256 } from "../src/webhook-verification.js";

/** The specification's test vector (also the reference libraries' own tests'). */
const VECTOR = {
  secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
  id: "msg_p5jXN8AQM9LWM0D4loKWxJek",
  timestamp: 1614265330,
  payload: '{"test": 2432232314}',
  signature: "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
};
const VECTOR_HEADERS = {
  "webhook-id": VECTOR.id,
  "webhook-timestamp": String(VECTOR.timestamp),
  "webhook-signature": VECTOR.signature,
};
const AT_VECTOR_TIME = { now: VECTOR.timestamp * 1000 };

const newSecret = () => `whsec_${randomBytes(24).toString("base64")}`;
const nowSeconds = () => Math.floor(Date.now() / 1000);

/** A Keygate-like delivery: its body and its three headers, signed with `secret` at `timestamp`. */
function delivery(secret: string, timestamp = nowSeconds()) {
  const id = `msg_${randomBytes(8).toString("hex")}`;
  const event = {
    id,
    type: "key.revoked",
    timestamp: new Date(timestamp * 1000).toISOString(),
    data: { key: { id: "key_01", name: "crm", start: "acme_4eC3" }, reason: "leaked" },
  };
  const payload = JSON.stringify(event);
  const key = Buffer.from(secret.slice("whsec_".length), "base64");
  const signature = createHmac("sha256", key).update(`${id}.${timestamp}.${payload}`).digest("base64");
  const headers = {
    "webhook-id": id,
    "webhook-timestamp": String(timestamp),
    "webhook-signature": `v1,${signature}`,
  };
  return { event, payload, headers };
}

/** What verifyWebhook rejects with, as `code: message`. */
async function refusal(verifying: Promise<unknown>): Promise<string> {
  try {
    await verifying;
  } catch (error) {
    if (error instanceof WebhookVerificationError) return `${error.code}: ${error.message}`;
    if (error instanceof KeygateOptionError) return `${error.code} ${error.option}: ${error.message}`;
    throw error;
  }
  throw new Error("it verified");
}

describe("verifyWebhook", () => {
  it("verifies the specification's test vector", async () => {
    expect(await verifyWebhook(VECTOR.payload, VECTOR_HEADERS, VECTOR.secret, AT_VECTOR_TIME)).toEqual({
      test: 2432232314,
    });
    // The reference library agrees on the vector (its verify reads the machine's clock: sign now).
    const reference = new Webhook(VECTOR.secret);
    expect(reference.sign(VECTOR.id, new Date(VECTOR.timestamp * 1000), VECTOR.payload)).toBe(
      VECTOR.signature,
    );
  });

  it("accepts what the reference library signs, and the reference library accepts the same", async () => {
    const secret = newSecret();
    const reference = new Webhook(secret);
    for (const payload of ['{"type":"key.created","data":{}}', '{"type":"x","data":{"name":"ünïcödé ✓"}}']) {
      const id = `msg_${randomBytes(6).toString("hex")}`;
      const now = new Date();
      const headers = {
        "webhook-id": id,
        "webhook-timestamp": String(Math.floor(now.getTime() / 1000)),
        "webhook-signature": reference.sign(id, now, payload),
      };
      expect(await verifyWebhook(payload, headers, secret)).toEqual(JSON.parse(payload));
      expect(await verifyWebhook(Buffer.from(payload), headers, secret)).toEqual(JSON.parse(payload));
      expect(reference.verify(payload, headers)).toEqual(JSON.parse(payload));
    }
  });

  it("answers the event, typed, from a string, a Buffer or a Uint8Array body", async () => {
    const secret = newSecret();
    const { event, payload, headers } = delivery(secret);
    const verified = await verifyWebhook<{ reason: string }>(payload, headers, secret);
    expect(verified).toEqual(event);
    expect(verified.data.reason).toBe("leaked");
    expect(await verifyWebhook(Buffer.from(payload), headers, secret)).toEqual(event);
    expect(await verifyWebhook(new TextEncoder().encode(payload), headers, secret)).toEqual(event);
  });

  it("refuses a changed body", async () => {
    const secret = newSecret();
    const { payload, headers } = delivery(secret);
    const tampered = payload.replace('"reason":"leaked"', '"reason":"rotated"');
    expect(await refusal(verifyWebhook(tampered, headers, secret))).toBe(
      "NO_MATCHING_SIGNATURE: no webhook-signature matches: the body was changed (verify the raw body, before any parsing), or the secret is not this endpoint's",
    );
    expect(await refusal(verifyWebhook(`${payload} `, headers, secret))).toMatch(/^NO_MATCHING_SIGNATURE: /);
    expect(
      await refusal(
        verifyWebhook(
          VECTOR.payload.replace("2432232314", "2432232315"),
          VECTOR_HEADERS,
          VECTOR.secret,
          AT_VECTOR_TIME,
        ),
      ),
    ).toMatch(/^NO_MATCHING_SIGNATURE: /);
  });

  it("refuses another secret", async () => {
    const { payload, headers } = delivery(newSecret());
    expect(await refusal(verifyWebhook(payload, headers, newSecret()))).toMatch(/^NO_MATCHING_SIGNATURE: /);
    const vectorSecretWithoutPrefix = VECTOR.secret.slice("whsec_".length);
    // The prefix may be left out, as the reference libraries allow; a different key never passes.
    expect(
      await verifyWebhook(VECTOR.payload, VECTOR_HEADERS, vectorSecretWithoutPrefix, AT_VECTOR_TIME),
    ).toEqual({
      test: 2432232314,
    });
  });

  it("refuses a timestamp more than 5 minutes away, either way, and takes another tolerance", async () => {
    const secret = newSecret();
    const now = nowSeconds();
    const old = delivery(secret, now - 301);
    expect(await refusal(verifyWebhook(old.payload, old.headers, secret, { now: now * 1000 }))).toBe(
      "TIMESTAMP_TOO_OLD: the webhook was signed 301 seconds ago, more than the 300 tolerated (a replayed request, or a clock that is off)",
    );
    const future = delivery(secret, now + 301);
    expect(await refusal(verifyWebhook(future.payload, future.headers, secret, { now: now * 1000 }))).toBe(
      "TIMESTAMP_TOO_NEW: the webhook's timestamp is 301 seconds in the future, more than the 300 tolerated (a clock that is off)",
    );
    const edge = delivery(secret, now - 300);
    expect(await verifyWebhook(edge.payload, edge.headers, secret, { now: now * 1000 })).toEqual(edge.event);
    expect(
      await verifyWebhook(old.payload, old.headers, secret, {
        now: new Date(now * 1000),
        toleranceSeconds: 600,
      }),
    ).toEqual(old.event);
    expect(
      await refusal(
        verifyWebhook(edge.payload, edge.headers, secret, { now: now * 1000, toleranceSeconds: 60 }),
      ),
    ).toMatch(/^TIMESTAMP_TOO_OLD: the webhook was signed 300 seconds ago, more than the 60 tolerated/);
    // The vector is from 2021: at the machine's time it is a replay.
    expect(await refusal(verifyWebhook(VECTOR.payload, VECTOR_HEADERS, VECTOR.secret))).toMatch(
      /^TIMESTAMP_TOO_OLD: /,
    );
    const bad = { ...VECTOR_HEADERS, "webhook-timestamp": "2021-02-26T14:22:10Z" };
    expect(await refusal(verifyWebhook(VECTOR.payload, bad, VECTOR.secret, AT_VECTOR_TIME))).toBe(
      'INVALID_TIMESTAMP: the webhook-timestamp header is not a Unix time in seconds: "2021-02-26T14:22:10Z"',
    );
  });

  it("refuses a request without one of the three headers, naming it", async () => {
    for (const name of ["webhook-id", "webhook-timestamp", "webhook-signature"] as const) {
      const headers: Record<string, string> = { ...VECTOR_HEADERS };
      delete headers[name];
      expect(await refusal(verifyWebhook(VECTOR.payload, headers, VECTOR.secret, AT_VECTOR_TIME))).toBe(
        `MISSING_HEADER: the webhook request has no ${name} header`,
      );
    }
    expect(await refusal(verifyWebhook(VECTOR.payload, {}, VECTOR.secret, AT_VECTOR_TIME))).toBe(
      "MISSING_HEADER: the webhook request has no webhook-id, webhook-timestamp, webhook-signature header",
    );
  });

  it("passes when one of several signatures matches, v1 only", async () => {
    const several = (signature: string) => ({ ...VECTOR_HEADERS, "webhook-signature": signature });
    const valid = VECTOR.signature;
    const other = "v1,bm90IHRoZSBzaWduYXR1cmUgb2YgdGhpcyBib2R5IGF0IGFsbA==";
    for (const signature of [`${other} ${valid}`, `${valid} ${other}`, `v1a,xyz ${other}  ${valid}`]) {
      expect(await verifyWebhook(VECTOR.payload, several(signature), VECTOR.secret, AT_VECTOR_TIME)).toEqual({
        test: 2432232314,
      });
    }
    for (const signature of [other, `v2,${valid.slice(3)}`, valid.slice(3), `${other} v1,`]) {
      expect(
        await refusal(verifyWebhook(VECTOR.payload, several(signature), VECTOR.secret, AT_VECTOR_TIME)),
      ).toMatch(/^NO_MATCHING_SIGNATURE: /);
    }
  });

  it("reads headers in any case, from a Headers, and from Node's IncomingHttpHeaders", async () => {
    const shouting = {
      "Webhook-Id": VECTOR.id,
      "WEBHOOK-TIMESTAMP": String(VECTOR.timestamp),
      "webhook-Signature": VECTOR.signature,
    };
    expect(await verifyWebhook(VECTOR.payload, shouting, VECTOR.secret, AT_VECTOR_TIME)).toEqual({
      test: 2432232314,
    });
    expect(await verifyWebhook(VECTOR.payload, new Headers(shouting), VECTOR.secret, AT_VECTOR_TIME)).toEqual(
      {
        test: 2432232314,
      },
    );

    const secret = newSecret();
    const server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on("data", (chunk: Buffer) => chunks.push(chunk));
      request.on("end", () => {
        verifyWebhook(Buffer.concat(chunks), request.headers, secret).then(
          (event) => response.writeHead(200).end(event.type),
          (error: WebhookVerificationError) => response.writeHead(400).end(error.code),
        );
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
      const { payload, headers } = delivery(secret);
      const sent = await fetch(url, { method: "POST", body: payload, headers });
      expect([sent.status, await sent.text()]).toEqual([200, "key.revoked"]);
      const changed = await fetch(url, { method: "POST", body: payload.replace("crm", "CRM"), headers });
      expect([changed.status, await changed.text()]).toEqual([400, "NO_MATCHING_SIGNATURE"]);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it("refuses a signed body that is not JSON", async () => {
    const secret = newSecret();
    const key = Buffer.from(secret.slice(6), "base64");
    const payload = "not json";
    const signature = createHmac("sha256", key).update(`msg_1.${nowSeconds()}.${payload}`).digest("base64");
    const headers = {
      "webhook-id": "msg_1",
      "webhook-timestamp": String(nowSeconds()),
      "webhook-signature": `v1,${signature}`,
    };
    expect(await refusal(verifyWebhook(payload, headers, secret))).toBe(
      "INVALID_PAYLOAD: the webhook's body is not JSON",
    );
  });

  it("says what is wrong with a bad secret or a parsed body: mistakes of the receiving code", async () => {
    for (const secret of ["", "whsec_", "whsec_not base64!", undefined]) {
      expect(
        await refusal(verifyWebhook(VECTOR.payload, VECTOR_HEADERS, secret as string, AT_VECTOR_TIME)),
      ).toMatch(/^INVALID_OPTION secret: secret: must be /);
    }
    const parsed = JSON.parse(VECTOR.payload) as unknown as string;
    expect(await refusal(verifyWebhook(parsed, VECTOR_HEADERS, VECTOR.secret, AT_VECTOR_TIME))).toBe(
      'INVALID_OPTION payload: payload: must be the raw body as received (a string or bytes), not parsed JSON: with Express, use express.raw({ type: "application/json" })',
    );
  });

  it("signs with Web Crypto as with node:crypto (runtimes without node:crypto)", async () => {
    for (const length of [0, 1, 64, 5000]) {
      const key = new Uint8Array(randomBytes(24));
      const content = new Uint8Array(randomBytes(length));
      expect(Buffer.from(await webHmacSha256(key, content)).toString("base64")).toBe(
        createHmac("sha256", key).update(content).digest("base64"),
      );
    }
  });

  it("verifies what Keygate's delivery worker sends", async () => {
    const secret = newSecret();
    const at = new Date();
    const event = { id: "msg_01", type: "key.leaked", occurred_at: at, data: { key: { id: "key_01" } } };
    const body = webhookPayload(event);
    const headers = signedHeaders(secret, event.id, at, body);
    expect(await verifyWebhook(body, headers, secret)).toEqual({
      id: "msg_01",
      type: "key.leaked",
      timestamp: at.toISOString(),
      data: { key: { id: "key_01" } },
    });
    expect(await refusal(verifyWebhook(body, headers, newSecret()))).toMatch(/^NO_MATCHING_SIGNATURE: /);
  });

  it("lists the event types the server sends", () => {
    expect([...WEBHOOK_EVENT_TYPES]).toEqual([...SERVER_EVENT_TYPES, TEST_EVENT_TYPE]);
  });
});
