/**
 * A loopback stand-in for Azure Resource Manager's online endpoints and deployments
 * (`Microsoft.MachineLearningServices/workspaces/{ws}/onlineEndpoints/{name}[/deployments/{d}]`), for driving the
 * real `@azure/arm-machinelearning` client in tests. It follows the shapes of the API's examples (stable
 * 2022-10-01 `OnlineEndpoint/get.json`, `update.json`, `delete.json` and `ManagedOnlineDeployment/createOrUpdate.json`;
 * `mirrorTraffic` as documented for later versions) and the ARM conventions the SDK relies on:
 *
 * - every request needs `Authorization: Bearer ...` (401 otherwise) and the server's `api-version` (400 otherwise);
 * - GET of a missing resource: 404 with an ARM `{ error: { code, message } }` body;
 * - PUT replaces the resource's whole `properties` (a PUT without `traffic` wipes the split, as an update of the
 *   endpoint resource would) and answers 201 (created) or 200 (updated) with an `Azure-AsyncOperation` header; the
 *   operation status answers `InProgress` once, then `Succeeded` (or `Failed`, see {@link ArmServer.failNextOperation});
 * - a PUT whose `traffic` or `mirrorTraffic` names a deployment that does not exist, whose traffic does not add up
 *   to 100 (or 0), whose mirror adds up to more than 50, or that mirrors to a deployment with live traffic: 400
 *   `BadArgument`;
 * - DELETE of a deployment with live or mirrored traffic: 400 `BadArgument`; otherwise 202 with `Location` and
 *   `Azure-AsyncOperation`, and its 0% entries leave the endpoint's maps.
 *
 * - with `etags: true`, an endpoint GET or PUT answers an `ETag` header, and a PUT whose `If-Match` names another
 *   ETag answers 412 `PreconditionFailed`. The ML REST spec (2025-12-01) documents neither (no `etag` property on
 *   OnlineEndpoint, no `If-Match` parameter on its PUT): off by default, as Azure documents it.
 *
 * Test hooks: {@link ArmServer.beforeNext} (another writer edits between two requests), {@link ArmServer.stickNextOperation}
 * (an operation that never finishes), {@link ArmServer.failNext} (an answer without `Retry-After`).
 *
 * What it cannot prove: Azure's exact error texts, its timing, and rules it applies that are not listed here.
 *
 * It listens on 127.0.0.1 on a free port, records every request, refuses bodies over 1 MiB and more than
 * `maxRequests` requests, and must be closed after each test.
 *
 * It speaks HTTPS, not HTTP: the SDK's bearer-token policy (`@azure/core-rest-pipeline` 1.24) refuses to send a
 * token to an `http:` URL whatever `allowInsecureConnection` says. The certificate below is a throwaway made for
 * this loopback server (127.0.0.1 / localhost, valid 2020-2120); clients trust it through the SDK's
 * `tlsOptions: { ca: TEST_SERVER_CERT }`, nothing process-wide.
 */
import { once } from "node:events";
import type { IncomingMessage, ServerResponse } from "node:http";
import { createServer } from "node:https";
import type { AddressInfo } from "node:net";

/** Self-signed certificate of the test server: pass it as the client's `tlsOptions.ca`. */
export const TEST_SERVER_CERT = `-----BEGIN CERTIFICATE-----
MIIBpDCCAUqgAwIBAgIUGL89O9epoi3Zbuo63nJyMVHTgcYwCgYIKoZIzj0EAwIw
OjE4MDYGA1UEAwwvYXp1cmUtYWktbW9kZWxzIHRlc3QgQVJNIHNlcnZlciAobG9v
cGJhY2sgb25seSkwIBcNMjAwMTAxMDAwMDAwWhgPMjEyMDAxMDEwMDAwMDBaMDox
ODA2BgNVBAMML2F6dXJlLWFpLW1vZGVscyB0ZXN0IEFSTSBzZXJ2ZXIgKGxvb3Bi
YWNrIG9ubHkpMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEHGJQJ1eagiLZpZun
xBdHaLyNzEQ63ApKl9qpn9spnxRRCwqtvrosspH9mJFV0g0yGHZm+jBF53GKBrVL
ey96FKMsMCowGgYDVR0RBBMwEYcEfwAAAYIJbG9jYWxob3N0MAwGA1UdEwEB/wQC
MAAwCgYIKoZIzj0EAwIDSAAwRQIhANlMiUPgr/Bh1g1VCgoMCobiePePshB+zv/m
u2PAiBhqAiADGsp/tkqtdNVRnWHtn4y3Y1fgfiJTs/lAr4suUgSukA==
-----END CERTIFICATE-----
`;

/** Its private key: a test fixture, good for nothing but this loopback server. */
export const TEST_SERVER_KEY = `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgNKtJz+CKGv5Not2p
C8ed2XWKJ2MX53KQArsfrS420aGhRANCAAQcYlAnV5qCItmlm6fEF0dovI3MRDrc
CkqX2qmf2ymfFFELCq2+uiyykf2YkVXSDTIYdmb6MEXncYoGtUt7L3oU
-----END PRIVATE KEY-----
`;

/** The API version the traffic functions speak (`infra/traffic/client.ts`). */
export const DEFAULT_API_VERSION = "2025-12-01";

/** An online endpoint's ARM coordinates. */
export interface EndpointCoords {
    subscriptionId: string;
    resourceGroupName: string;
    workspaceName: string;
    endpointName: string;
}

/** One request as the server saw it. */
export interface RecordedRequest {
    method: string;
    /** Path without the query, as sent. */
    path: string;
    /** `api-version` query parameter. */
    apiVersion: string | null;
    /** Parsed JSON body, or `undefined` when there was none. */
    body: unknown;
    /** Status the server answered. */
    status: number;
    /** `If-Match` header sent, if any. */
    ifMatch?: string;
}

/** An ARM error the server will answer with. */
export interface ArmError {
    status: number;
    code: string;
    message: string;
}

export interface ArmServerOptions {
    /** @default DEFAULT_API_VERSION */
    apiVersion?: string;
    /** Region in resource bodies and operation URLs. @default "eastus" */
    location?: string;
    /** Requests answered before the server refuses more (400 `TestServerRequestLimit`). @default 500 */
    maxRequests?: number;
    /** Endpoints carry ETags and honour `If-Match` (see the module's comment). @default false */
    etags?: boolean;
}

export interface ArmServer {
    /** `https://127.0.0.1:<port>`: the SDK client's `endpoint`. */
    readonly url: string;
    readonly apiVersion: string;
    /** Every request so far, in order. */
    readonly requests: RecordedRequest[];
    /** Requests as `METHOD short-path status`, e.g. `PUT onlineEndpoints/ep 200`, `GET operations/op-1 200 InProgress`. */
    log(): string[];
    /** Forgets the recorded requests. */
    clearRequests(): void;
    /** ARM id of an endpoint (or of one of its deployments). */
    resourceId(ref: EndpointCoords, deploymentName?: string): string;
    /** Creates (or replaces) an endpoint directly, without traffic unless given, provisioning state Succeeded. */
    seedEndpoint(ref: EndpointCoords, init?: EndpointSeed): void;
    /** Creates a managed deployment of an existing endpoint directly. */
    seedDeployment(ref: EndpointCoords, deploymentName: string): void;
    /** The endpoint as a GET would return it (a copy), or undefined. */
    endpoint(ref: EndpointCoords): ArmResource | undefined;
    /** Names of the endpoint's deployments. */
    deployments(ref: EndpointCoords): string[];
    /** Deletes a deployment directly, with the same rule as DELETE (400 while it has traffic). */
    deleteDeployment(ref: EndpointCoords, deploymentName: string): { status: number; body?: unknown };
    /** The next `times` requests matching `method` and a path containing `pathIncludes` answer `error`. */
    failNext(match: { method: string; pathIncludes?: string }, error: ArmError, times?: number): void;
    /** The next long-running operation started ends `Failed` with this error (and the change is rolled back). */
    failNextOperation(error: { code: string; message: string }): void;
    /** The next long-running operation started stays `InProgress` for ever. */
    stickNextOperation(): void;
    /** Runs `hook` just before the server handles the next request matching `method` and `pathIncludes`. */
    beforeNext(match: { method: string; pathIncludes?: string }, hook: () => void): void;
    /** Changes an endpoint directly, as another writer would (its ETag changes). */
    editEndpoint(ref: EndpointCoords, edit: (resource: ArmResource) => void): void;
    close(): Promise<void>;
}

/** What {@link ArmServer.seedEndpoint} may set. @default - auth mode Key, no traffic, no mirror, no tags */
export interface EndpointSeed {
    traffic?: Record<string, number>;
    mirrorTraffic?: Record<string, number>;
    authMode?: string;
    tags?: Record<string, string>;
}

/** An ARM resource body. */
export interface ArmResource {
    id: string;
    name: string;
    type: string;
    location: string;
    tags?: Record<string, string>;
    kind?: string;
    identity?: unknown;
    sku?: unknown;
    properties: Record<string, unknown>;
    systemData?: Record<string, string>;
}

interface StoredEndpoint {
    resource: ArmResource;
    deployments: Map<string, ArmResource>;
    /** Bumped on every change: the ETag is `"<version>"`. */
    version: number;
}

interface Operation {
    id: string;
    polls: number;
    failure?: { code: string; message: string };
    /** Never finishes. */
    stuck?: boolean;
    /** Called once when the operation ends, with whether it succeeded. */
    finish: (succeeded: boolean) => void;
    done?: "Succeeded" | "Failed";
}

const ENDPOINT_PATH =
    /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\/providers\/Microsoft\.MachineLearningServices\/workspaces\/([^/]+)\/onlineEndpoints\/([^/]+)(?:\/deployments\/([^/]+))?$/i;
const OPERATION_PATH =
    /^\/subscriptions\/([^/]+)\/providers\/Microsoft\.MachineLearningServices\/locations\/([^/]+)\/mfeOperationsStatus\/([^/]+)$/i;
const MAX_BODY_BYTES = 1024 * 1024;

/** Starts the server on 127.0.0.1, port 0. */
export async function startArmServer(options: ArmServerOptions = {}): Promise<ArmServer> {
    const apiVersion = options.apiVersion ?? DEFAULT_API_VERSION;
    const location = options.location ?? "eastus";
    const maxRequests = options.maxRequests ?? 500;
    const endpoints = new Map<string, StoredEndpoint>();
    const operations = new Map<string, Operation>();
    const requests: RecordedRequest[] = [];
    const logLines: string[] = [];
    const failures: { method: string; pathIncludes?: string; error: ArmError; left: number }[] = [];
    let nextOperationFailure: { code: string; message: string } | undefined;
    let nextOperationStuck = false;
    const hooks: { method: string; pathIncludes?: string; hook: () => void }[] = [];
    let operationCount = 0;
    let url = "";

    const key = (sub: string, rg: string, ws: string, ep: string) => [sub, rg, ws, ep].join("/").toLowerCase();
    const refKey = (r: EndpointCoords) => key(r.subscriptionId, r.resourceGroupName, r.workspaceName, r.endpointName);
    const endpointId = (sub: string, rg: string, ws: string, ep: string) =>
        `/subscriptions/${sub}/resourceGroups/${rg}/providers/Microsoft.MachineLearningServices/workspaces/${ws}/onlineEndpoints/${ep}`;

    function newEndpoint(sub: string, rg: string, ws: string, ep: string, body: Partial<ArmResource>): ArmResource {
        return {
            id: endpointId(sub, rg, ws, ep),
            name: ep,
            type: "Microsoft.MachineLearningServices/workspaces/onlineEndpoints",
            location: body.location ?? location,
            tags: body.tags ?? {},
            ...(body.kind === undefined ? {} : { kind: body.kind }),
            ...(body.identity === undefined ? {} : { identity: body.identity }),
            ...(body.sku === undefined ? {} : { sku: body.sku }),
            properties: {},
            systemData: { createdAt: "2026-01-01T00:00:00.000Z", createdBy: "test", createdByType: "User" },
        };
    }

    /** Server-computed, read-only properties of an endpoint. */
    function withReadOnly(resource: ArmResource, state: string): void {
        resource.properties.provisioningState = state;
        resource.properties.scoringUri = `https://${resource.name}.${location}.inference.ml.azure.com/score`;
        resource.properties.swaggerUri = `https://${resource.name}.${location}.inference.ml.azure.com/swagger.json`;
    }

    function startOperation(sub: string, finish: (succeeded: boolean) => void): string {
        operationCount += 1;
        const id = `op-${operationCount}`;
        operations.set(id, { id, polls: 0, failure: nextOperationFailure, stuck: nextOperationStuck, finish });
        nextOperationFailure = undefined;
        nextOperationStuck = false;
        const path = `/subscriptions/${sub}/providers/Microsoft.MachineLearningServices/locations/${location}`;
        return `${url}${path}/mfeOperationsStatus/${id}?api-version=${apiVersion}`;
    }

    /** Azure's rules for an endpoint's split against the deployments that exist; the first broken one. */
    function splitError(
        ep: string,
        deployments: Map<string, ArmResource>,
        props: Record<string, unknown>,
    ): string | undefined {
        const traffic = (props.traffic ?? {}) as Record<string, unknown>;
        const mirror = (props.mirrorTraffic ?? {}) as Record<string, unknown>;
        for (const [field, map] of [
            ["traffic", traffic],
            ["mirrorTraffic", mirror],
        ] as const) {
            for (const [name, value] of Object.entries(map)) {
                if (!deployments.has(name.toLowerCase())) {
                    return `${field} references deployment '${name}', which does not exist in endpoint '${ep}'.`;
                }
                if (typeof value !== "number" || !Number.isInteger(value) || value < 0 || value > 100) {
                    return `${field} value for deployment '${name}' must be an integer between 0 and 100.`;
                }
            }
        }
        const sum = Object.values(traffic).reduce<number>((a, b) => a + (b as number), 0);
        if (sum !== 100 && sum !== 0) return `Traffic values must sum to 100; they sum to ${sum}.`;
        const mirrorSum = Object.values(mirror).reduce<number>((a, b) => a + (b as number), 0);
        if (mirrorSum > 50) return `Mirror traffic values must sum to at most 50; they sum to ${mirrorSum}.`;
        for (const [name, value] of Object.entries(mirror)) {
            if ((value as number) > 0 && ((traffic[name] as number | undefined) ?? 0) > 0) {
                return `Deployment '${name}' cannot receive mirror traffic because it receives live traffic.`;
            }
        }
        return undefined;
    }

    function removeDeployment(stored: StoredEndpoint, name: string): ArmError | undefined {
        const props = stored.resource.properties;
        const traffic = (props.traffic ?? {}) as Record<string, number>;
        const mirror = (props.mirrorTraffic ?? {}) as Record<string, number>;
        const live = Object.entries(traffic).find(([d]) => d.toLowerCase() === name.toLowerCase())?.[1] ?? 0;
        const mirrored = Object.entries(mirror).find(([d]) => d.toLowerCase() === name.toLowerCase())?.[1] ?? 0;
        if (live > 0 || mirrored > 0) {
            return {
                status: 400,
                code: "BadArgument",
                message:
                    `Deployment '${name}' of endpoint '${stored.resource.name}' has ${live}% traffic and ${mirrored}% ` +
                    `mirror traffic. Set its traffic to 0 before deleting it.`,
            };
        }
        stored.deployments.delete(name.toLowerCase());
        for (const field of ["traffic", "mirrorTraffic"]) {
            const map = props[field] as Record<string, number> | undefined;
            if (map) {
                props[field] = Object.fromEntries(
                    Object.entries(map).filter(([d]) => d.toLowerCase() !== name.toLowerCase()),
                );
            }
        }
        return undefined;
    }

    function handle(
        req: IncomingMessage,
        raw: string,
        res: ServerResponse,
    ): { status: number; note?: string; body?: unknown } {
        const parsedUrl = new URL(req.url ?? "/", "https://127.0.0.1");
        const method = req.method ?? "GET";
        const send = (status: number, body?: unknown, headers: Record<string, string> = {}) => {
            res.writeHead(status, {
                "content-type": "application/json; charset=utf-8",
                "x-ms-request-id": `req-${requests.length}`,
                ...headers,
            });
            res.end(body === undefined ? "" : JSON.stringify(body));
            return { status, body };
        };
        const fail = (e: ArmError) => send(e.status, { error: { code: e.code, message: e.message } });
        const notAllowed = () =>
            fail({
                status: 405,
                code: "MethodNotAllowed",
                message: `${method} is not supported by the test server here.`,
            });

        if (requests.length >= maxRequests) {
            const message = `The test server answers at most ${maxRequests} requests.`;
            return fail({ status: 400, code: "TestServerRequestLimit", message });
        }
        if (!/^Bearer \S+/.test(req.headers.authorization ?? "")) {
            const message = "Authentication failed. The 'Authorization' header is missing.";
            return fail({ status: 401, code: "AuthenticationFailed", message });
        }
        const version = parsedUrl.searchParams.get("api-version");
        if (version !== apiVersion) {
            return fail({
                status: 400,
                code: "InvalidApiVersionParameter",
                message: `The api-version '${version ?? ""}' is invalid. This test server supports '${apiVersion}'.`,
            });
        }
        const hookAt = hooks.findIndex((h) => h.method === method && parsedUrl.pathname.includes(h.pathIncludes ?? ""));
        if (hookAt >= 0) hooks.splice(hookAt, 1)[0].hook();
        const injected = failures.find(
            (f) => f.left > 0 && f.method === method && parsedUrl.pathname.includes(f.pathIncludes ?? ""),
        );
        if (injected) {
            injected.left -= 1;
            return fail(injected.error);
        }
        let body: Record<string, unknown> | undefined;
        if (raw.length > 0) {
            try {
                body = JSON.parse(raw) as Record<string, unknown>;
            } catch {
                const message = "The request content was invalid and could not be deserialized.";
                return fail({ status: 400, code: "InvalidRequestContent", message });
            }
        }

        const op = OPERATION_PATH.exec(parsedUrl.pathname);
        if (op && method === "GET") {
            const operation = operations.get(op[3]);
            if (!operation)
                return fail({ status: 404, code: "NotFound", message: `Operation '${op[3]}' was not found.` });
            operation.polls += 1;
            if (operation.done === undefined && operation.polls >= 2 && !operation.stuck) {
                operation.done = operation.failure ? "Failed" : "Succeeded";
                operation.finish(operation.done === "Succeeded");
            }
            const status = operation.done ?? "InProgress";
            return {
                ...send(200, {
                    id: parsedUrl.pathname,
                    name: operation.id,
                    status,
                    ...(status === "Failed" ? { error: operation.failure } : {}),
                }),
                note: status,
            };
        }

        const m = ENDPOINT_PATH.exec(parsedUrl.pathname);
        if (!m)
            return fail({ status: 404, code: "NotFound", message: `No route for ${method} ${parsedUrl.pathname}.` });
        const [, sub, rg, ws, ep, deployment] = m;
        const stored = endpoints.get(key(sub, rg, ws, ep));
        const notFound = (type: string, name: string) =>
            fail({
                status: 404,
                code: "ResourceNotFound",
                message:
                    `The Resource 'Microsoft.MachineLearningServices/workspaces/${ws}/${type}/${name}' ` +
                    `under resource group '${rg}' was not found.`,
            });

        if (deployment === undefined) {
            const etag = (e: StoredEndpoint): Record<string, string> =>
                options.etags ? { ETag: `"${e.version}"` } : {};
            if (method === "GET") {
                return stored ? send(200, stored.resource, etag(stored)) : notFound("onlineEndpoints", ep);
            }
            if (method !== "PUT") return notAllowed();
            const ifMatch = req.headers["if-match"];
            if (options.etags && ifMatch !== undefined && (!stored || ifMatch !== `"${stored.version}"`)) {
                return fail({
                    status: 412,
                    code: "PreconditionFailed",
                    message: `The If-Match ETag ${ifMatch} does not match the resource's current ETag.`,
                });
            }
            const props = body?.properties as Record<string, unknown> | undefined;
            if (!body || !props || typeof props.authMode !== "string") {
                return fail({ status: 400, code: "BadArgument", message: "properties.authMode is required." });
            }
            const deployments = stored?.deployments ?? new Map<string, ArmResource>();
            const problem = splitError(ep, deployments, props);
            if (problem) return fail({ status: 400, code: "BadArgument", message: problem });
            const previous = stored ? structuredClone(stored.resource) : undefined;
            const resource = newEndpoint(sub, rg, ws, stored?.resource.name ?? ep, body as Partial<ArmResource>);
            if (stored) resource.systemData = stored.resource.systemData;
            // PUT replaces properties whole: what the body lacks is gone. Read-only fields are the server's.
            const { provisioningState: _p, scoringUri: _s, swaggerUri: _w, ...writable } = props;
            resource.properties = { ...writable };
            withReadOnly(resource, stored ? "Updating" : "Creating");
            const target: StoredEndpoint = stored ?? { resource, deployments, version: 0 };
            target.resource = resource;
            target.version += 1;
            endpoints.set(key(sub, rg, ws, ep), target);
            const asyncUrl = startOperation(sub, (ok) => {
                if (ok) target.resource.properties.provisioningState = "Succeeded";
                else if (previous) {
                    target.resource = {
                        ...previous,
                        properties: { ...previous.properties, provisioningState: "Failed" },
                    };
                } else target.resource.properties.provisioningState = "Failed";
            });
            return send(stored ? 200 : 201, resource, { "Azure-AsyncOperation": asyncUrl, ...etag(target) });
        }

        if (!stored) return notFound("onlineEndpoints", ep);
        const existing = stored.deployments.get(deployment.toLowerCase());
        if (method === "GET")
            return existing ? send(200, existing) : notFound(`onlineEndpoints/${ep}/deployments`, deployment);
        if (method === "DELETE") {
            if (!existing) return send(204);
            const refused = removeDeployment(stored, existing.name);
            if (refused) return fail(refused);
            const asyncUrl = startOperation(sub, () => undefined);
            return send(202, undefined, { "Azure-AsyncOperation": asyncUrl, Location: asyncUrl });
        }
        if (method === "PUT") {
            if (!body?.properties)
                return fail({ status: 400, code: "BadArgument", message: "properties is required." });
            const resource = deploymentResource(stored.resource, existing?.name ?? deployment, body);
            stored.deployments.set(deployment.toLowerCase(), resource);
            const asyncUrl = startOperation(sub, (ok) => {
                resource.properties.provisioningState = ok ? "Succeeded" : "Failed";
            });
            return send(existing ? 200 : 201, resource, { "Azure-AsyncOperation": asyncUrl });
        }
        return notAllowed();
    }

    function deploymentResource(endpoint: ArmResource, name: string, body: Record<string, unknown>): ArmResource {
        return {
            id: `${endpoint.id}/deployments/${name}`,
            name,
            type: "Microsoft.MachineLearningServices/workspaces/onlineEndpoints/deployments",
            location: (body.location as string | undefined) ?? endpoint.location,
            tags: (body.tags as Record<string, string> | undefined) ?? {},
            sku: body.sku ?? { name: "Default", capacity: 1 },
            properties: { ...(body.properties as Record<string, unknown>), provisioningState: "Creating" },
        };
    }

    const server = createServer({ cert: TEST_SERVER_CERT, key: TEST_SERVER_KEY }, (req, res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        let tooBig = false;
        req.on("data", (chunk: Buffer) => {
            size += chunk.length;
            if (size > MAX_BODY_BYTES) tooBig = true;
            else chunks.push(chunk);
        });
        req.on("end", () => {
            const raw = Buffer.concat(chunks).toString("utf8");
            const parsedUrl = new URL(req.url ?? "/", "https://127.0.0.1");
            let outcome: { status: number; note?: string };
            if (tooBig) {
                res.writeHead(413, { "content-type": "application/json" });
                res.end(
                    JSON.stringify({
                        error: { code: "RequestEntityTooLarge", message: "The request body is over 1 MiB." },
                    }),
                );
                outcome = { status: 413 };
            } else {
                try {
                    outcome = handle(req, raw, res);
                } catch (e) {
                    res.writeHead(500, { "content-type": "application/json" });
                    res.end(JSON.stringify({ error: { code: "TestServerError", message: String(e) } }));
                    outcome = { status: 500 };
                }
            }
            let body: unknown;
            try {
                body = raw.length > 0 ? JSON.parse(raw) : undefined;
            } catch {
                body = raw;
            }
            const method = req.method ?? "";
            const apiVersionSent = parsedUrl.searchParams.get("api-version");
            requests.push({
                method,
                path: parsedUrl.pathname,
                apiVersion: apiVersionSent,
                body,
                status: outcome.status,
                ...(typeof req.headers["if-match"] === "string" ? { ifMatch: req.headers["if-match"] } : {}),
            });
            const note = outcome.note === undefined ? "" : ` ${outcome.note}`;
            logLines.push(`${method} ${shortPath(parsedUrl.pathname)} ${outcome.status}${note}`);
        });
    });
    server.listen(0, "127.0.0.1");
    await once(server, "listening");
    url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;

    const requireEndpoint = (ref: EndpointCoords): StoredEndpoint => {
        const stored = endpoints.get(refKey(ref));
        if (!stored) throw new Error(`armServer: no endpoint ${ref.endpointName}`);
        return stored;
    };

    return {
        url,
        apiVersion,
        requests,
        log: () => [...logLines],
        clearRequests: () => {
            requests.length = 0;
            logLines.length = 0;
        },
        resourceId: (ref, deploymentName) =>
            endpointId(ref.subscriptionId, ref.resourceGroupName, ref.workspaceName, ref.endpointName) +
            (deploymentName === undefined ? "" : `/deployments/${deploymentName}`),
        seedEndpoint(ref, init = {}) {
            const { subscriptionId: sub, resourceGroupName: rg, workspaceName: ws, endpointName: ep } = ref;
            const resource = newEndpoint(sub, rg, ws, ep, { tags: init.tags });
            resource.properties = {
                authMode: init.authMode ?? "Key",
                publicNetworkAccess: "Enabled",
                ...(init.traffic === undefined ? {} : { traffic: { ...init.traffic } }),
                ...(init.mirrorTraffic === undefined ? {} : { mirrorTraffic: { ...init.mirrorTraffic } }),
            };
            withReadOnly(resource, "Succeeded");
            const existing = endpoints.get(refKey(ref));
            endpoints.set(refKey(ref), {
                resource,
                deployments: existing?.deployments ?? new Map(),
                version: (existing?.version ?? 0) + 1,
            });
        },
        seedDeployment(ref, deploymentName) {
            const stored = requireEndpoint(ref);
            const resource = deploymentResource(stored.resource, deploymentName, {
                properties: {
                    endpointComputeType: "Managed",
                    model: "azureml://registries/azureml/models/test-model/versions/1",
                    instanceType: "Standard_DS3_v2",
                },
            });
            resource.properties.provisioningState = "Succeeded";
            stored.deployments.set(deploymentName.toLowerCase(), resource);
        },
        endpoint: (ref) => {
            const stored = endpoints.get(refKey(ref));
            return stored ? structuredClone(stored.resource) : undefined;
        },
        deployments: (ref) => [...requireEndpoint(ref).deployments.values()].map((d) => d.name),
        deleteDeployment(ref, deploymentName) {
            const stored = requireEndpoint(ref);
            if (!stored.deployments.has(deploymentName.toLowerCase())) return { status: 204 };
            const refused = removeDeployment(stored, deploymentName);
            if (!refused) return { status: 200 };
            return { status: refused.status, body: { error: { code: refused.code, message: refused.message } } };
        },
        failNext(match, error, times = 1) {
            failures.push({ ...match, error, left: times });
        },
        failNextOperation(error) {
            nextOperationFailure = error;
        },
        stickNextOperation() {
            nextOperationStuck = true;
        },
        beforeNext(match, hook) {
            hooks.push({ ...match, hook });
        },
        editEndpoint(ref, edit) {
            const stored = requireEndpoint(ref);
            edit(stored.resource);
            stored.version += 1;
        },
        async close() {
            server.closeAllConnections();
            server.close();
            await once(server, "close");
        },
    };
}

/** `onlineEndpoints/ep`, `onlineEndpoints/ep/deployments/blue`, `operations/op-1`. */
function shortPath(path: string): string {
    const op = OPERATION_PATH.exec(path);
    if (op) return `operations/${op[3]}`;
    const i = path.toLowerCase().indexOf("/onlineendpoints/");
    return i >= 0 ? path.slice(i + 1) : path;
}
