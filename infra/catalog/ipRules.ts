/**
 * Azure's limits on the IP network rules of an Azure AI services (Foundry) account's `networkAcls.ipRules`, as
 * Microsoft documents them (see {@link IP_RULE_LIMITS}'s source): public IPv4 addresses or CIDR ranges only.
 */
import { SOURCES } from "./sources";

export const IP_RULE_LIMITS = {
    /** IP network rules on one account (virtual network rules are counted apart). */
    maxRules: 100,
    /** Prefix lengths Azure refuses for a range: give the single address instead. */
    unsupportedPrefixes: [31, 32],
    /** Private ranges (RFC 1918) Azure refuses in IP rules. */
    privateRanges: ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"],
    source: SOURCES.ipRuleLimits,
} as const;

/** What an IP rule may be, for messages. */
export const IP_RULE_ALLOWED =
    "a public IPv4 address (203.0.113.7) or CIDR range with a prefix of /0 to /30 (203.0.113.0/24), outside 10.0.0.0/8, 172.16.0.0/12 and 192.168.0.0/16";

function toNumber(octets: readonly number[]): number {
    return octets.reduce((n, o) => n * 256 + o, 0);
}

/** The first and last address of a CIDR range. */
function bounds(base: readonly number[], prefix: number): [number, number] {
    const size = 2 ** (32 - prefix);
    const first = toNumber(base) - (toNumber(base) % size);
    return [first, first + size - 1];
}

/** Why Azure would refuse `value` as an IP rule, or undefined when it is acceptable. */
export function ipRuleProblem(value: string): string | undefined {
    const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?:\/(\d{1,2}))?$/.exec(value);
    if (!match) return "is not an IPv4 address or CIDR range";
    const octets = match.slice(1, 5).map(Number);
    if (octets.some((o) => o > 255)) return "has a part above 255";
    const prefix = match[5] === undefined ? undefined : Number(match[5]);
    if (prefix !== undefined && prefix > 32) return `has a prefix of /${prefix}, above /32`;
    if (prefix !== undefined && (IP_RULE_LIMITS.unsupportedPrefixes as readonly number[]).includes(prefix))
        return `is a /${prefix} range, which Azure does not support: give each address as its own rule`;
    const [first, last] = bounds(octets, prefix ?? 32);
    const privateRange = IP_RULE_LIMITS.privateRanges.find((r) => {
        const [base, bits] = r.split("/");
        const [start, end] = bounds(base.split(".").map(Number), Number(bits));
        return first <= end && last >= start;
    });
    if (privateRange)
        return `${prefix === undefined ? "is in" : "overlaps"} the private range ${privateRange}, which Azure refuses in IP rules (public addresses only)`;
    return undefined;
}
