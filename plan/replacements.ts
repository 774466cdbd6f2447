/**
 * Which input changes Azure cannot apply in place, per resource type: the plan diff predicts a replacement when
 * one of these changes. This is the one table of such facts; each rule says where it comes from. Paths are dotted
 * paths into the resource's inputs, as the plan records them.
 *
 * What it cannot know: the azure-native provider decides itself what it plans as a replacement, and it does not
 * always agree with Azure (pulumi/pulumi-azure-native#3053: a changed `location` planned as an update, which
 * Azure then refuses with `InvalidResourceLocation`). The diff says what Azure needs, so a real `pulumi preview`
 * may show some of these as updates that would fail. Properties not listed are taken as updatable in place.
 */

export interface ReplacementRule {
    /** Dotted input path; a change at the path or below it (or of a parent object holding it) matches. */
    path: string;
    /** Why Azure cannot change it in place, for the reader of the diff. */
    reason: string;
    /** Where the fact comes from. */
    source: string;
}

const ARM_PATH = "ARM REST: the name is part of the resource id (the PUT path); another name is another resource";
const ARM_LOCATION =
    "ARM: a resource cannot move region; a PUT with another location fails with InvalidResourceLocation (pulumi/pulumi-azure-native#3053)";
const ARM_GROUP = "ARM REST: the resource group is part of the resource id (the PUT path)";

const name = (path: string): ReplacementRule => ({
    path,
    reason: "the name is part of the Azure resource id",
    source: ARM_PATH,
});
const group: ReplacementRule = {
    path: "resourceGroupName",
    reason: "the resource group is part of the Azure resource id",
    source: ARM_GROUP,
};
const location: ReplacementRule = {
    path: "location",
    reason: "Azure cannot move a resource to another region",
    source: ARM_LOCATION,
};
const parentWorkspace: ReplacementRule = {
    path: "workspaceName",
    reason: "the parent workspace or project is part of the Azure resource id",
    source: ARM_PATH,
};

/** Replacement rules by Pulumi type token. */
export const REPLACEMENT_RULES: Readonly<Record<string, readonly ReplacementRule[]>> = {
    "azure-native:resources:ResourceGroup": [
        name("resourceGroupName"),
        { path: "location", reason: "a resource group's location cannot change", source: ARM_LOCATION },
    ],
    "azure-native:storage:StorageAccount": [group, name("accountName"), location],
    "azure-native:keyvault:Vault": [group, name("vaultName"), location],
    "azure-native:operationalinsights:Workspace": [group, name("workspaceName"), location],
    "azure-native:applicationinsights:Component": [group, name("resourceName"), location],
    "azure-native:containerregistry:Registry": [group, name("registryName"), location],
    "azure-native:cognitiveservices:Account": [
        group,
        name("accountName"),
        location,
        {
            path: "kind",
            reason: "an account's kind is chosen at creation",
            source: "ARM: Cognitive Services account kind is not updatable (assumed; the API has no kind conversion)",
        },
    ],
    "azure-native:machinelearningservices:Workspace": [
        group,
        name("workspaceName"),
        location,
        {
            path: "kind",
            reason: "a workspace cannot turn into a hub or a project, or back",
            source: "assumed: the ML workspace API has no kind conversion (REST spec Workspace.kind: Default, Hub or Project)",
        },
        {
            path: "hubResourceId",
            reason: "a project cannot move to another hub",
            source: "AiProject sets replaceOnChanges: hubResourceId (infra/components/aiProject.ts); a hub-based project belongs to one hub",
        },
        {
            path: "storageAccount",
            reason: "a workspace's storage account cannot change after creation",
            source: "ARM API spec (WorkspaceProperties.storageAccount): cannot be changed once the workspace has been created",
        },
        {
            path: "keyVault",
            reason: "a workspace's key vault cannot change after creation",
            source: "ARM API spec (WorkspaceProperties.keyVault): cannot be changed once the workspace has been created",
        },
    ],
    "azure-native:machinelearningservices:MarketplaceSubscription": [
        group,
        parentWorkspace,
        name("name"),
        {
            path: "properties.modelId",
            reason: "a subscription is to one model offer",
            source: "MS docs serverless guides: one subscription per workspace/project and offer (assumed not updatable)",
        },
    ],
    "azure-native:machinelearningservices:ServerlessEndpoint": [
        group,
        parentWorkspace,
        name("name"),
        location,
        {
            path: "properties.modelSettings.modelId",
            reason: "a serverless endpoint serves the model it was created with",
            source: "MS docs serverless guides: one serverless deployment per model per workspace; another model is another deployment (assumed not updatable)",
        },
    ],
    "azure-native:machinelearningservices:OnlineEndpoint": [group, parentWorkspace, name("endpointName"), location],
    "azure-native:machinelearningservices:OnlineDeployment": [
        group,
        parentWorkspace,
        { path: "endpointName", reason: "the parent endpoint is part of the Azure resource id", source: ARM_PATH },
        name("deploymentName"),
        location,
        {
            path: "properties.instanceType",
            reason: "a deployment's VM size cannot change; Azure's advice is a new deployment and a traffic switch",
            source: "Azure/AML-Kubernetes#247 (Microsoft, 2022): deployment update can't change instance type",
        },
        {
            path: "properties.endpointComputeType",
            reason: "managed and Kubernetes deployments are different resources",
            source: "ARM API spec: endpointComputeType is the discriminator of the deployment's properties (assumed not updatable)",
        },
    ],
    "azure-native:authorization:RoleAssignment": [
        name("roleAssignmentName"),
        {
            path: "scope",
            reason: "a role assignment cannot change its scope",
            source: "ARM: RoleAssignmentUpdateNotPermitted (tenant, principal and scope are not allowed to be updated)",
        },
        {
            path: "principalId",
            reason: "a role assignment cannot change its principal",
            source: "ARM: RoleAssignmentUpdateNotPermitted",
        },
        {
            path: "roleDefinitionId",
            reason: "a role assignment cannot change its role",
            source: "ARM: RoleAssignmentUpdateNotPermitted (an existing assignment is immutable; another role is another assignment)",
        },
    ],
    // Every input of random_string forces a new value (the provider marks them all RequiresReplace).
    "random:index/randomString:RandomString": [
        {
            path: "*",
            reason: "a new random value is drawn",
            source: "@pulumi/random: every RandomString input forces replacement",
        },
    ],
};

// The EndpointTraffic dynamic resource (infra/components/endpointTraffic.ts) replaces itself when the endpoint it
// points at changes: its provider's diff() returns these coordinates as `replaces`.
const ENDPOINT_TRAFFIC_RULES: readonly ReplacementRule[] = [
    "subscriptionId",
    "resourceGroupName",
    "workspaceName",
    "endpointName",
].map((path) => ({
    path,
    reason: "the traffic split belongs to one endpoint",
    source: "infra/components/endpointTraffic.ts: its provider's diff replaces on subscriptionId, resourceGroupName, workspaceName, endpointName",
}));

/**
 * Input properties that name the Azure parent a resource lives in: when that parent is deleted or replaced, Azure
 * deletes the child with it, even though the child's own inputs did not change.
 */
export const PARENT_PROPERTIES: Readonly<Record<string, readonly string[]>> = {
    "azure-native:storage:StorageAccount": ["resourceGroupName"],
    "azure-native:keyvault:Vault": ["resourceGroupName"],
    "azure-native:operationalinsights:Workspace": ["resourceGroupName"],
    "azure-native:applicationinsights:Component": ["resourceGroupName"],
    "azure-native:containerregistry:Registry": ["resourceGroupName"],
    "azure-native:cognitiveservices:Account": ["resourceGroupName"],
    "azure-native:machinelearningservices:Workspace": ["resourceGroupName"],
    "azure-native:machinelearningservices:MarketplaceSubscription": ["resourceGroupName", "workspaceName"],
    "azure-native:machinelearningservices:ServerlessEndpoint": ["resourceGroupName", "workspaceName"],
    "azure-native:machinelearningservices:OnlineEndpoint": ["resourceGroupName", "workspaceName"],
    "azure-native:machinelearningservices:OnlineDeployment": ["resourceGroupName", "workspaceName", "endpointName"],
    "azure-native:authorization:RoleAssignment": ["scope"],
};

/** The input holding each type's Azure name (the last segment of its resource id). */

/** True for the dynamic-provider resource types (`pulumi-nodejs:dynamic:<Type>`). */
export function isDynamicType(type: string): boolean {
    return type.startsWith("pulumi-nodejs:dynamic:");
}

/** The rules for a type. A dynamic resource with the EndpointTraffic inputs gets that provider's rules. */
export function replacementRules(type: string, inputs: Record<string, unknown> = {}): readonly ReplacementRule[] {
    const rules = REPLACEMENT_RULES[type];
    if (rules) return rules;
    if (isDynamicType(type) && "traffic" in inputs && "endpointName" in inputs) return ENDPOINT_TRAFFIC_RULES;
    return [];
}

/** True when a change at `changed` touches `rulePath` (equal, below it, or a parent object of it; `*` is any). */
export function pathTouches(rulePath: string, changed: string): boolean {
    if (rulePath === "*") return true;
    return (
        changed === rulePath ||
        changed.startsWith(`${rulePath}.`) ||
        changed.startsWith(`${rulePath}[`) ||
        rulePath.startsWith(`${changed}.`)
    );
}

/** The rule a changed input path triggers, if any. */
export function ruleFor(type: string, inputs: Record<string, unknown>, changed: string): ReplacementRule | undefined {
    return replacementRules(type, inputs).find((r) => pathTouches(r.path, changed));
}
