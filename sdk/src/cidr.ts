/**
 * A dependency-free IPv4/IPv6 CIDR matcher with the server's rules (server/src/verifier/ip-allowlist.ts):
 * an IPv4 range matches IPv4 addresses and an IPv6 range IPv6 ones; an IPv4-mapped IPv6 address
 * (`::ffff:203.0.113.9`) counts as its IPv4 address; an entry that does not parse allows nothing.
 */

/** An address as 16-bit groups: 2 for IPv4, 8 for IPv6. */
type Groups = number[];

interface Range {
  groups: Groups;
  bits: number;
}

function parseIpv4(text: string): Groups | undefined {
  const parts = text.split(".");
  if (parts.length !== 4) return undefined;
  const bytes: number[] = [];
  for (const part of parts) {
    // As the server's address check: no leading zeros (`01` could be read as octal).
    if (!/^(?:0|[1-9]\d{0,2})$/.test(part)) return undefined;
    const value = Number(part);
    if (value > 255) return undefined;
    bytes.push(value);
  }
  const [a = 0, b = 0, c = 0, d = 0] = bytes;
  return [(a << 8) | b, (c << 8) | d];
}

function parseGroups(text: string): Groups | undefined {
  if (text === "") return [];
  const groups: Groups = [];
  for (const part of text.split(":")) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(part)) return undefined;
    groups.push(Number.parseInt(part, 16));
  }
  return groups;
}

function parseIpv6(input: string): Groups | undefined {
  let text = input;
  let tail: Groups = [];
  const lastColon = text.lastIndexOf(":");
  if (text.includes(".", lastColon)) {
    const ipv4 = parseIpv4(text.slice(lastColon + 1));
    if (!ipv4) return undefined;
    // Keep a `::` just before the IPv4 part (`::ffff:1.2.3.4` → `::ffff`). As ipaddr.js (the
    // server's parser) reads it, a bare `::1.2.3.4` is the IPv4-mapped `::ffff:1.2.3.4`.
    const head = text.slice(0, lastColon + 1);
    tail = head === "::" ? [0xffff, ...ipv4] : ipv4;
    text = head.endsWith("::") ? head : head.slice(0, -1);
  }
  const halves = text.split("::");
  if (halves.length > 2) return undefined;
  const head = parseGroups(halves[0] ?? "");
  if (!head) return undefined;
  if (halves.length === 1) {
    const groups = [...head, ...tail];
    return groups.length === 8 ? groups : undefined;
  }
  const rest = parseGroups(halves[1] ?? "");
  if (!rest) return undefined;
  const missing = 8 - head.length - rest.length - tail.length;
  if (missing < 1) return undefined;
  return [...head, ...new Array<number>(missing).fill(0), ...rest, ...tail];
}

/** An address's groups, with an IPv4-mapped IPv6 address taken as its IPv4 address. */
export function parseAddress(text: string): Groups | undefined {
  if (!text.includes(":")) return parseIpv4(text);
  const groups = parseIpv6(text);
  if (groups === undefined) return undefined;
  const mapped = groups.slice(0, 5).every((group) => group === 0) && groups[5] === 0xffff;
  return mapped ? groups.slice(6) : groups;
}

function parseRange(cidr: string): Range | undefined {
  const slash = cidr.indexOf("/");
  const addressText = slash === -1 ? cidr : cidr.slice(0, slash);
  const groups = addressText.includes(":") ? parseIpv6(addressText) : parseIpv4(addressText);
  if (!groups) return undefined;
  const max = groups.length * 16;
  if (slash === -1) return { groups, bits: max };
  const bitsText = cidr.slice(slash + 1);
  if (!/^\d{1,3}$/.test(bitsText)) return undefined;
  const bits = Number(bitsText);
  return bits > max ? undefined : { groups, bits };
}

function inRange(address: Groups, range: Range): boolean {
  if (address.length !== range.groups.length) return false;
  let bits = range.bits;
  for (let i = 0; bits > 0; i++, bits -= 16) {
    const mask = bits >= 16 ? 0xffff : (0xffff << (16 - bits)) & 0xffff;
    if (((address[i] ?? 0) & mask) !== ((range.groups[i] ?? 0) & mask)) return false;
  }
  return true;
}

/** A key's allowlist, parsed once. */
export class CidrList {
  private readonly ranges: Range[] = [];

  constructor(cidrs: readonly string[]) {
    for (const cidr of cidrs) {
      const range = parseRange(cidr);
      if (range) this.ranges.push(range);
    }
  }

  /** Whether the address is inside one of the ranges; an address that does not parse is not. */
  allows(ip: string): boolean {
    const address = parseAddress(ip);
    if (!address) return false;
    for (const range of this.ranges) if (inRange(address, range)) return true;
    return false;
  }
}
