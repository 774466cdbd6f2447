/**
 * What azure-native sends to Azure for a planned resource: the PUT operation of its type, the URL path parameters
 * (taken from the inputs of the same name: `resourceGroupName`, `workspaceName`, `accountName`, ...) and the request
 * body (the other inputs). Where the spec marks a property `x-ms-client-flatten` (the ML Workspace's `properties`),
 * azure-native takes that object's members as top-level inputs; the body nests them again, as the provider does.
 */
import { UNKNOWN } from "../../plan/run/types";
import { operation, resolve, discriminatedSubtype, type Node, type Operation } from "./swagger";
import { checkValue, isOpaque, shapeOf } from "./validate";

const ML_SPEC =
    "specification/machinelearningservices/resource-manager/Microsoft.MachineLearningServices/MachineLearningServices/stable/2025-12-01/openapi.json";
const COGNITIVE_SPEC =
    "specification/cognitiveservices/resource-manager/Microsoft.CognitiveServices/CognitiveServices/stable/2025-06-01/cognitiveservices.json";

/** The PUT operation (spec file and operationId) of each azure-native type the package deploys. */
export const PUT_OPERATIONS: Readonly<Record<string, { spec: string; operationId: string }>> = {
    "azure-native:machinelearningservices:Workspace": { spec: ML_SPEC, operationId: "Workspaces_CreateOrUpdate" },
    "azure-native:machinelearningservices:MarketplaceSubscription": {
        spec: ML_SPEC,
        operationId: "MarketplaceSubscriptions_CreateOrUpdate",
    },
    "azure-native:machinelearningservices:ServerlessEndpoint": {
        spec: ML_SPEC,
        operationId: "ServerlessEndpoints_CreateOrUpdate",
    },
    "azure-native:machinelearningservices:OnlineEndpoint": {
        spec: ML_SPEC,
        operationId: "OnlineEndpoints_CreateOrUpdate",
    },
    "azure-native:machinelearningservices:OnlineDeployment": {
        spec: ML_SPEC,
        operationId: "OnlineDeployments_CreateOrUpdate",
    },
    "azure-native:cognitiveservices:Account": { spec: COGNITIVE_SPEC, operationId: "Accounts_Create" },
    "azure-native:cognitiveservices:Project": { spec: COGNITIVE_SPEC, operationId: "Projects_Create" },
    "azure-native:cognitiveservices:Deployment": {
        spec: COGNITIVE_SPEC,
        operationId: "Deployments_CreateOrUpdate",
    },
    "azure-native:cognitiveservices:RaiPolicy": { spec: COGNITIVE_SPEC, operationId: "RaiPolicies_CreateOrUpdate" },
    "azure-native:cognitiveservices:RaiBlocklist": {
        spec: COGNITIVE_SPEC,
        operationId: "RaiBlocklists_CreateOrUpdate",
    },
    "azure-native:cognitiveservices:RaiBlocklistItem": {
        spec: COGNITIVE_SPEC,
        operationId: "RaiBlocklistItems_CreateOrUpdate",
    },
};

/** True for the azure-native modules whose bodies are checked: every type of them must be in {@link PUT_OPERATIONS}. */
export function isCheckedModule(type: string): boolean {
    return /^azure-native:(machinelearningservices|cognitiveservices)(\/[^:]+)?:/.test(type);
}

export interface PlannedRequest {
    operation: Operation;
    /** Path parameter values by name (absent ones left out). */
    pathParameters: Record<string, unknown>;
    /** Path parameters the inputs leave unset: azure-native autonames them, so they cannot be checked here. */
    autonamed: string[];
    body: Record<string, unknown>;
}

/** Nests the members of `x-ms-client-flatten` properties back under them, at every level. */
export function unflatten(value: unknown, node: Node): unknown {
    if (isOpaque(value) || value === null || typeof value !== "object") return value;
    const r = resolve(node);
    if (Array.isArray(value)) {
        const items = r.schema.items;
        return items ? value.map((v) => unflatten(v, { file: r.file, schema: items })) : value;
    }
    let shape = shapeOf(r);
    const obj = value as Record<string, unknown>;
    const tag = shape.discriminator !== undefined ? obj[shape.discriminator] : undefined;
    if (typeof tag === "string") {
        const sub = discriminatedSubtype(r, tag);
        if (sub) shape = shapeOf(sub);
    }
    const flattened = [...shape.properties].filter(([, p]) => p.schema["x-ms-client-flatten"] === true);
    const out: Record<string, unknown> = {};
    const containers = new Map<string, Record<string, unknown>>();
    for (const [key, v] of Object.entries(obj)) {
        const prop = shape.properties.get(key);
        const container = prop ? undefined : flattened.find(([, p]) => shapeOf(p).properties.has(key));
        if (container) {
            const members = containers.get(container[0]) ?? {};
            members[key] = v;
            containers.set(container[0], members);
        } else if (prop) out[key] = unflatten(v, prop);
        else if (shape.additional && shape.additional !== true) out[key] = unflatten(v, shape.additional);
        else out[key] = v;
    }
    for (const [key, members] of containers) out[key] = unflatten(members, shape.properties.get(key)!);
    return out;
}

/** The request azure-native sends for a planned resource of a type in {@link PUT_OPERATIONS}. */
export function toRequest(resource: { type: string; inputs: Record<string, unknown> }): PlannedRequest {
    const target = PUT_OPERATIONS[resource.type];
    if (!target) throw new Error(`no REST operation mapped for ${resource.type}`);
    const op = operation(target.spec, target.operationId);
    const names = new Set(op.pathParameters.map((p) => p.name));
    const pathParameters: Record<string, unknown> = {};
    const rest: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(resource.inputs)) {
        if (names.has(key)) pathParameters[key] = value;
        else rest[key] = value;
    }
    const autonamed = op.pathParameters.map((p) => p.name).filter((n) => pathParameters[n] === undefined);
    const body = unflatten(rest, op.body) as Record<string, unknown>;
    // A tracked resource's `location` is required; azure-native fills an unset one from the resource group's.
    if (shapeOf(op.body).required.has("location") && body.location === undefined) body.location = UNKNOWN;
    return { operation: op, pathParameters, autonamed, body };
}

/** Problems of a request: its path parameters against their patterns and lengths, its body against the schema. */
export function requestProblems(request: PlannedRequest): string[] {
    const out: string[] = [];
    for (const p of request.operation.pathParameters) {
        const value = request.pathParameters[p.name];
        if (value === undefined) continue;
        checkValue(value, { file: request.operation.body.file, schema: { type: "string", ...p } }, `{${p.name}}`, out);
    }
    return checkValue(request.body, request.operation.body, "", out);
}

/** Problems of a planned resource's request (see {@link toRequest}). */
export function resourceProblems(resource: { type: string; inputs: Record<string, unknown> }): string[] {
    return requestProblems(toRequest(resource));
}
