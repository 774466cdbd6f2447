/**
 * What the smoke check calls, read from a stack's outputs (`pulumi stack output --json --show-secrets`): one
 * target per serverless deployment, per deployment of a managed online endpoint and per Foundry deployment. Each
 * kind of output has one reader; a new kind is one more function in {@link TARGET_READERS}.
 */
import {
    DEPLOYMENT_HEADER,
    FOUNDRY_CAPACITY_UNIT_TPM,
    FOUNDRY_USER,
    ML_TOKEN_SCOPE,
    findModel,
    type ClientApi,
} from "../infra/catalog";

/** How a target authenticates: a key sent as bearer token, or a Microsoft Entra ID token for a scope. */
export type TargetAuth = { kind: "key"; key: string; keyPath: string } | { kind: "entra"; scope: string };

export interface SmokeTarget {
    /** Where it is in the outputs, e.g. `deployments.ministral` or `onlineEndpoints.mixtral/blue`. */
    endpoint: string;
    kind: "serverless" | "online" | "foundry";
    /** Catalog (or Foundry) model name, for the table and for lifecycle hints. */
    model: string;
    /** OpenAI-compatible base URL: the client appends `/chat/completions` or `/completions`. */
    baseURL: string;
    api: ClientApi;
    /** What to send as `model`. */
    modelField: string;
    auth: TargetAuth;
    /** Extra headers (the deployment of an online endpoint). */
    headers: Record<string, string>;
    /** What the caller's identity needs when the service refuses it (403). */
    roleHint: string;
    /** The rate limit of this deployment, for a 429 (a Foundry deployment's capacity). */
    rateLimit?: string;
}

/** A deployment the check cannot call, with why (no chat route, an auth mode it cannot fill). */
export interface SkippedTarget {
    endpoint: string;
    model: string;
    reason: string;
}

/** A problem with the outputs themselves (keys not shown, a field missing). */
export class OutputsError extends Error {}

export interface ReadTargets {
    targets: SmokeTarget[];
    skipped: SkippedTarget[];
}

type Loose = Record<string, unknown>;
const obj = (v: unknown): Loose => (v && typeof v === "object" && !Array.isArray(v) ? (v as Loose) : {});
const str = (v: unknown): string | undefined => (typeof v === "string" && v.length > 0 ? v : undefined);

/** A secret as `--show-secrets` prints it; `[secret]` or a missing value means the outputs were read without it. */
function secretAt(value: unknown, path: string): string {
    const s = str(value);
    if (!s || s === "[secret]")
        throw new OutputsError(
            `${path} is not in the outputs: read them with pulumi stack output --json --show-secrets`,
        );
    return s;
}

function required(value: unknown, path: string): string {
    const s = str(value);
    if (!s) throw new OutputsError(`${path} is missing from the outputs (is the stack deployed with this version?)`);
    return s;
}

const SERVERLESS_ROLE =
    "serverless endpoints take keys only: the key is refused by the endpoint's network rules or content filter, not by a role";

/** `deployments`: the serverless endpoints, through each one's OpenAI-compatible `client`. */
export function serverlessTargets(outputs: Loose): ReadTargets {
    const result: ReadTargets = { targets: [], skipped: [] };
    for (const [name, raw] of Object.entries(obj(outputs.deployments))) {
        const d = obj(raw);
        const endpoint = `deployments.${name}`;
        const model = str(d.model) ?? name;
        const client = obj(d.client);
        if (!str(client.baseURL)) {
            result.skipped.push({ endpoint, model, reason: "no chat or completions route (client is absent)" });
            continue;
        }
        result.targets.push({
            endpoint,
            kind: "serverless",
            model,
            baseURL: required(client.baseURL, `${endpoint}.client.baseURL`),
            api: client.api === "completions" ? "completions" : "chat",
            modelField: str(client.model) ?? model,
            auth: {
                kind: "key",
                key: secretAt(d.primaryKey, `${endpoint}.primaryKey`),
                keyPath: `${endpoint}.primaryKey`,
            },
            headers: {},
            roleHint: SERVERLESS_ROLE,
        });
    }
    return result;
}

/** The Entra ID token scope of an online endpoint with `authMode: AADToken` (the catalog's `ML_TOKEN_SCOPE`). */
export const ML_SCOPE = ML_TOKEN_SCOPE.scope;

/** `onlineEndpoints`: every deployment of every managed online endpoint, picked with the deployment header. */
export function onlineEndpointTargets(outputs: Loose): ReadTargets {
    const result: ReadTargets = { targets: [], skipped: [] };
    for (const [name, raw] of Object.entries(obj(outputs.onlineEndpoints))) {
        const e = obj(raw);
        const client = obj(e.client);
        const base =
            str(client.baseURL) ?? new URL(required(e.scoringUri, `onlineEndpoints.${name}.scoringUri`)).origin;
        const header = str(client.deploymentHeader) ?? DEPLOYMENT_HEADER;
        for (const [deployment, rawD] of Object.entries(obj(e.deployments))) {
            const d = obj(rawD);
            const endpoint = `onlineEndpoints.${name}/${deployment}`;
            const model = str(d.model) ?? deployment;
            let auth: TargetAuth;
            if (e.authMode === "Key")
                auth = {
                    kind: "key",
                    key: secretAt(e.primaryKey, `onlineEndpoints.${name}.primaryKey`),
                    keyPath: `onlineEndpoints.${name}.primaryKey`,
                };
            else if (e.authMode === "AADToken" || e.authMode === undefined) auth = { kind: "entra", scope: ML_SCOPE };
            else {
                result.skipped.push({
                    endpoint,
                    model,
                    reason: `auth mode ${String(e.authMode)}: no token the check can get`,
                });
                continue;
            }
            result.targets.push({
                endpoint,
                kind: "online",
                model,
                baseURL: base,
                api: d.api === "completions" ? "completions" : "chat",
                modelField: model,
                auth,
                headers: { [header]: deployment },
                roleHint:
                    "the identity needs Microsoft.MachineLearningServices/workspaces/onlineEndpoints/score/action on the endpoint (e.g. AzureML Data Scientist)",
            });
        }
    }
    return result;
}

/**
 * `foundry.deployments`: deployments on a Foundry resource, as `infra/foundryStack.ts` exports them:
 * `{ model, modelName, openAiBaseUrl, entraScope, primaryKey? }`. `model` is the deployment name (what the
 * OpenAI-compatible v1 API takes as `model`); the key is exported only when local auth is on, otherwise the check
 * sends a Microsoft Entra ID token for `entraScope`.
 */
export function foundryTargets(outputs: Loose): ReadTargets {
    const result: ReadTargets = { targets: [], skipped: [] };
    for (const [name, raw] of Object.entries(obj(obj(outputs.foundry).deployments))) {
        const d = obj(raw);
        const endpoint = `foundry.deployments.${name}`;
        const deployment = str(d.model) ?? name;
        const model = str(d.modelName) ?? deployment;
        const task = findModel(model)?.foundry?.task;
        if (task) {
            result.skipped.push({ endpoint, model, reason: `${task.kind} model: no chat completions to call` });
            continue;
        }
        const baseURL = required(d.openAiBaseUrl, `${endpoint}.openAiBaseUrl`);
        const keyPath = `${endpoint}.primaryKey`;
        const auth: TargetAuth =
            d.primaryKey === undefined || d.primaryKey === null
                ? { kind: "entra", scope: required(d.entraScope, `${endpoint}.entraScope`) }
                : { kind: "key", key: secretAt(d.primaryKey, keyPath), keyPath };
        result.targets.push({
            endpoint,
            kind: "foundry",
            model,
            baseURL,
            api: "chat",
            modelField: deployment,
            auth,
            headers: {},
            roleHint: FOUNDRY_ROLE_HINT,
            ...foundryRateLimit(deployment, d.capacity),
        });
    }
    return result;
}

/** `capacity` counts units of 1,000 tokens per minute (the catalog's {@link FOUNDRY_CAPACITY_UNIT_TPM}). */
function foundryRateLimit(deployment: string, capacity: unknown): { rateLimit?: string } {
    if (typeof capacity !== "number" || !Number.isFinite(capacity)) return {};
    const tpm = capacity * FOUNDRY_CAPACITY_UNIT_TPM.tokensPerMinute;
    return { rateLimit: `deployment ${deployment} has capacity ${capacity}: ${tpm} tokens per minute` };
}

/** What a refused Entra ID identity needs on a Foundry resource (the role the stack grants its `principals`). */
export const FOUNDRY_ROLE_HINT = `the identity needs the ${FOUNDRY_USER.name} role (formerly ${FOUNDRY_USER.formerName}, id ${FOUNDRY_USER.id}) on the Foundry resource: add it under azure-ai-models:foundry.principals, or assign it with az role assignment create`;

/** Every reader, in the order the table lists their targets. */
export const TARGET_READERS: readonly ((outputs: Loose) => ReadTargets)[] = [
    serverlessTargets,
    onlineEndpointTargets,
    foundryTargets,
];

/** All targets of a stack's outputs; an OutputsError lists every problem found. */
export function readTargets(outputs: unknown): ReadTargets {
    const all: ReadTargets = { targets: [], skipped: [] };
    const problems: string[] = [];
    for (const read of TARGET_READERS) {
        try {
            const r = read(obj(outputs));
            all.targets.push(...r.targets);
            all.skipped.push(...r.skipped);
        } catch (e) {
            if (!(e instanceof OutputsError)) throw e;
            problems.push(e.message);
        }
    }
    if (problems.length > 0) throw new OutputsError(problems.join("\n"));
    return all;
}
