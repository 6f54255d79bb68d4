/** How every middleware reads a request's key and its client's address, header by header. */
import { describe, expect, it } from "vitest";
import {
  clientAddress,
  credentialOf,
  isIpAddress,
  presentedKey,
  type RequestView,
} from "./request-credential.js";

function view(headers: Record<string, string>, peerAddress?: string): RequestView {
  return { header: (name) => headers[name], peerAddress };
}

describe("the presented key", () => {
  it("is the Bearer token, else x-api-key, and never another authorization scheme", () => {
    expect(presentedKey(view({ authorization: "Bearer kg_abc" }), undefined)).toBe("kg_abc");
    expect(presentedKey(view({ authorization: "bearer   kg_abc " }), undefined)).toBe("kg_abc");
    expect(presentedKey(view({ authorization: "Basic dXNlcg==", "x-api-key": "kg_x" }), undefined)).toBe(
      "kg_x",
    );
    expect(presentedKey(view({ authorization: "Bearer a b" }), undefined)).toBeUndefined();
    expect(presentedKey(view({ "x-api-key": "  " }), undefined)).toBeUndefined();
    expect(presentedKey(view({}), undefined)).toBeUndefined();
  });

  it("is read from the named header only when one is named", () => {
    const headers = { authorization: "Bearer kg_a", "x-api-key": "kg_b", "x-orders-key": "kg_c" };
    expect(presentedKey(view(headers), "x-orders-key")).toBe("kg_c");
    expect(presentedKey(view(headers), "authorization")).toBe("kg_a");
    expect(presentedKey(view({ "x-api-key": "kg_b" }), "authorization")).toBeUndefined();
  });

  it("counts an empty key or pair from getKey as no key", () => {
    expect(credentialOf("")).toBeUndefined();
    expect(credentialOf({ key: "" })).toBeUndefined();
    expect(credentialOf({ sharedKey: "kg_pk_a", secretKey: "" })).toBeUndefined();
    expect(credentialOf("kg_a")).toEqual({ key: "kg_a" });
    expect(credentialOf({ sharedKey: "kg_pk_a", secretKey: "kg_s" })).toEqual({
      sharedKey: "kg_pk_a",
      secretKey: "kg_s",
    });
  });
});

describe("the client's address", () => {
  const forwarded = { "x-forwarded-for": "198.51.100.1, 203.0.113.9, 192.0.2.7" };

  it("is the peer's, whatever X-Forwarded-For says, unless proxies are trusted", () => {
    expect(clientAddress(view(forwarded, "10.0.0.2"), 0)).toBe("10.0.0.2");
    expect(clientAddress(view({}, "::ffff:127.0.0.1"), 0)).toBe("127.0.0.1");
    expect(clientAddress(view({}, "::1"), 0)).toBe("::1");
    expect(clientAddress(view({}), 0)).toBeUndefined();
  });

  it("is the entry as many places from the right as there are trusted proxies", () => {
    expect(clientAddress(view(forwarded, "10.0.0.2"), 1)).toBe("192.0.2.7");
    expect(clientAddress(view(forwarded, "10.0.0.2"), 2)).toBe("203.0.113.9");
    expect(clientAddress(view(forwarded, "10.0.0.2"), 5)).toBe("198.51.100.1");
    expect(clientAddress(view({}, "10.0.0.2"), 1)).toBe("10.0.0.2");
  });

  it("is checked to be an IPv4 or IPv6 address", () => {
    for (const address of ["127.0.0.1", "203.0.113.255", "::1", "2001:db8::1", "::ffff:203.0.113.9"]) {
      expect(isIpAddress(address)).toBe(true);
    }
    for (const address of ["unknown", "256.1.1.1", "1.2.3", "2001:db8::g", "[::1]", "", "1.2.3.4:80"]) {
      expect(isIpAddress(address)).toBe(false);
    }
  });
});
