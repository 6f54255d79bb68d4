/**
 * Sends one signed webhook request and reports what happened, never throwing. A slow or dead
 * receiver costs at most {@link SEND_TIMEOUT_MS}; redirects are not followed (a 3xx is a failed
 * attempt); at most {@link MAX_ANSWER_BYTES} of the answer are read, and an excerpt of it kept for
 * the delivery log. Every address the URL's host resolves to is checked against the address
 * policy at connect time, on every attempt, and the connection goes to the address that was
 * checked (no second lookup a rebinding DNS server could answer differently).
 */
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { request as httpRequest, type IncomingMessage, type RequestOptions } from "node:http";
import { request as httpsRequest } from "node:https";
import type { LookupFunction } from "node:net";
import ipaddr from "ipaddr.js";
import { type AddressPolicy, addressRefusal } from "./address-policy.js";

export const SEND_TIMEOUT_MS = 10_000;
export const MAX_ANSWER_BYTES = 64 * 1024;
/** The start of an answer kept in the delivery log. */
export const EXCERPT_CHARS = 1_000;

export interface WebhookRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
}

export interface SendResult {
  /** A 2xx answer. */
  ok: boolean;
  statusCode: number | null;
  durationMs: number;
  /** The first {@link EXCERPT_CHARS} characters of the answer. */
  excerpt: string;
  /** Why it failed, in words for the delivery log; null on a 2xx. */
  error: string | null;
}

/** A refused address, told apart from network errors in the log. */
class RefusedAddressError extends Error {
  override name = "RefusedAddressError";
}

/** A lookup that refuses the host when any address it resolves to is not allowed. */
function guardedLookup(policy: AddressPolicy): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { all: true, family: options.family ?? 0 }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, "", 0);
      for (const { address } of addresses) {
        const refusal = addressRefusal(hostname, address, policy);
        if (refusal !== undefined) return callback(new RefusedAddressError(refusal), "", 0);
      }
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      const [first] = addresses;
      if (!first) return callback(new Error(`${hostname} has no address`), "", 0);
      callback(null, first.address, first.family);
    });
  };
}

function readAnswer(response: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let bytes = 0;
    const done = () => resolve(Buffer.concat(chunks).toString("utf8"));
    response.on("data", (chunk: Buffer) => {
      if (bytes >= MAX_ANSWER_BYTES) return;
      const room = MAX_ANSWER_BYTES - bytes;
      chunks.push(chunk.length > room ? chunk.subarray(0, room) : chunk);
      bytes += Math.min(chunk.length, room);
      if (bytes >= MAX_ANSWER_BYTES) {
        // Enough: the rest is not read, and the connection is not kept.
        response.destroy();
        done();
      }
    });
    response.on("end", done);
    response.on("error", done);
    response.on("close", done);
  });
}

function describeError(error: unknown, timedOut: boolean, timeoutMs: number): string {
  if (timedOut) return `no answer within ${timeoutMs / 1000} s`;
  if (error instanceof RefusedAddressError) return `refused: ${error.message}`;
  const code = (error as NodeJS.ErrnoException).code;
  const message = error instanceof Error ? error.message : String(error);
  return code && !message.includes(code) ? `${code}: ${message}` : message;
}

/** Sends the request; resolves with the outcome whatever happens. */
export function sendWebhook(
  request: WebhookRequest,
  policy: AddressPolicy,
  timeoutMs: number = SEND_TIMEOUT_MS,
): Promise<SendResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const failed = (error: string): SendResult => ({
    ok: false,
    statusCode: null,
    durationMs: elapsed(),
    excerpt: "",
    error,
  });
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return Promise.resolve(failed("the URL cannot be read"));
  }
  const host = url.hostname.replace(/^\[|\]$/g, "");
  // A literal address is never looked up: check it here.
  if (ipaddr.isValid(host)) {
    const refusal = addressRefusal(host, host, policy);
    if (refusal !== undefined) return Promise.resolve(failed(`refused: ${refusal}`));
  }
  const options: RequestOptions = {
    method: "POST",
    headers: {
      ...request.headers,
      "content-type": "application/json",
      "content-length": String(Buffer.byteLength(request.body)),
      "user-agent": "Keygate-Webhooks/1",
    },
    lookup: guardedLookup(policy),
    timeout: timeoutMs,
    agent: false,
  };
  const send = url.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise((resolve) => {
    let timedOut = false;
    let settled = false;
    const settle = (result: SendResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      resolve(result);
    };
    const outgoing = send(url, options, (response) => {
      const statusCode = response.statusCode ?? 0;
      readAnswer(response).then((answer) => {
        const ok = statusCode >= 200 && statusCode < 300;
        const redirect = statusCode >= 300 && statusCode < 400;
        settle({
          ok,
          statusCode,
          durationMs: elapsed(),
          excerpt: answer.slice(0, EXCERPT_CHARS),
          error: ok
            ? null
            : redirect
              ? `redirect to ${response.headers.location ?? "(no location)"} not followed`
              : `answered ${statusCode}`,
        });
      });
    });
    // One deadline for the whole exchange (connect, headers and body), not per socket event.
    const deadline = setTimeout(() => {
      timedOut = true;
      outgoing.destroy(new Error("timeout"));
      settle(failed(describeError(undefined, true, timeoutMs)));
    }, timeoutMs);
    outgoing.on("timeout", () => {
      timedOut = true;
      outgoing.destroy(new Error("timeout"));
    });
    outgoing.on("error", (error) => settle(failed(describeError(error, timedOut, timeoutMs))));
    outgoing.end(request.body);
  });
}
