/**
 * What a request presents, read the same way by every middleware: the key (`Authorization: Bearer
 * <key>`, else `x-api-key`, or the one header the options name) and the end client's address (the
 * connection's peer, or with trusted proxies the matching `X-Forwarded-For` entry).
 */
import type { VerifyCredential } from "../verify-types.js";

/** A framework's request as the shared code reads it. */
export interface RequestView {
  /** A header's value by its lowercase name (several values joined by `, `), or undefined. */
  header(name: string): string | undefined;
  /** The connection's peer address, when the runtime tells it. */
  peerAddress: string | undefined;
}

const BEARER = /^Bearer[ \t]+([^\s]+)[ \t]*$/i;

function bearerToken(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  return BEARER.exec(value)?.[1];
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === "" ? undefined : trimmed;
}

/** The key the request presents in its headers, or undefined when it presents none. */
export function presentedKey(view: RequestView, header: string | undefined): string | undefined {
  if (header === "authorization") return bearerToken(view.header("authorization"));
  if (header !== undefined) return nonEmpty(view.header(header));
  return bearerToken(view.header("authorization")) ?? nonEmpty(view.header("x-api-key"));
}

/** `getKey`'s answer as a credential (an empty string or pair counts as no key). */
export function credentialOf(key: string | VerifyCredential | undefined): VerifyCredential | undefined {
  if (key === undefined) return undefined;
  if (typeof key === "string") return key === "" ? undefined : { key };
  if ("key" in key) return key.key === "" ? undefined : key;
  return key.sharedKey === "" || key.secretKey === "" ? undefined : key;
}

/**
 * The end client's address: the peer's, or with `trustedProxies` proxies in front the entry that
 * many places from the right of `X-Forwarded-For` (the address the outermost trusted proxy saw).
 * An IPv4-mapped IPv6 address (`::ffff:127.0.0.1`) is given as IPv4.
 */
export function clientAddress(view: RequestView, trustedProxies: number): string | undefined {
  let address = view.peerAddress;
  if (trustedProxies > 0) {
    const forwarded = (view.header("x-forwarded-for") ?? "")
      .split(",")
      .map((entry) => entry.trim())
      .filter((entry) => entry !== "");
    if (forwarded.length > 0) {
      address = forwarded[Math.max(0, forwarded.length - trustedProxies)];
    }
  }
  if (address === undefined || address === "") return undefined;
  return address.startsWith("::ffff:") && address.includes(".") ? address.slice("::ffff:".length) : address;
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

/** Whether `value` is an IPv4 or IPv6 address (by the WHATWG URL parser, in every runtime). */
export function isIpAddress(value: string): boolean {
  if (IPV4.test(value)) return true;
  if (!value.includes(":") || !/^[0-9A-Fa-f:.]+$/.test(value)) return false;
  return URL.canParse(`http://[${value}]/`);
}
