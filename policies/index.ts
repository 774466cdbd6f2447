/**
 * The azure-ai-models CrossGuard policy pack: `pulumi preview --policy-pack policies`. This file only assembles the
 * pack; each rule lives in its own file under `rules/` (constructing a PolicyPack starts the analyzer's gRPC
 * server, so tests import the rules, never this file).
 */
import { PolicyPack } from "@pulumi/policy";
import { allowedRegions } from "./rules/allowedRegions";
import { approvedModels } from "./rules/approvedModels";
import { contentSafetyEnabled } from "./rules/contentSafetyEnabled";
import { deprecatedModels } from "./rules/deprecatedModels";
import { managedComputeCostGuard } from "./rules/managedComputeCostGuard";
import { modelAvailableInRegion } from "./rules/modelAvailableInRegion";
import { modelIdForm } from "./rules/modelIdForm";
import { noPlaintextKeysInOutputs } from "./rules/noPlaintextKeysInOutputs";
import { noRetiredModels } from "./rules/noRetiredModels";
import { oneDeploymentPerModel } from "./rules/oneDeploymentPerModel";
import { onlineEndpointEntraAuth } from "./rules/onlineEndpointEntraAuth";
import { onlineEndpointTraffic } from "./rules/onlineEndpointTraffic";
import { projectReferencesHub } from "./rules/projectReferencesHub";
import { requiredTags } from "./rules/requiredTags";
import { serverlessEndpointHasSubscription } from "./rules/serverlessEndpointHasSubscription";
import { workspaceNetworkIsolation } from "./rules/workspaceNetworkIsolation";

new PolicyPack("azure-ai-models", {
    description: "Guardrails for Azure AI model catalog deployments: serverless (Marketplace) endpoints and managed online endpoints.",
    displayName: "Azure AI models",
    provider: "azure",
    tags: ["azure", "machine-learning", "ai"],
    policies: [
        allowedRegions,
        oneDeploymentPerModel,
        serverlessEndpointHasSubscription,
        modelAvailableInRegion,
        approvedModels,
        noRetiredModels,
        contentSafetyEnabled,
        noPlaintextKeysInOutputs,
        modelIdForm,
        deprecatedModels,
        onlineEndpointEntraAuth,
        onlineEndpointTraffic,
        managedComputeCostGuard,
        workspaceNetworkIsolation,
        projectReferencesHub,
        requiredTags,
    ],
});
