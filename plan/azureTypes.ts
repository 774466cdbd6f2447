import { UNKNOWN } from "../policies/lib/unknown";

/**
 * The input that holds each azure-native resource type's Azure name (the last segment of its resource id):
 * azure-native names resources with a type-specific property.
 */
export const AZURE_NAME_INPUT: Readonly<Record<string, string>> = {
    "azure-native:resources:ResourceGroup": "resourceGroupName",
    "azure-native:storage:StorageAccount": "accountName",
    "azure-native:keyvault:Vault": "vaultName",
    "azure-native:operationalinsights:Workspace": "workspaceName",
    "azure-native:applicationinsights:Component": "resourceName",
    "azure-native:containerregistry:Registry": "registryName",
    "azure-native:cognitiveservices:Account": "accountName",
    "azure-native:cognitiveservices:Project": "projectName",
    "azure-native:cognitiveservices:Deployment": "deploymentName",
    "azure-native:cognitiveservices:RaiPolicy": "raiPolicyName",
    "azure-native:monitor:DiagnosticSetting": "name",
    "azure-native:machinelearningservices:Workspace": "workspaceName",
    "azure-native:machinelearningservices:MarketplaceSubscription": "name",
    "azure-native:machinelearningservices:ServerlessEndpoint": "name",
    "azure-native:machinelearningservices:OnlineEndpoint": "endpointName",
    "azure-native:machinelearningservices:OnlineDeployment": "deploymentName",
    "azure-native:authorization:RoleAssignment": "roleAssignmentName",
};

/**
 * A resource's Azure name, from the input its type names it by, when the type has one and the value is known
 * (pass masked inputs to print it: a secret name is then `[secret]`).
 */
export function azureNameOf(r: { type: string; inputs: Record<string, unknown> }): string | undefined {
    const prop = AZURE_NAME_INPUT[r.type];
    const v = prop ? r.inputs[prop] : undefined;
    return typeof v === "string" && v !== UNKNOWN ? v : undefined;
}

/** A value at a dotted path (`properties.modelSettings.modelId`) inside resource inputs. */
export function inputAt(obj: unknown, dotted: string): unknown {
    return dotted
        .split(".")
        .reduce<unknown>((o, k) => (o && typeof o === "object" ? (o as Record<string, unknown>)[k] : undefined), obj);
}

/** A type token without its package prefix, for display: `machinelearningservices:Workspace`, `AiProject`. */
export function shortType(type: string): string {
    return type
        .replace(/^azure-native:/, "")
        .replace(/^azure-ai-models:index:/, "")
        .replace(/^pulumi-nodejs:dynamic:/, "dynamic:");
}
