/** The SDK's CIDR matcher answers as the server's allowlist (ipaddr.js) for the same lists and addresses. */
import { describe, expect, it } from "vitest";
import { IpAllowlist } from "../../server/src/verifier/ip-allowlist.js";
import { CidrList, parseAddress } from "../src/cidr.js";

const LISTS = [
  ["203.0.113.0/24"],
  ["198.51.100.7/32", "10.0.0.0/8"],
  ["0.0.0.0/0"],
  ["2001:db8::/32"],
  ["2001:db8:abcd:12::/64", "::1/128"],
  ["::/0"],
  ["::ffff:0:0/96"],
  ["192.168.1.128/25", "fe80::/10"],
  ["172.16.0.0/12", "2001:db8::1/128"],
];

const ADDRESSES = [
  "203.0.113.0",
  "203.0.113.255",
  "203.0.114.0",
  "198.51.100.7",
  "198.51.100.6",
  "10.255.255.255",
  "11.0.0.0",
  "192.168.1.127",
  "192.168.1.128",
  "172.31.255.255",
  "172.32.0.0",
  "::1",
  "::2",
  "2001:db8::",
  "2001:db8::1",
  "2001:0db8:0000:0000:0000:0000:0000:0001",
  "2001:db8:ffff:ffff:ffff:ffff:ffff:ffff",
  "2001:db9::",
  "2001:db8:abcd:12::99",
  "2001:db8:abcd:13::",
  "fe80::1",
  "febf:ffff::1",
  "fec0::1",
  "::ffff:203.0.113.9",
  "::ffff:10.1.2.3",
  "::ffff:cb00:7109",
  "::203.0.113.9",
  "1:2:3:4:5:6:7:8",
];

describe("CidrList", () => {
  it.each(LISTS)("matches as the server does for %s", (...cidrs) => {
    const ours = new CidrList(cidrs);
    const servers = new IpAllowlist(cidrs);
    for (const ip of ADDRESSES) expect([ip, ours.allows(ip)]).toEqual([ip, servers.allows(ip)]);
  });

  it("refuses what is not an address, and skips entries that do not parse", () => {
    const list = new CidrList(["not-a-cidr", "10.0.0.0/33", "203.0.113.0/24"]);
    expect(list.allows("203.0.113.1")).toBe(true);
    for (const bad of [
      "",
      "203.0.113",
      "203.0.113.1.5",
      "01.2.3.4",
      "256.1.1.1",
      "1::2::3",
      "gggg::1",
      "1:2:3:4:5:6:7:8:9",
    ]) {
      expect([bad, parseAddress(bad)]).toEqual([bad, undefined]);
      expect(list.allows(bad)).toBe(false);
    }
  });
});
