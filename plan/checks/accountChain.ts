/**
 * The writes to each Foundry account, in the order `pulumi up` makes them. Azure answers a write to an account while
 * another one runs with 409 "Another operation is being performed on the parent resource", so the writes of one
 * account must form one chain: each depends, directly or through others, on the one before. The plan shows each
 * account's chain and its length (the account's critical path), and warns about every pair of writes that could run
 * at the same time.
 */
import type { AccountChain, AccountChainWrite, PlannedResource, PlanWarning } from "../run/types";

export type { AccountChain, AccountChainWrite };

const ACCOUNT = /^azure-native:cognitiveservices(?:\/v[0-9a-z]+)?:Account$/;
const ON_ACCOUNT = /^azure-native:cognitiveservices(?:\/v[0-9a-z]+)?:[A-Za-z]+$/;

/**
 * The input through which a resource of each type writes to an account: a child of the account names it in
 * `accountName`; a diagnostic setting, a role assignment and a private endpoint point at its id.
 */
function accountInput(type: string): string | undefined {
    if (ACCOUNT.test(type)) return undefined;
    if (ON_ACCOUNT.test(type)) return "accountName";
    if (/^azure-native:monitor(?:\/v[0-9a-z]+)?:DiagnosticSetting$/.test(type)) return "resourceUri";
    if (/^azure-native:authorization(?:\/v[0-9a-z]+)?:RoleAssignment$/.test(type)) return "scope";
    if (/^azure-native:network(?:\/v[0-9a-z]+)?:PrivateEndpoint$/.test(type)) return "privateLinkServiceConnections";
    return undefined;
}

/** The chains of every Foundry account among the planned resources. */
export function accountChains(resources: readonly PlannedResource[]): AccountChain[] {
    const byUrn = new Map(resources.map((r) => [r.urn, r]));
    const reach = reachability(resources, byUrn);
    return resources
        .filter((r) => r.custom && ACCOUNT.test(r.type))
        .map((account) => {
            const writers = resources.filter((r) => r.custom && writesTo(r, account));
            // A write goes after every write it depends on; the logical name breaks ties, so the order is stable
            // (registration order is not: a resource registers once its inputs resolve).
            const sorted = topological(
                [...writers].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
                reach,
            );
            const concurrent: [string, string][] = [];
            for (let i = 0; i < sorted.length; i++)
                for (let j = i + 1; j < sorted.length; j++)
                    if (!reach(sorted[j].urn).has(sorted[i].urn) && !reach(sorted[i].urn).has(sorted[j].urn))
                        concurrent.push([sorted[i].name, sorted[j].name]);
            return {
                account: account.name,
                writes: sorted.map((r) => ({ name: r.name, type: r.type })),
                concurrent,
            };
        });
}

/** A warning for every pair of writes to one account nothing orders. */
export function accountChainWarnings(chains: readonly AccountChain[]): PlanWarning[] {
    return chains.flatMap((c) =>
        c.concurrent.map(([a, b]) => ({
            path: c.account,
            message: `${a} and ${b} write to the same Foundry account and nothing orders them: pulumi up may run them at once, and Azure answers the second with 409 RequestConflict ("Another operation is being performed on the parent resource"); make one depend on the other`,
        })),
    );
}

/** True when `r` writes to `account`: its account input comes from the account, or names it. */
function writesTo(r: PlannedResource, account: PlannedResource): boolean {
    const input = accountInput(r.type);
    if (input === undefined) return false;
    if ((r.propertyDependencies[input] ?? []).includes(account.urn)) return true;
    // A plain account name (an existing account, or a library user's string) links by value.
    const name = account.inputs.accountName;
    return (
        input === "accountName" &&
        typeof name === "string" &&
        r.inputs.accountName === name &&
        r.inputs.resourceGroupName === account.inputs.resourceGroupName
    );
}

/** For each URN, every URN it depends on directly or transitively (through any resource, components included). */
function reachability(
    resources: readonly PlannedResource[],
    byUrn: Map<string, PlannedResource>,
): (urn: string) => Set<string> {
    const memo = new Map<string, Set<string>>();
    const visit = (urn: string, path: Set<string>): Set<string> => {
        const known = memo.get(urn);
        if (known) return known;
        const out = new Set<string>();
        if (path.has(urn)) return out;
        path.add(urn);
        const r = byUrn.get(urn);
        // A component's children are ordered by what the children depend on, not by their parent.
        for (const d of r?.dependencies ?? []) {
            out.add(d);
            for (const t of visit(d, path)) out.add(t);
        }
        path.delete(urn);
        memo.set(urn, out);
        return out;
    };
    for (const r of resources) visit(r.urn, new Set());
    return (urn) => memo.get(urn) ?? new Set();
}

/** Kahn's order over `items` (already in a stable order), by the reachability relation. */
function topological(items: PlannedResource[], reach: (urn: string) => Set<string>): PlannedResource[] {
    const left = [...items];
    const out: PlannedResource[] = [];
    while (left.length > 0) {
        const i = left.findIndex((r) => !left.some((o) => o !== r && reach(r.urn).has(o.urn)));
        // A cycle cannot be planned (the engine refuses it); keep the rest in the order given.
        const next = left.splice(i < 0 ? 0 : i, 1)[0];
        out.push(next);
    }
    return out;
}
