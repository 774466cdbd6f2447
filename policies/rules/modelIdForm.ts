/**
 * Rule 9: the model id has the form its deployment type needs. A serverless `modelId` (endpoint or Marketplace
 * subscription) has no version; a managed deployment's `model` ends in `/versions/<n>` (the MS docs deployment guides' model ids).
 */
import { MODEL_ID_PATH, describe, mlKind } from "../lib/azure";
import { MANAGED_MODEL_ID, SERVERLESS_MODEL_ID, withoutVersion } from "../lib/catalog";
import { defineResourceRule } from "../lib/rule";
import { knownString } from "../lib/unknown";

export interface ModelIdFormConfig {
    checkServerless: boolean;
    checkManaged: boolean;
}

/** A model registered in a workspace, by ARM id: also versioned. */
const WORKSPACE_MODEL_ID =
    /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.MachineLearningServices\/(?:workspaces|registries)\/[^/]+\/models\/[^/]+\/versions\/[^/]+$/i;

export const modelIdForm = defineResourceRule<ModelIdFormConfig>({
    name: "model-id-form",
    description:
        "Serverless model ids carry no version (azureml://registries/<registry>/models/<name>); managed deployments name one (.../versions/<n>).",
    enforcementLevel: "mandatory",
    severity: "high",
    configSchema: {
        properties: {
            checkServerless: {
                type: "boolean",
                default: true,
                description: "Judge ServerlessEndpoint and MarketplaceSubscription model ids.",
            },
            checkManaged: { type: "boolean", default: true, description: "Judge OnlineDeployment model ids." },
        },
    },
    remediationSteps:
        "Serverless: use azureml://registries/<registry>/models/<name> without /versions/<n>. Managed: append /versions/<n> with the version to deploy.",
    check: (resource, config) => {
        const kind = mlKind(resource.type);
        const path = kind ? MODEL_ID_PATH[kind] : undefined;
        const modelId = path ? knownString(resource.props, path) : undefined;
        if (!path || modelId === undefined) return [];
        if (kind === "OnlineDeployment") {
            if (!config.checkManaged || MANAGED_MODEL_ID.test(modelId) || WORKSPACE_MODEL_ID.test(modelId)) return [];
            return [
                `${describe(resource)} sets ${path} to "${modelId}", which names no version; a managed deployment needs ` +
                    `azureml://registries/<registry>/models/<name>/versions/<n>. Append /versions/<n> with the version to deploy.`,
            ];
        }
        if (!config.checkServerless || SERVERLESS_MODEL_ID.test(modelId)) return [];
        const fix = /\/versions\/[^/]+$/.test(modelId)
            ? `Drop the version: "${withoutVersion(modelId)}".`
            : "Use the model id the model catalog shows for the serverless offer.";
        return [
            `${describe(resource)} sets ${path} to "${modelId}", which is not a serverless model id: it must be ` +
                `azureml://registries/<registry>/models/<name>, without a version. ${fix}`,
        ];
    },
});
