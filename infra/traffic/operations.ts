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
import { DEFAULT_TRAFFIC_TIMEOUT_MS, defaultClientFactory, type TrafficClientOptions } from "./client";
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
 *
 * The PUT carries `If-Match` with the ETag the GET returned (when Azure returns one): a 412 means the endpoint
 * changed in between, so it reads again and retries on the fresh copy (`maxConflictRetries` times), never writing
 * back a stale copy over someone else's edit. The whole operation has a deadline (`timeoutMs`).
 */
export async function applyTraffic(args: ApplyTrafficArgs, options: TrafficClientOptions = {}): Promise<LiveTraffic> {
    const problems = trafficProblems(args);
    if (problems.length > 0) {
        throw new Error(`Invalid traffic for online endpoint ${endpointLabel(args)}:\n${formatProblems(problems)}`);
    }
    const traffic = { ...args.traffic };
    const mirrorTraffic = { ...(args.mirrorTraffic ?? {}) };
    const action = `set traffic ${show(traffic, mirrorTraffic)} on`;
    return withClient(args, options, action, async (session) => {
        const live = await writeSplit(session, { traffic, mirrorTraffic }, false);
        if (live === undefined) throw new Error("unreachable: the read throws on 404");
        return live;
    });
}

/** The endpoint's live split, or `undefined` when the endpoint does not exist (404). */
export async function readTraffic(
    ref: EndpointRef,
    options: TrafficClientOptions = {},
): Promise<LiveTraffic | undefined> {
    return withClient(ref, options, "read", async (session) => {
        const read = await getEndpoint(session, true);
        return read === undefined ? undefined : liveTraffic(read.endpoint);
    });
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
    return withClient(ref, options, "clear traffic on", (session) =>
        writeSplit(session, { traffic: {}, mirrorTraffic: {} }, true),
    );
}

/** One operation on one endpoint: its client, options, deadline and what it is doing (for errors). */
interface Session {
    client: AzureMachineLearningWorkspaces;
    ref: EndpointRef;
    options: TrafficClientOptions;
    action: string;
    signal: AbortSignal;
}

/**
 * Runs `work` with a client for `ref` under the operation's deadline: every request and every wait is aborted when
 * it passes, and the error says so (and that Azure may still finish a write it accepted).
 */
async function withClient<T>(
    ref: EndpointRef,
    options: TrafficClientOptions,
    action: string,
    work: (session: Session) => Promise<T>,
): Promise<T> {
    const timeoutMs = options.timeoutMs ?? DEFAULT_TRAFFIC_TIMEOUT_MS;
    if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) {
        throw new Error(`timeoutMs must be a positive number of milliseconds; got ${String(timeoutMs)}`);
    }
    const client = (options.createClient ?? defaultClientFactory)(ref.subscriptionId);
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    const throttle = throttlingPolicy(options, controller.signal);
    // In the retry phase, beside the SDK's own retries: inside the deserializer, so it sees the 429 before it throws.
    client.pipeline.addPolicy(throttle, { phase: "Retry" });
    const session: Session = { client, ref, options, action, signal: controller.signal };
    try {
        return await work(session);
    } catch (e) {
        if (controller.signal.aborted) {
            throw operationError(
                action,
                ref,
                `no result within the deadline of ${formatDuration(timeoutMs)} (timeoutMs); a write Azure ` +
                    `accepted may still finish: check the endpoint's provisioning state, then run pulumi refresh`,
            );
        }
        throw e;
    } finally {
        clearTimeout(timer);
        client.pipeline.removePolicy({ name: throttle.name });
    }
}

/**
 * GET, and unless Azure already holds `split`, PUT the endpoint back with it; on 412 (changed since the read), read
 * again and retry. Returns what Azure holds afterwards; `undefined` when the endpoint is gone and `missingOk`.
 */
async function writeSplit(
    session: Session,
    split: Required<TrafficSplit>,
    missingOk: boolean,
): Promise<LiveTraffic | undefined> {
    const maxConflicts = session.options.maxConflictRetries ?? 3;
    for (let attempt = 0; ; attempt++) {
        const read = missingOk ? await getEndpoint(session, true) : await getEndpoint(session);
        if (read === undefined) return undefined;
        const live = liveTraffic(read.endpoint);
        if (sameExactly(live.traffic, split.traffic) && sameExactly(live.mirrorTraffic, split.mirrorTraffic)) {
            return live;
        }
        try {
            return await putTraffic(session, read, split);
        } catch (e) {
            if (statusOf(e) !== 412 || session.signal.aborted) throw azureError(session.action, session.ref, e);
            if (attempt >= maxConflicts) {
                throw operationError(
                    session.action,
                    session.ref,
                    `the endpoint changed between each read and write (${attempt + 1} times 412 Precondition ` +
                        `Failed against the ETag read): another writer keeps updating it; nothing was written, ` +
                        `try again once it is done`,
                );
            }
        }
    }
}

/**
 * An error that says which endpoint, what we tried and what Azure answered:
 * `could not set traffic {...} on online endpoint "ep" in workspace "ws" (resource group "rg", subscription "s"):
 * Azure answered 400 BadArgument: ...`.
 */
export function azureError(action: string, ref: EndpointRef, error: unknown): Error {
    const message = `could not ${action} online endpoint ${endpointLabel(ref)}: ${describeCause(error)}`;
    // As `new Error(message, { cause })` would, spelled out: that option needs the ES2022 lib, which ts-node's
    // defaults (a component package run from a consumer's folder) do not load.
    const wrapped = new Error(message);
    Object.defineProperty(wrapped, "cause", { value: error, enumerable: false, writable: true, configurable: true });
    return wrapped;
}

/** An error of ours (not Azure's answer) about one operation on one endpoint, worded as {@link azureError}'s. */
function operationError(action: string, ref: EndpointRef, reason: string): Error {
    return new Error(`could not ${action} online endpoint ${endpointLabel(ref)}: ${reason}`);
}

/** `"ep" in workspace "ws" (resource group "rg", subscription "s")`. */
export function endpointLabel(ref: EndpointRef): string {
    return (
        `${JSON.stringify(ref.endpointName)} in workspace ${JSON.stringify(ref.workspaceName)} ` +
        `(resource group ${JSON.stringify(ref.resourceGroupName)}, subscription ${JSON.stringify(ref.subscriptionId)})`
    );
}

/** An endpoint as read, with the ETag Azure sent (none when it sends none). */
interface ReadEndpoint {
    endpoint: OnlineEndpoint;
    etag?: string;
}

async function getEndpoint(session: Session): Promise<ReadEndpoint>;
async function getEndpoint(session: Session, missingOk: true): Promise<ReadEndpoint | undefined>;
async function getEndpoint(session: Session, missingOk = false): Promise<ReadEndpoint | undefined> {
    const { ref } = session;
    let etag: string | undefined;
    try {
        const endpoint = await session.client.onlineEndpoints.get(
            ref.resourceGroupName,
            ref.workspaceName,
            ref.endpointName,
            {
                abortSignal: session.signal,
                onResponse: (raw) => {
                    etag = raw.headers.get("etag") ?? undefined;
                },
            },
        );
        return etag === undefined ? { endpoint } : { endpoint, etag };
    } catch (e) {
        if (missingOk && statusOf(e) === 404) return undefined;
        if (session.signal.aborted) throw e;
        throw azureError("read", ref, e);
    }
}

/** PUTs the endpoint back whole with `split` (If-Match: the ETag read) and polls the operation to its end. */
async function putTraffic(session: Session, read: ReadEndpoint, split: Required<TrafficSplit>): Promise<LiveTraffic> {
    const { client, ref, options, signal } = session;
    // The GET result goes back whole, less what only Azure writes: the SDK's serializer drops id, name, type,
    // provisioningState, scoringUri and swaggerUri; systemData is dropped here. Its 2022-10-01 model has no
    // mirrorTraffic, so a pipeline policy writes that field into the PUT body (see endpointPutPolicy).
    const { systemData: _systemData, ...writable } = read.endpoint;
    const body: OnlineEndpoint = { ...writable, properties: { ...read.endpoint.properties, traffic: split.traffic } };
    const policy = endpointPutPolicy(ref.endpointName, split.mirrorTraffic, read.etag);
    client.pipeline.addPolicy(policy);
    try {
        const poller = await client.onlineEndpoints.beginCreateOrUpdate(
            ref.resourceGroupName,
            ref.workspaceName,
            ref.endpointName,
            body,
            { abortSignal: signal },
        );
        const interval = options.pollIntervalMs ?? 2000;
        while (!poller.isDone()) {
            await sleep(interval, signal);
            await poller.poll({ abortSignal: signal });
        }
        const result = poller.getResult();
        if (result === undefined) throw new Error("the long-running operation ended without a result");
        return liveTraffic(result);
    } finally {
        client.pipeline.removePolicy({ name: policy.name });
    }
}

/** Waits `ms`, or rejects as soon as `signal` aborts. */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
        if (signal.aborted) return reject(new Error("aborted"));
        let timer: ReturnType<typeof setTimeout> | undefined = undefined;
        const onAbort = () => {
            clearTimeout(timer);
            reject(new Error("aborted"));
        };
        timer = setTimeout(() => {
            signal.removeEventListener("abort", onAbort);
            resolve();
        }, ms);
        signal.addEventListener("abort", onAbort, { once: true });
    });
}

function formatDuration(ms: number): string {
    return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}

type PipelinePolicy = Parameters<AzureMachineLearningWorkspaces["pipeline"]["addPolicy"]>[0];

let policyCount = 0;

/**
 * Completes the PUT of this endpoint on its way out: adds `properties.mirrorTraffic` (`@azure/arm-machinelearning`
 * 2.1.1 models API 2022-10-01, which predates mirroring, and its serializer drops fields its model lacks; the client
 * speaks ONLINE_ENDPOINT_API_VERSION, where the field exists) and `If-Match` with the ETag read, when there is one.
 */
function endpointPutPolicy(
    endpointName: string,
    mirrorTraffic: Record<string, number>,
    etag: string | undefined,
): PipelinePolicy {
    const suffix = `/onlineendpoints/${encodeURIComponent(endpointName).toLowerCase()}`;
    policyCount += 1;
    return {
        name: `azure-ai-models-endpoint-put-${policyCount}`,
        sendRequest(request, next) {
            const path = new URL(request.url).pathname.toLowerCase();
            if (request.method === "PUT" && path.endsWith(suffix) && typeof request.body === "string") {
                const body = JSON.parse(request.body) as { properties?: Record<string, unknown> };
                body.properties = { ...body.properties, mirrorTraffic };
                request.body = JSON.stringify(body);
                if (etag !== undefined) request.headers.set("If-Match", etag);
            }
            return next(request);
        },
    };
}

/**
 * Retries a request Azure answers 429 without `Retry-After` (which the SDK's retry policies leave alone), with
 * exponential backoff, a bounded number of times, and never past the operation's deadline.
 */
function throttlingPolicy(options: TrafficClientOptions, signal: AbortSignal): PipelinePolicy {
    const maxRetries = options.throttling?.maxRetries ?? 5;
    const first = options.throttling?.retryDelayMs ?? 1000;
    const cap = options.throttling?.maxRetryDelayMs ?? 30_000;
    policyCount += 1;
    return {
        name: `azure-ai-models-throttling-${policyCount}`,
        async sendRequest(request, next) {
            for (let retry = 0; ; retry++) {
                const response = await next(request);
                if (response.status !== 429 || response.headers.has("retry-after") || retry >= maxRetries) {
                    return response;
                }
                await sleep(Math.min(cap, first * 2 ** retry), signal);
            }
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
