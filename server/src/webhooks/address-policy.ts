/**
 * Which addresses a workspace's webhook may reach (server-side request forgery): only public
 * unicast ones. Loopback, private, link-local (169.254.169.254, the cloud metadata address),
 * unique-local (fd00:ec2::254), carrier-grade NAT (100.100.100.200), multicast, reserved and the
 * unspecified address are refused, IPv4-mapped IPv6 judged as the IPv4 address it carries, unless
 * the operator lists the host name, the address or a range holding it in
 * `KEYGATE_WEBHOOK_ALLOW_HOSTS`. The sender checks every address a name resolves to, on every
 * delivery, and connects only to an address it checked (no second lookup to rebind).
 */
import ipaddr from "ipaddr.js";

export interface AddressPolicy {
  /** Lower-case host names, addresses and CIDRs the operator allows although not public. */
  allowHosts: readonly string[];
}

type Address = ipaddr.IPv4 | ipaddr.IPv6;

const RANGE_NAMES: Record<string, string> = {
  loopback: "a loopback address",
  private: "a private address",
  linkLocal: "a link-local address (such as the cloud metadata address)",
  uniqueLocal: "a unique-local address",
  carrierGradeNat: "a carrier-grade NAT address",
  unspecified: "the unspecified address",
  multicast: "a multicast address",
  broadcast: "the broadcast address",
};

function parse(address: string): Address | undefined {
  if (!ipaddr.isValid(address)) return undefined;
  const parsed = ipaddr.parse(address);
  if (parsed.kind() === "ipv6" && (parsed as ipaddr.IPv6).isIPv4MappedAddress())
    return (parsed as ipaddr.IPv6).toIPv4Address();
  return parsed;
}

function allowedByList(hostname: string, address: Address, policy: AddressPolicy): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, "");
  for (const entry of policy.allowHosts) {
    if (entry === host) return true;
    if (!ipaddr.isValid(entry.split("/")[0] ?? "")) continue;
    try {
      const [range, bits] = entry.includes("/")
        ? ipaddr.parseCIDR(entry)
        : [ipaddr.parse(entry), entry.includes(":") ? 128 : 32];
      const candidate =
        range.kind() === "ipv6" && address.kind() === "ipv4"
          ? (address as ipaddr.IPv4).toIPv4MappedAddress()
          : address;
      if (candidate.kind() === range.kind() && candidate.match(range, bits)) return true;
    } catch {
      // An entry config.ts let through but ipaddr cannot read: it allows nothing.
    }
  }
  return false;
}

/**
 * Why a webhook may not connect to this address of this host, or undefined when it may.
 * @example addressRefusal("hooks.example.com", "10.0.0.5", { allowHosts: [] }) // "hooks.example.com resolves to 10.0.0.5, a private address"
 */
export function addressRefusal(hostname: string, address: string, policy: AddressPolicy): string | undefined {
  const parsed = parse(address);
  if (parsed === undefined) return `${address} is not an IP address`;
  const range = parsed.range();
  if (range === "unicast") return undefined;
  if (allowedByList(hostname, parsed, policy)) return undefined;
  const what = RANGE_NAMES[range] ?? `a reserved address (${range})`;
  const host = hostname.replace(/^\[|\]$/g, "");
  return host === address || parse(host)?.toString() === parsed.toString()
    ? `${address} is ${what}`
    : `${host} resolves to ${address}, ${what}`;
}

/**
 * Why a webhook URL may not be used, judged without a DNS lookup (on create and edit): not http(s),
 * plain http while the operator requires https, credentials in it, or a literal address that
 * {@link addressRefusal} refuses. Undefined when it may.
 */
export function webhookUrlRefusal(
  text: string,
  options: AddressPolicy & { allowHttp: boolean },
): string | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return "must be an absolute URL, such as https://hooks.example.com/keygate";
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return "must be an https URL";
  if (url.protocol === "http:" && !options.allowHttp)
    return "must be an https URL (the operator allows http with KEYGATE_WEBHOOK_ALLOW_HTTP=true)";
  if (url.username !== "" || url.password !== "") return "must not hold a user name or password";
  if (url.hash !== "") return "must not have a #fragment";
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (ipaddr.isValid(host)) return addressRefusal(host, host, options);
  if (host === "localhost" || host.endsWith(".localhost")) {
    return options.allowHosts.includes(host) ? undefined : `${host} is a loopback address`;
  }
  return undefined;
}
