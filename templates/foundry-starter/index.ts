/**
 * A Foundry resource with one model deployment. Clients call the OpenAI-compatible `endpoint` with a Microsoft
 * Entra ID token for `entraScope` (key authentication is off) and send `deploymentName` as the model.
 *
 * The account is closed to the internet (the secure default): the way in is a private endpoint in a virtual network
 * this stack creates, with the three private DNS zones, so clients call it from inside that network (peer it, or run
 * them there; docs/networking.md says how, and how to open a development stack deliberately instead).
 *
 * Plan it offline, without Azure or the Pulumi CLI: `npx azure-ai-models plan --stack dev`.
 */
import * as pulumi from "@pulumi/pulumi";
import {
    FoundryAccount,
    FoundryModelDeployment,
    PrivateAccess,
    type FoundryDeploymentSku,
} from "azure-ai-models/components";

const config = new pulumi.Config();
const location = new pulumi.Config("azure-native").require("location");

const account = new FoundryAccount("foundry", {
    accountName: config.require("accountName"),
    location,
    // The private endpoint below is the way in, made outside the component.
    accessManagedElsewhere: true,
});

const deployment = new FoundryModelDeployment(
    "chat",
    {
        resourceGroupName: account.resourceGroupName,
        accountName: account.accountName,
        customSubDomain: account.customSubDomain,
        location,
        deploymentName: config.get("deploymentName") ?? "chat",
        model: config.require("model"),
        sku: config.require("sku") as FoundryDeploymentSku,
        capacity: config.requireNumber("capacity"),
    },
    // After the account's own writes (its diagnostic setting): Azure refuses two writes to one account at once.
    { dependsOn: [account] },
);

// Last: an endpoint created while the account is still being written to fails (AccountProvisioningStateInvalid).
const access = new PrivateAccess(
    "foundry-private",
    {
        baseName: config.require("accountName"),
        resourceGroupName: account.resourceGroupName,
        location,
        targets: [{ name: "account", kind: "foundryAccount", resourceId: account.accountId }],
        placements: [
            { virtualNetwork: { name: "vnet-foundry", addressPrefix: "10.40.0.0/16", subnetPrefix: "10.40.1.0/24" } },
        ],
        dnsMode: "create",
    },
    { dependsOn: [deployment] },
);

export const endpoint = account.openAiBaseUrl;
export const privateEndpointIds = access.privateEndpointIds;
export const entraScope = account.entraScope;
export const deploymentName = deployment.model;
