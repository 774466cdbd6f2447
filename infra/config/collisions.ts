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

/**
 * Reports principals listed more than once (ids compared case-insensitively) in a list that gives each principal one
 * role assignment: `workspace.aiDevelopers` (Azure AI Developer) and `foundry.principals` (Foundry User). The
 * assignment's name is derived from scope, principal and role, so a repeat is a second assignment with one name.
 */
export function checkDuplicatePrincipals(raw: Record<string, unknown>, err: Report): void {
    const lists: [string, string, string][] = [
        ["workspace", "aiDevelopers", AZURE_AI_DEVELOPER.name],
        ["foundry", "principals", FOUNDRY_USER.name],
    ];
    for (const [section, key, role] of lists) {
        const holder = raw[section];
        if (!isObject(holder)) continue;
        const seen = new Map<string, { index: number; id: string }>();
        arr(holder[key]).forEach((p, i) => {
            const id = isObject(p) ? str(p.principalId) : undefined;
            if (id === undefined) return;
            const prior = seen.get(id.toLowerCase());
            if (!prior) {
                seen.set(id.toLowerCase(), { index: i, id });
                return;
            }
            err(
                [section, key, i, "principalId"],
                `${show(id)} is already listed as ${configPath([section, key, prior.index, "principalId"])} (${show(prior.id)}); ` +
                    `principal ids are compared case-insensitively and each principal gets one ${role} role assignment: list it once`,
            );
        });
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
