/**
 * Config entries that would collide once deployed: one principal listed twice (two role assignments with one
 * name, which Azure refuses) and endpoint/deployment pairs that give two components one logical name (two
 * resources with one URN, which the Pulumi engine refuses). Each message names both entries.
 */
import { AZURE_AI_DEVELOPER, FOUNDRY_USER } from "../catalog";
import { configPath, show } from "./issues";
import { arr, isObject, str } from "./loose";

/** The logical name of the component that deploys `deployment` on online endpoint `endpoint`. */
export function managedDeploymentComponentName(endpoint: string, deployment: string): string {
    return `${endpoint}-${deployment}`;
}

type Report = (path: PropertyKey[], message: string) => void;

/** A principal listed again: where, where it was first listed, and both ids as given. */
export interface PrincipalRepeat {
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
 * Reports principals listed more than once in `workspace.aiDevelopers` (Azure AI Developer) and
 * `foundry.principals` (Foundry User); see {@link principalRepeats}.
 */
export function checkDuplicatePrincipals(raw: Record<string, unknown>, err: Report): void {
    const lists: [string, string, string][] = [
        ["workspace", "aiDevelopers", AZURE_AI_DEVELOPER.name],
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
