/**
 * Config entries that would collide once deployed: one principal listed twice (two role assignments with one
 * name, which Azure refuses), endpoint/deployment pairs that give two components one logical name (two
 * resources with one URN, which the Pulumi engine refuses), and a workspace and a Foundry resource that would
 * manage one Azure resource group or Log Analytics workspace (two URNs, so nothing else notices). Each message
 * names both entries.
 */
import { AZURE_AI_DEVELOPER, FOUNDRY_USER, defaultResourceGroupName, logAnalyticsName } from "../catalog";
import { configPath, show } from "./issues";
import { arr, isObject, str } from "./loose";

/** The logical name of the component that deploys `deployment` on online endpoint `endpoint`. */
export function managedDeploymentComponentName(endpoint: string, deployment: string): string {
    return `${endpoint}-${deployment}`;
}

type Report = (path: PropertyKey[], message: string) => void;

/** A principal listed again: where, where it was first listed, and both ids as given. */
interface PrincipalRepeat {
    index: number;
    id: string;
    prior: number;
    priorId: string;
}

/**
 * The principals of a list that gives each principal one role assignment which were listed before (ids compared
 * case-insensitively): the assignment's name is derived from scope, principal and role, so a repeat is a second
 * assignment of one principal, which Azure refuses. Entries without a string id are left to the field rules.
 */
export function principalRepeats(principals: readonly unknown[]): PrincipalRepeat[] {
    const seen = new Map<string, { index: number; id: string }>();
    const repeats: PrincipalRepeat[] = [];
    principals.forEach((p, index) => {
        const id = isObject(p) ? str(p.principalId) : undefined;
        if (id === undefined) return;
        const prior = seen.get(id.toLowerCase());
        if (prior) repeats.push({ index, id, prior: prior.index, priorId: prior.id });
        else seen.set(id.toLowerCase(), { index, id });
    });
    return repeats;
}

/**
 * The message for a repeated principal, the same for the stack config and a component's arguments; `priorPath` is
 * the first listing's path as the reader knows it (a config path, or an argument path).
 */
export function repeatedPrincipalMessage(repeat: PrincipalRepeat, priorPath: string, role: string): string {
    return (
        `${show(repeat.id)} is already listed as ${priorPath} (${show(repeat.priorId)}); ` +
        `principal ids are compared case-insensitively and each principal gets one ${role} role assignment: list it once`
    );
}

/**
 * Reports principals listed more than once in `workspace.principals` (Azure AI Developer; or its deprecated name
 * `aiDevelopers`) and `foundry.principals` (Foundry User); see {@link principalRepeats}.
 */
export function checkDuplicatePrincipals(raw: Record<string, unknown>, err: Report): void {
    const ws = isObject(raw.workspace) ? raw.workspace : {};
    const wsKey = ws.principals === undefined && ws.aiDevelopers !== undefined ? "aiDevelopers" : "principals";
    const lists: [string, string, string][] = [
        ["workspace", wsKey, AZURE_AI_DEVELOPER.name],
        ["foundry", "principals", FOUNDRY_USER.name],
    ];
    for (const [section, key, role] of lists) {
        const holder = raw[section];
        if (!isObject(holder)) continue;
        for (const r of principalRepeats(arr(holder[key]))) {
            const priorPath = configPath([section, key, r.prior, "principalId"]);
            err([section, key, r.index, "principalId"], repeatedPrincipalMessage(r, priorPath, role));
        }
    }
}

/** Reports endpoint/deployment pairs of different endpoints whose components would get the same logical name. */
export function checkComponentNames(onlineEndpoints: unknown, err: Report): void {
    const seen = new Map<string, { endpoint: number; deployment: number; e: string; d: string }>();
    arr(onlineEndpoints).forEach((e, i) => {
        const endpoint = isObject(e) ? str(e.name) : undefined;
        if (endpoint === undefined) return;
        arr((e as { deployments?: unknown }).deployments).forEach((d, j) => {
            const deployment = isObject(d) ? str(d.name) : undefined;
            if (deployment === undefined) return;
            const name = managedDeploymentComponentName(endpoint, deployment);
            const prior = seen.get(name);
            if (!prior) {
                seen.set(name, { endpoint: i, deployment: j, e: endpoint, d: deployment });
                return;
            }
            // A deployment used twice in one endpoint, or an endpoint name used twice, is reported on its own.
            if (prior.e.toLowerCase() === endpoint.toLowerCase()) return;
            err(
                ["onlineEndpoints", i, "deployments", j, "name"],
                `endpoint ${show(endpoint)} with deployment ${show(deployment)} and ${configPath(["onlineEndpoints", prior.endpoint, "deployments", prior.deployment, "name"])} ` +
                    `(endpoint ${show(prior.e)} with deployment ${show(prior.d)}) both make the component ${show(name)}: ` +
                    `Pulumi refuses two resources with one URN; rename one of the endpoints or deployments`,
            );
        });
    });
}

/** The resource group a `workspace` or `foundry` section puts its resources in, as the raw config gives it. */
interface SectionGroup {
    section: "workspace" | "foundry";
    /** The section's base name. */
    name: string;
    /** The group's name: `resourceGroup.name`, or `rg-<name>`. */
    group: string;
    /** Whether the stack creates the group (no `resourceGroup.existing: true`). */
    creates: boolean;
    /** The key that decides the group, and its value. */
    path: PropertyKey[];
    value: string;
}

const LABEL = { workspace: "the workspace", foundry: "the Foundry resource" } as const;

function sectionGroup(raw: Record<string, unknown>, section: SectionGroup["section"]): SectionGroup | undefined {
    const s = raw[section];
    if (!isObject(s)) return undefined;
    const name = str(s.name);
    if (name === undefined) return undefined;
    const rg = isObject(s.resourceGroup) ? s.resourceGroup : undefined;
    const explicit = rg ? str(rg.name) : undefined;
    const creates = rg?.existing !== true;
    // A name without `existing` is refused on its own (see resourceGroupChoice): whether it is created is unknown.
    if (explicit !== undefined && rg?.existing === undefined) return undefined;
    if (explicit !== undefined)
        return { section, name, group: explicit, creates, path: [section, "resourceGroup", "name"], value: explicit };
    return { section, name, group: defaultResourceGroupName(name), creates, path: [section, "name"], value: name };
}

/**
 * Reports a `workspace` and a `foundry` section that would manage one Azure resource (two components, two URNs, so
 * the engine accepts it): both creating one resource group, one creating the group the other marks existing (nothing
 * orders the two on the first deployment, and removing the creator deletes the other's resources with the group),
 * or, in a group both take as existing, both naming a Log Analytics workspace `log-<name>`. Azure compares these
 * names case-insensitively; so does this check.
 */
export function checkSharedResources(raw: Record<string, unknown>, err: Report): void {
    const ws = sectionGroup(raw, "workspace");
    const foundry = sectionGroup(raw, "foundry");
    if (!ws || !foundry || ws.group.toLowerCase() !== foundry.group.toLowerCase()) return;
    const other = (g: SectionGroup) => `${configPath(g.path)} (${show(g.value)})`;
    if (ws.creates && foundry.creates) {
        const renames =
            ws.path.length === 2 && foundry.path.length === 2 ? ", or give the sections different names" : "";
        err(
            foundry.path,
            `${show(foundry.value)} makes the stack create the resource group ${show(foundry.group)}, and so does ${other(ws)}: ` +
                `two Pulumi resources would manage one Azure resource group, and deleting either deletes the group with everything in it; ` +
                `set resourceGroup.name on one of the sections to another group${renames}`,
        );
        return;
    }
    if (ws.creates !== foundry.creates) {
        const [creator, user] = ws.creates ? [ws, foundry] : [foundry, ws];
        err(
            user.path,
            `${show(user.value)} is marked existing, but ${other(creator)} makes the stack create that resource group: ` +
                `nothing makes ${LABEL[user.section]} wait for it on the first deployment, and removing ${configPath([creator.section])} would delete the group with ${LABEL[user.section]} in it; ` +
                `create the group outside the stack and mark it existing in both sections, or use another resource group`,
        );
        return;
    }
    const log = logAnalyticsName(foundry.name);
    if (log.toLowerCase() !== logAnalyticsName(ws.name).toLowerCase()) return;
    err(
        ["foundry", "name"],
        `${show(foundry.name)} gives the Log Analytics workspace ${show(log)} in the resource group ${show(foundry.group)}, and so does ${configPath(["workspace", "name"])} (${show(ws.name)}): ` +
            `two Pulumi resources would manage one Azure resource; give the sections different names, or put them in different resource groups`,
    );
}
