/**
 * Config entries that would collide once deployed: one principal listed twice (two role assignments with one
 * name, which Azure refuses) and endpoint/deployment pairs that give two components one logical name (two
 * resources with one URN, which the Pulumi engine refuses). Each message names both entries.
 */
import { configPath, show } from "./issues";
import { arr, isObject, str } from "./loose";

/** The logical name of the component that deploys `deployment` on online endpoint `endpoint`. */
export function managedDeploymentComponentName(endpoint: string, deployment: string): string {
    return `${endpoint}-${deployment}`;
}

type Report = (path: PropertyKey[], message: string) => void;

/** Reports principals listed more than once in `workspace.aiDevelopers` (principal ids compared case-insensitively). */
export function checkDuplicatePrincipals(workspace: unknown, err: Report): void {
    if (!isObject(workspace)) return;
    const seen = new Map<string, { index: number; id: string }>();
    arr(workspace.aiDevelopers).forEach((p, i) => {
        const id = isObject(p) ? str(p.principalId) : undefined;
        if (id === undefined) return;
        const prior = seen.get(id.toLowerCase());
        if (!prior) {
            seen.set(id.toLowerCase(), { index: i, id });
            return;
        }
        err(
            ["workspace", "aiDevelopers", i, "principalId"],
            `${show(id)} is already listed as ${configPath(["workspace", "aiDevelopers", prior.index, "principalId"])} (${show(prior.id)}); ` +
                `principal ids are compared case-insensitively and each principal gets one Azure AI Developer role assignment: list it once`,
        );
    });
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
