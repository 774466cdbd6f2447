/**
 * Records of the package's own dynamic resources (Pulumi dynamic providers, token `pulumi-nodejs:dynamic:<Type>`):
 * not Azure types, but the plan shows them, the diff predicts their replacements and the gate judges deleting them,
 * like any other resource. Their providers' `diff()` decides what replaces them; the records say the same.
 *
 * Destructive or not, decided by what the provider's `delete` does to Azure:
 * - `EndpointTraffic`: deleting it sets the endpoint's split to nothing (`clearTraffic`, infra/traffic/operations.ts),
 *   so an endpoint that stays answers no request until a split is set again: destructive.
 * - `DeletedAccountPurge`: deleting it purges the soft-deleted copy of its Foundry account, which is there only once
 *   the account itself is deleted (or replaced): then the account's own record already stops the gate, and its
 *   reason says the name stays taken unless purged. Deleted alone (purgeOnDestroy turned off), it purges nothing
 *   (Azure answers that no deleted account exists): not destructive.
 */
import type { FixedInput, ResourceType } from "./types";

/** Every coordinate replaces the traffic resource: its provider's diff returns them as `replaces`. */
const TRAFFIC_COORDINATES: FixedInput[] = ["subscriptionId", "resourceGroupName", "workspaceName", "endpointName"].map(
    (path) => ({
        path,
        reason: "the traffic split belongs to one endpoint",
        source: "infra/components/endpointTraffic.ts: its provider's diff replaces on subscriptionId, resourceGroupName, workspaceName, endpointName",
    }),
);

/** Same for the purge: any coordinate names another deleted account. */
const PURGE_COORDINATES: FixedInput[] = ["subscriptionId", "location", "resourceGroupName", "accountName"].map(
    (path) => ({
        path,
        reason: "the purge belongs to one account's deleted copy",
        source: "infra/components/deletedAccountPurge.ts: its provider's diff replaces on subscriptionId, location, resourceGroupName, accountName",
    }),
);

export const ENDPOINT_TRAFFIC: ResourceType = {
    type: "pulumi-nodejs:dynamic:EndpointTraffic",
    title: "traffic split of an online endpoint (dynamic resource, EndpointTraffic)",
    fixedInputs: TRAFFIC_COORDINATES,
    destructive: {
        what: "traffic split",
        consequence:
            "the endpoint then routes no live traffic and mirrors none, so requests to it fail until a split is set again",
        source: "infra/traffic/operations.ts clearTraffic: deleting the resource writes traffic {} and mirrorTraffic {}",
    },
    keyInputs: ["endpointName", "traffic", "mirrorTraffic"],
};

export const DELETED_ACCOUNT_PURGE: ResourceType = {
    type: "pulumi-nodejs:dynamic:DeletedAccountPurge",
    title: "purge of a Foundry account's soft-deleted copy (dynamic resource, DeletedAccountPurge)",
    fixedInputs: PURGE_COORDINATES,
    keyInputs: ["accountName", "location", "resourceGroupName"],
};
