/**
 * A Foundry resource with one model deployment. Clients call the OpenAI-compatible `endpoint` with a Microsoft
 * Entra ID token for `entraScope` (key authentication is off) and send `deploymentName` as the model.
 *
 * Plan it offline, without Azure or the Pulumi CLI: `npx azure-ai-models plan --stack dev`.
 */
import * as pulumi from "@pulumi/pulumi";
import { FoundryAccount, FoundryModelDeployment, type FoundryDeploymentSku } from "azure-ai-models/components";

const config = new pulumi.Config();
const location = new pulumi.Config("azure-native").require("location");

const account = new FoundryAccount("foundry", {
    accountName: config.require("accountName"),
    location,
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

export const endpoint = account.openAiBaseUrl;
export const entraScope = account.entraScope;
export const deploymentName = deployment.model;
