/**
 * A key's IP allowlist, parsed once into address ranges when its verification record is built,
 * so a verification only parses the client's address and compares.
 */
import ipaddr from "ipaddr.js";

type Address = ipaddr.IPv4 | ipaddr.IPv6;

export class IpAllowlist {
  private readonly ranges: Array<[Address, number]>;

  /**
   * @param cidrs normalised CIDR strings (`203.0.113.0/24`, `2001:db8::/32`), kept as stored for
   * the record an SDK judges by (`record: true`); bad entries are skipped when matching.
   */
  constructor(readonly cidrs: readonly string[]) {
    this.ranges = [];
    for (const cidr of cidrs) {
      try {
        this.ranges.push(ipaddr.parseCIDR(cidr));
      } catch {
        // The lifecycle validates entries; one that does not parse allows nothing.
      }
    }
  }

  /**
   * Whether this client address is inside one of the ranges. An IPv4-mapped IPv6 address
   * (`::ffff:203.0.113.9`) counts as its IPv4 address; an address that does not parse is refused.
   */
  allows(ip: string): boolean {
    let address: Address;
    try {
      address = ipaddr.process(ip);
    } catch {
      return false;
    }
    const kind = address.kind();
    for (const range of this.ranges) {
      if (range[0].kind() === kind && address.match(range)) return true;
    }
    return false;
  }
}
