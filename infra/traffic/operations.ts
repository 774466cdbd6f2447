/**
 * Reading and setting an online endpoint's traffic split the way `az ml online-endpoint update --traffic` does: GET
 * the endpoint, replace `traffic` and `mirrorTraffic`, PUT it back whole and wait for the long-running operation.
 * ARM has no narrower call: the SDK's PATCH takes only tags and identity.
 *
 * Every function takes {@link TrafficClientOptions}, so tests hand in an SDK client pointed at a loopback server.
 * This module is serialized into the EndpointTraffic dynamic provider: it loads the SDK only through
 * `./client`'s functions, at call time.
 */
import type { AzureMachineLearningWorkspaces, OnlineEndpoint } from "@azure/arm-machinelearning";
import { defaultClientFactory, type TrafficClientOptions } from "./client";
import { effectiveSplit, formatProblems, trafficProblems, type TrafficSplit } from "../catalog/traffic";

/** Which online endpoint: its ARM coordinates. */
export interface EndpointRef {
    subscriptionId: string;
    resourceGroupName: string;
    workspaceName: string;
    endpointName: string;
}

/** What Azure holds for an endpoint after a read or a write. */
export interface LiveTraffic {
    traffic: Record<string, number>;
    mirrorTraffic: Record<string, number>;
    /** ARM provisioning state of the endpoint, e.g. `Succeeded`. */
    provisioningState?: string;
}

/** Arguments of {@link applyTraffic}. */
export type ApplyTrafficArgs = EndpointRef & TrafficSplit;

/**
 * Sets the endpoint's split: validates it, GETs the endpoint, and PUTs it back whole with `traffic` and
 * `mirrorTraffic` replaced (an omitted `mirrorTraffic` stops mirroring), then waits for the long-running operation.
 * When Azure already routes exactly this split it returns after the GET, without a PUT. Returns what Azure holds
 * afterwards. Throws, before any request, when the split breaks Azure's rules, and with the endpoint, the operation
 * and Azure's code and message when Azure refuses it (e.g. a deployment that does not exist).
 */
export async function applyTraffic(args: ApplyTrafficArgs, options: TrafficClientOptions = {}): Promise<LiveTraffic> {
    const problems = trafficProblems(args);
    if (problems.length > 0) {
        throw new Error(`Invalid traffic for online endpoint ${endpointLabel(args)}:\n${formatProblems(problems)}`);
    }
    const traffic = { ...args.traffic };
    const mirrorTraffic = { ...(args.mirrorTraffic ?? {}) };
    const client = (options.createClient ?? defaultClientFactory)(args.subscriptionId);
    const endpoint = await getEndpoint(client, args, "read");
    const live = liveTraffic(endpoint);
    if (sameExactly(live.traffic, traffic) && sameExactly(live.mirrorTraffic, mirrorTraffic)) return live;
    const action = `set traffic ${show(traffic, mirrorTraffic)} on`;
    return putTraffic(client, args, endpoint, { traffic, mirrorTraffic }, options, action);
}

/** The endpoint's live split, or `undefined` when the endpoint does not exist (404). */
export async function readTraffic(
    ref: EndpointRef,
    options: TrafficClientOptions = {},
): Promise<LiveTraffic | undefined> {
    const client = (options.createClient ?? defaultClientFactory)(ref.subscriptionId);
    const endpoint = await getEndpoint(client, ref, "read", true);
    return endpoint === undefined ? undefined : liveTraffic(endpoint);
}

/**
 * What deleting a traffic resource does: routes nothing and mirrors nothing (`traffic: {}`, `mirrorTraffic: {}`), so
 * every deployment can then be deleted. Nothing to do, and no PUT, when the endpoint is gone or already routes
 * nothing. Returns what Azure holds afterwards, or `undefined` when the endpoint does not exist.
 */
export async function clearTraffic(
    ref: EndpointRef,
    options: TrafficClientOptions = {},
): Promise<LiveTraffic | undefined> {
    const client = (options.createClient ?? defaultClientFactory)(ref.subscriptionId);
    const endpoint = await getEndpoint(client, ref, "read", true);
    if (endpoint === undefined) return undefined;
    const live = liveTraffic(endpoint);
    if (Object.keys(live.traffic).length === 0 && Object.keys(live.mirrorTraffic).length === 0) return live;
    return putTraffic(client, ref, endpoint, { traffic: {}, mirrorTraffic: {} }, options, "clear traffic on");
}

/**
 * An error that says which endpoint, what we tried and what Azure answered:
 * `could not set traffic {...} on online endpoint "ep" in workspace "ws" (resource group "rg", subscription "s"):
 * Azure answered 400 BadArgument: ...`.
 */
function azureError(action: string, ref: EndpointRef, error: unknown): Error {
    const message = `could not ${action} online endpoint ${endpointLabel(ref)}: ${describeCause(error)}`;
    // As `new Error(message, { cause })` would, spelled out: that option needs the ES2022 lib, which ts-node's
    // defaults (a component package run from a consumer's folder) do not load.
    const wrapped = new Error(message);
    Object.defineProperty(wrapped, "cause", { value: error, enumerable: false, writable: true, configurable: true });
    return wrapped;
}

/** `"ep" in workspace "ws" (resource group "rg", subscription "s")`. */
function endpointLabel(ref: EndpointRef): string {
    return (
        `${JSON.stringify(ref.endpointName)} in workspace ${JSON.stringify(ref.workspaceName)} ` +
        `(resource group ${JSON.stringify(ref.resourceGroupName)}, subscription ${JSON.stringify(ref.subscriptionId)})`
    );
}

async function getEndpoint(
    client: AzureMachineLearningWorkspaces,
    ref: EndpointRef,
    action: string,
): Promise<OnlineEndpoint>;
async function getEndpoint(
    client: AzureMachineLearningWorkspaces,
    ref: EndpointRef,
    action: string,
    missingOk: true,
): Promise<OnlineEndpoint | undefined>;
async function getEndpoint(
    client: AzureMachineLearningWorkspaces,
    ref: EndpointRef,
    action: string,
    missingOk = false,
): Promise<OnlineEndpoint | undefined> {
    try {
        return await client.onlineEndpoints.get(ref.resourceGroupName, ref.workspaceName, ref.endpointName);
    } catch (e) {
        if (missingOk && statusOf(e) === 404) return undefined;
        throw azureError(action, ref, e);
    }
}

async function putTraffic(
    client: AzureMachineLearningWorkspaces,
    ref: EndpointRef,
    endpoint: OnlineEndpoint,
    split: Required<TrafficSplit>,
    options: TrafficClientOptions,
    action: string,
): Promise<LiveTraffic> {
    // The GET result goes back whole, less what only Azure writes: the SDK's serializer drops id, name, type,
    // provisioningState, scoringUri and swaggerUri; systemData is dropped here. Its 2022-10-01 model has no
    // mirrorTraffic, so a pipeline policy writes that field into the PUT body (see mirrorTrafficPolicy).
    const { systemData: _systemData, ...writable } = endpoint;
    const body: OnlineEndpoint = { ...writable, properties: { ...endpoint.properties, traffic: split.traffic } };
    const policy = mirrorTrafficPolicy(ref.endpointName, split.mirrorTraffic);
    client.pipeline.addPolicy(policy);
    try {
        const result = await client.onlineEndpoints.beginCreateOrUpdateAndWait(
            ref.resourceGroupName,
            ref.workspaceName,
            ref.endpointName,
            body,
            options.pollIntervalMs === undefined ? {} : { updateIntervalInMs: options.pollIntervalMs },
        );
        return liveTraffic(result);
    } catch (e) {
        throw azureError(action, ref, e);
    } finally {
        client.pipeline.removePolicy({ name: policy.name });
    }
}

type PipelinePolicy = Parameters<AzureMachineLearningWorkspaces["pipeline"]["addPolicy"]>[0];

let policyCount = 0;

/**
 * Adds `properties.mirrorTraffic` to the PUT of this endpoint. `@azure/arm-machinelearning` 2.1.1 models API
 * 2022-10-01, which predates mirroring: its serializer drops fields its model lacks. The client speaks
 * ONLINE_ENDPOINT_API_VERSION, where the field exists, so the body is completed on its way out.
 */
function mirrorTrafficPolicy(endpointName: string, mirrorTraffic: Record<string, number>): PipelinePolicy {
    const suffix = `/onlineendpoints/${encodeURIComponent(endpointName).toLowerCase()}`;
    policyCount += 1;
    return {
        name: `azure-ai-models-mirror-traffic-${policyCount}`,
        sendRequest(request, next) {
            const path = new URL(request.url).pathname.toLowerCase();
            if (request.method === "PUT" && path.endsWith(suffix) && typeof request.body === "string") {
                const body = JSON.parse(request.body) as { properties?: Record<string, unknown> };
                body.properties = { ...body.properties, mirrorTraffic };
                request.body = JSON.stringify(body);
            }
            return next(request);
        },
    };
}

function liveTraffic(endpoint: OnlineEndpoint): LiveTraffic {
    // mirrorTraffic is not in the SDK's model; its deserializer keeps such fields as they came.
    type WithMirror = OnlineEndpoint["properties"] & { mirrorTraffic?: Record<string, number> | null };
    const props = endpoint.properties as WithMirror | undefined;
    return {
        traffic: { ...(props?.traffic ?? {}) },
        mirrorTraffic: { ...(props?.mirrorTraffic ?? {}) },
        ...(props?.provisioningState === undefined ? {} : { provisioningState: props.provisioningState }),
    };
}

function sameExactly(a: Record<string, number>, b: Record<string, number>): boolean {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => b[k] === a[k]);
}

function show(traffic: Record<string, number>, mirror: Record<string, number>): string {
    const t = JSON.stringify(traffic);
    return Object.keys(effectiveSplit(mirror)).length === 0 ? t : `${t} (mirror ${JSON.stringify(mirror)})`;
}

function statusOf(e: unknown): number | undefined {
    const status = (e as { statusCode?: unknown } | undefined)?.statusCode;
    return typeof status === "number" ? status : undefined;
}

/**
 * Azure's answer in one line. A RestError from core-client carries the HTTP status and, from an ARM
 * `{ error: { code, message } }` body, the code and message; a failed long-running operation surfaces as core-lro's
 * `The long-running operation has failed. <code>. <message>`; anything else (network, credentials) by its name.
 */
function describeCause(e: unknown): string {
    if (!(e instanceof Error)) return String(e);
    const status = statusOf(e);
    const code = (e as { code?: unknown }).code;
    if (status !== undefined) {
        return `Azure answered ${status}${typeof code === "string" ? ` ${code}` : ""}: ${e.message}`;
    }
    const lro = /^The long-running operation has failed\. ([^.]+)\. ([\s\S]*)$/.exec(e.message);
    if (lro) return `the long-running operation failed with ${lro[1]}: ${lro[2]}`;
    if (e.message.startsWith("The long-running operation has failed")) return e.message;
    return `${e.name}${typeof code === "string" ? ` ${code}` : ""}: ${e.message}`;
}
