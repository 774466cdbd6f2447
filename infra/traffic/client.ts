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
type TrafficClientFactory = (subscriptionId: string) => AzureMachineLearningWorkspaces;

/** How the traffic functions reach Azure. */
export interface TrafficClientOptions {
    /** @default - {@link defaultClientFactory}: DefaultAzureCredential against the public Azure Resource Manager */
    createClient?: TrafficClientFactory;
    /** Wait between polls of a long-running operation, in milliseconds. @default - the SDK's (2000 ms) */
    pollIntervalMs?: number;
}

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
 * The client used in real runs: `DefaultAzureCredential` against https://management.azure.com. It tries, in order,
 * the `AZURE_CLIENT_ID` / `AZURE_TENANT_ID` / `AZURE_CLIENT_SECRET` (or certificate) environment variables,
 * workload identity, managed identity, VS Code, Azure CLI, Azure PowerShell and Azure Developer CLI logins. It does
 * not read the `ARM_*` variables azure-native also accepts.
 */
export function defaultClientFactory(subscriptionId: string): AzureMachineLearningWorkspaces {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on call, not captured (see above)
    const identity = require("@azure/identity") as typeof import("@azure/identity");
    return createTrafficClient(new identity.DefaultAzureCredential(), subscriptionId);
}
