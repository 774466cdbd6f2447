/**
 * Records of the Cognitive Services types: the Foundry resource (an account of kind `AIServices`) with its projects,
 * model deployments and content filters, and the Content Safety account an online endpoint may get.
 */
import { CMK_SOURCES } from "../encryption";
import { FOUNDRY_SOURCES } from "../foundry";
import { NAME_RULES } from "../names";
import { IN_RESOURCE_GROUP, LOCATION, propsOf, str } from "./common";
import type { ParentInput, ResourceType } from "./types";

const CS = "Microsoft.CognitiveServices/accounts";
const IN_ACCOUNT: ParentInput = { input: "accountName", what: "Foundry account" };

/** MS docs on deleting an account: its name is held for 48 hours unless purged; provisioned deployments bill on. */
const RECOVER_PURGE =
    "MS docs ai-services/recover-purge-resources (Recover or purge deleted Azure AI services resources): a deleted resource's name cannot be reused for 48 hours unless it is purged; provisioned deployments on a deleted resource are billed until it is purged";

/** `Foundry account` for kind AIServices, `Content Safety account`, else `Cognitive Services account`. */
function accountWhat(inputs: Record<string, unknown>): string {
    const kind = String(inputs.kind ?? "").toLowerCase();
    return kind === "aiservices"
        ? "Foundry account"
        : kind === "contentsafety"
          ? "Content Safety account"
          : "Cognitive Services account";
}

export const COGNITIVE_ACCOUNT: ResourceType = {
    type: "azure-native:cognitiveservices:Account",
    title: "Cognitive Services account (the Foundry resource, or an online endpoint's Content Safety account)",
    nameInput: "accountName",
    nameRule: NAME_RULES.cognitiveServicesAccount,
    otherNames: [{ input: "properties.customSubDomainName", rule: NAME_RULES.customSubdomain }],
    armId: { under: "resource group", path: (_, n) => `${CS}/${n}` },
    parents: [IN_RESOURCE_GROUP],
    fixedInputs: [
        LOCATION,
        {
            path: "kind",
            reason: "an account's kind is chosen at creation",
            source: "ARM: Cognitive Services account kind is not updatable (assumed; the API has no kind conversion)",
        },
        {
            path: "properties.encryption.keySource",
            reason: "after deployment a Foundry resource cannot switch between Microsoft-managed and customer-managed keys",
            source: CMK_SOURCES.foundry.document,
        },
        {
            path: "properties.encryption.keyVaultProperties.keyVaultUri",
            reason: "a customer-managed key can only be updated to a key in the same key vault",
            source: CMK_SOURCES.foundry.document,
        },
    ],
    destructive: {
        what: accountWhat,
        consequence: (inputs) =>
            accountWhat(inputs) === "Foundry account"
                ? "its projects, model deployments and content filters go with it, its endpoints stop answering, and the name stays taken for 48 hours unless purged"
                : "its endpoint stops answering, and the name stays taken for 48 hours unless purged",
        source: RECOVER_PURGE,
    },
    secretOutputs: {
        listFunction: "azure-native:cognitiveservices:listAccountKeys",
        publishedBy: [{ component: "FoundryAccount", outputs: ["primaryKey", "secondaryKey"] }],
    },
    keyInputs: [
        "accountName",
        "kind",
        "properties.disableLocalAuth",
        "properties.publicNetworkAccess",
        "properties.customSubDomainName",
        "properties.allowProjectManagement",
        "properties.encryption.keySource",
    ],
    mockOutputs: ({ inputs, name, unknown }) => {
        const props = propsOf(inputs);
        return {
            identity: { ...(inputs.identity as object), principalId: unknown(`${name}-principal`) },
            properties: {
                ...props,
                endpoint: unknown(`https://${str(props.customSubDomainName || name)}.cognitiveservices.azure.com/`),
            },
        };
    },
};

export const FOUNDRY_PROJECT: ResourceType = {
    type: "azure-native:cognitiveservices:Project",
    title: "Foundry project",
    nameInput: "projectName",
    nameRule: NAME_RULES.foundryProject,
    armId: { under: "resource group", path: (i, n) => `${CS}/${str(i.accountName)}/projects/${n}` },
    parents: [IN_RESOURCE_GROUP, IN_ACCOUNT],
    fixedInputs: [LOCATION],
    destructive: {
        what: "Foundry project",
        consequence: "what is stored in it goes with it, and its project endpoint stops answering",
        source: `a project's endpoint is its account's endpoint plus api/projects/<name> (${FOUNDRY_SOURCES.resources.document})`,
    },
    keyInputs: ["projectName", "accountName"],
    mockOutputs: ({ inputs, name, unknown }) => ({
        identity: { ...(inputs.identity as object), principalId: unknown(`${name}-principal`) },
        properties: { ...propsOf(inputs), provisioningState: unknown("Succeeded") },
    }),
};

export const FOUNDRY_DEPLOYMENT: ResourceType = {
    type: "azure-native:cognitiveservices:Deployment",
    title: "Foundry model deployment",
    nameInput: "deploymentName",
    nameRule: NAME_RULES.foundryDeployment,
    armId: { under: "resource group", path: (i, n) => `${CS}/${str(i.accountName)}/deployments/${n}` },
    parents: [IN_RESOURCE_GROUP, IN_ACCOUNT],
    destructive: {
        what: "Foundry deployment",
        consequence:
            "requests that name it as their model fail, and the quota it held (sku.capacity) is released to other deployments",
        source: `clients send the deployment name as the model (${FOUNDRY_SOURCES.resources.document}); a deployment's capacity counts against the subscription's quota for its model and region`,
    },
    keyInputs: [
        "deploymentName",
        "accountName",
        "sku.name",
        "sku.capacity",
        "properties.model.format",
        "properties.model.name",
        "properties.model.version",
        "properties.raiPolicyName",
    ],
};

export const CONTENT_FILTER: ResourceType = {
    type: "azure-native:cognitiveservices:RaiPolicy",
    title: "Foundry content filter (RAI policy)",
    nameInput: "raiPolicyName",
    nameRule: NAME_RULES.contentFilter,
    armId: { under: "resource group", path: (i, n) => `${CS}/${str(i.accountName)}/raiPolicies/${n}` },
    parents: [IN_RESOURCE_GROUP, IN_ACCOUNT],
    destructive: {
        what: "content filter",
        consequence: "its custom filter settings go with it",
        source: `a content filter is a resource of its own under its account (accounts/raiPolicies, ${FOUNDRY_SOURCES.resources.document})`,
    },
    keyInputs: ["raiPolicyName", "properties.basePolicyName", "properties.mode"],
};

export const CONTENT_FILTER_BLOCKLIST: ResourceType = {
    type: "azure-native:cognitiveservices:RaiBlocklist",
    title: "Foundry content filter blocklist",
    nameInput: "raiBlocklistName",
    nameRule: NAME_RULES.contentFilter,
    armId: { under: "resource group", path: (i, n) => `${CS}/${str(i.accountName)}/raiBlocklists/${n}` },
    parents: [IN_RESOURCE_GROUP, IN_ACCOUNT],
    keyInputs: ["raiBlocklistName", "properties.description"],
};

export const CONTENT_FILTER_BLOCKLIST_ITEM: ResourceType = {
    type: "azure-native:cognitiveservices:RaiBlocklistItem",
    title: "Foundry content filter blocklist item",
    nameInput: "raiBlocklistItemName",
    nameRule: NAME_RULES.contentFilter,
    armId: {
        under: "resource group",
        path: (i, n) => `${CS}/${str(i.accountName)}/raiBlocklists/${str(i.raiBlocklistName)}/raiBlocklistItems/${n}`,
    },
    parents: [IN_RESOURCE_GROUP, IN_ACCOUNT, { input: "raiBlocklistName", what: "blocklist" }],
    keyInputs: ["raiBlocklistItemName", "raiBlocklistName", "properties.pattern", "properties.isRegex"],
};
