/**
 * The Azure SDK client the traffic functions use: `@azure/arm-machinelearning`'s
 * `AzureMachineLearningWorkspaces`, which brings ARM authentication, retries and long-running-operation polling.
 *
 * The SDK is loaded with `require()` inside the functions, never imported at module level: the EndpointTraffic
 * dynamic provider is serialized by Pulumi's closure serialization, and a module-level import of the SDK would be
 * captured into it. Only type imports appear at the top.
 */
import type {
    AzureMachineLearningWorkspaces,
    AzureMachineLearningWorkspacesOptionalParams,
} from "@azure/arm-machinelearning";
import { armCredential } from "../util/armCredential";

/** What signs ARM requests: `@azure/core-auth`'s TokenCredential, as the SDK's constructor takes it. */
export type TrafficCredential = ConstructorParameters<typeof AzureMachineLearningWorkspaces>[0];

/**
 * The ARM API version the traffic functions speak for `Microsoft.MachineLearningServices/workspaces/onlineEndpoints`:
 * the one `@pulumi/azure-native` 3.28.0 uses for `machinelearningservices.OnlineEndpoint` (its docs say "Uses Azure
 * REST API version 2025-12-01"), so a GET and PUT round trip sees the same fields the endpoint resource writes.
 * `@azure/arm-machinelearning` 2.1.1 defaults to 2022-10-01, whose model lacks `mirrorTraffic`; its `apiVersion`
 * option overrides the version on every request, polling included. Checked 2026-11 against the SDK source.
 */
export const ONLINE_ENDPOINT_API_VERSION = "2025-12-01";

/** Makes the SDK client for one subscription. Called once per operation; it must return a new client. */
export type TrafficClientFactory = (subscriptionId: string) => AzureMachineLearningWorkspaces;

/** How the traffic functions reach Azure. */
export interface TrafficClientOptions {
    /** @default - {@link defaultClientFactory}: DefaultAzureCredential against the public Azure Resource Manager */
    createClient?: TrafficClientFactory;
    /** Wait between polls of a long-running operation, in milliseconds. @default 2000 (the SDK's) */
    pollIntervalMs?: number;
    /**
     * Deadline of one whole operation (read, write, polling, retries), in milliseconds: past it, the operation stops
     * and fails saying so. Azure may still finish a write it accepted.
     * @default {@link DEFAULT_TRAFFIC_TIMEOUT_MS} (20 minutes)
     */
    timeoutMs?: number;
    /**
     * Retries of a request Azure answers 429 without `Retry-After` (the SDK's own policy retries 429 only with it,
     * and 5xx with exponential backoff): exponential backoff from `retryDelayMs`, doubled each time up to
     * `maxRetryDelayMs`, `maxRetries` times, never past the deadline.
     * @default - 5 retries, 1 s doubling up to 30 s
     */
    throttling?: { maxRetries?: number; retryDelayMs?: number; maxRetryDelayMs?: number };
    /**
     * How many times a write refused with 412 (the endpoint changed since it was read: its ETag no longer matches
     * `If-Match`) is retried on a fresh read before the operation fails. @default 3
     */
    maxConflictRetries?: number;
}

/** Default deadline of one traffic operation: 20 minutes. */
export const DEFAULT_TRAFFIC_TIMEOUT_MS = 20 * 60 * 1000;

/**
 * An `AzureMachineLearningWorkspaces` client pinned to {@link ONLINE_ENDPOINT_API_VERSION}. `options` reach the SDK
 * as they are: tests pass `endpoint: "http://127.0.0.1:<port>"` and `allowInsecureConnection: true`.
 */
export function createTrafficClient(
    credential: TrafficCredential,
    subscriptionId: string,
    options: AzureMachineLearningWorkspacesOptionalParams = {},
): AzureMachineLearningWorkspaces {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on call, not captured (see above)
    const sdk = require("@azure/arm-machinelearning") as typeof import("@azure/arm-machinelearning");
    return new sdk.AzureMachineLearningWorkspaces(credential, subscriptionId, {
        apiVersion: ONLINE_ENDPOINT_API_VERSION,
        ...options,
    });
}

/**
 * The client used in real runs, against https://management.azure.com, with the credential of
 * `../util/armCredential.ts`: the `ARM_*` variables azure-native reads (as Pulumi ESC's azure-login and Pulumi
 * Deployments set them: client id, tenant, OpenID Connect token or client secret), else `DefaultAzureCredential`
 * (the `AZURE_*` variables, workload identity, managed identity, VS Code, Azure CLI, Azure PowerShell and Azure
 * Developer CLI logins).
 */
export function defaultClientFactory(subscriptionId: string): AzureMachineLearningWorkspaces {
    return createTrafficClient(armCredential(), subscriptionId);
}
