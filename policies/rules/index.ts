/**
 * Every rule of the pack, in the order the pack lists them. `policies/index.ts` assembles the pack from the rule
 * files directly; the offline plan (`plan/checks/policy.ts`) evaluates this list. A test checks both name every file.
 */
import type { Rule } from "../lib/rule";
import { allowedRegions } from "./allowedRegions";
import { approvedModels } from "./approvedModels";
import { contentSafetyEnabled } from "./contentSafetyEnabled";
import { deprecatedModels } from "./deprecatedModels";
import { foundryCapacityLimits } from "./foundryCapacityLimits";
import { foundryContentFilter } from "./foundryContentFilter";
import { foundryContentFilterStrength } from "./foundryContentFilterStrength";
import { foundryDeploymentSkus } from "./foundryDeploymentSkus";
import { foundryLocalAuthDisabled } from "./foundryLocalAuthDisabled";
import { foundryContentFilterBlocklist } from "./foundryContentFilterBlocklist";
import { foundryNoAutoUpgrade } from "./foundryNoAutoUpgrade";
import { knownGovernedTypes } from "./knownGovernedTypes";
import { managedComputeCostGuard } from "./managedComputeCostGuard";
import { modelAvailableInRegion } from "./modelAvailableInRegion";
import { modelIdForm } from "./modelIdForm";
import { noOpaqueAiResources } from "./noOpaqueAiResources";
import { noPlaintextKeysInOutputs } from "./noPlaintextKeysInOutputs";
import { noRetiredModels } from "./noRetiredModels";
import { oneDeploymentPerModel } from "./oneDeploymentPerModel";
import { previewModelsInProduction } from "./previewModelsInProduction";
import { onlineEndpointEntraAuth } from "./onlineEndpointEntraAuth";
import { onlineEndpointTraffic } from "./onlineEndpointTraffic";
import { projectReferencesHub } from "./projectReferencesHub";
import { requiredTags } from "./requiredTags";
import { serverlessEndpointHasSubscription } from "./serverlessEndpointHasSubscription";
import { workspaceNetworkIsolation } from "./workspaceNetworkIsolation";

export {
    allowedRegions,
    approvedModels,
    contentSafetyEnabled,
    deprecatedModels,
    foundryCapacityLimits,
    foundryContentFilter,
    foundryContentFilterBlocklist,
    foundryContentFilterStrength,
    foundryDeploymentSkus,
    foundryLocalAuthDisabled,
    foundryNoAutoUpgrade,
    knownGovernedTypes,
    managedComputeCostGuard,
    modelAvailableInRegion,
    modelIdForm,
    noOpaqueAiResources,
    noPlaintextKeysInOutputs,
    noRetiredModels,
    oneDeploymentPerModel,
    onlineEndpointEntraAuth,
    onlineEndpointTraffic,
    previewModelsInProduction,
    projectReferencesHub,
    requiredTags,
    serverlessEndpointHasSubscription,
    workspaceNetworkIsolation,
};

export const ALL_RULES: readonly Rule[] = [
    // Mandatory: deployments that would fail, cost money silently, or leak keys.
    allowedRegions,
    oneDeploymentPerModel,
    serverlessEndpointHasSubscription,
    modelAvailableInRegion,
    approvedModels,
    noRetiredModels,
    contentSafetyEnabled,
    noPlaintextKeysInOutputs,
    modelIdForm,
    // Mandatory, Foundry (Cognitive Services) deployments.
    foundryLocalAuthDisabled,
    foundryContentFilter,
    foundryContentFilterStrength,
    foundryDeploymentSkus,
    foundryCapacityLimits,
    // Mandatory: what the rules above cannot see through.
    noOpaqueAiResources,
    knownGovernedTypes,
    // Advisory.
    deprecatedModels,
    onlineEndpointEntraAuth,
    onlineEndpointTraffic,
    managedComputeCostGuard,
    workspaceNetworkIsolation,
    projectReferencesHub,
    requiredTags,
    // Advisory, Foundry deployments in a stack marked as production.
    previewModelsInProduction,
    foundryNoAutoUpgrade,
    // Advisory, when the policy config requires blocklists.
    foundryContentFilterBlocklist,
] as Rule[];
