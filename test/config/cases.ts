/** Bad stack configs: one distinct mistake each (the last has many), over a valid base. */
export const BASE = {
    workspace: {
        name: "aim",
        location: "eastus2",
        projects: [{ name: "chat" }, { name: "search" }],
        network: { accessManagedElsewhere: true },
    },
    deployments: [{ name: "ministral", model: "Ministral-3B", project: "chat" }],
};

type Config = Record<string, unknown>;
const clone = (): Config => JSON.parse(JSON.stringify(BASE)) as Config;
const withDeployments = (...deployments: Record<string, unknown>[]): Config => ({ ...clone(), deployments });
const withWorkspace = (patch: Record<string, unknown>): Config => ({
    ...clone(),
    workspace: { ...BASE.workspace, ...patch },
});

export interface BadCase {
    name: string;
    config: Config;
    today?: string;
}

export const BAD_CASES: BadCase[] = [
    {
        name: "misspelt deployment key",
        config: withDeployments({ name: "ministral", modle: "Ministral-3B", project: "chat" }),
    },
    { name: "misspelt top-level key", config: { workspace: BASE.workspace, deploymnets: BASE.deployments } },
    { name: "misspelt workspace key", config: withWorkspace({ publicNetworkAcess: "Enabled" }) },
    {
        name: "model not in the catalog",
        config: withDeployments({ name: "large", model: "Mistral-Lage", project: "chat" }),
    },
    {
        name: "deployment type the model does not support",
        config: withDeployments({ name: "mistral7b", model: "Mistral-7B-v01", project: "chat", type: "serverless" }),
    },
    { name: "workspace region without the serverless offer", config: withWorkspace({ location: "westeurope" }) },
    {
        name: "two serverless deployments of one model in one project",
        config: withDeployments(
            { name: "ministral", model: "Ministral-3B", project: "chat" },
            { name: "ministral-b", model: "ministral 3b", project: "chat" },
        ),
    },
    {
        name: "endpoint name breaks Azure's pattern",
        config: withDeployments({ name: "1st_chat", model: "Ministral-3B", project: "chat" }),
    },
    {
        name: "endpoint name too long",
        config: withDeployments({ name: `a${"b".repeat(46)}`, model: "Ministral-3B", project: "chat" }),
    },
    {
        name: "endpoint name repeated",
        config: withDeployments(
            { name: "assistant", model: "Ministral-3B", project: "chat" },
            { name: "Assistant", model: "Ministral-3B", project: "search" },
        ),
    },
    { name: "retired model", config: withDeployments({ name: "large", model: "Mistral-Large-2411", project: "chat" }) },
    {
        name: "content safety value not allowed",
        config: withDeployments({ name: "ministral", model: "Ministral-3B", project: "chat", contentSafety: "Off" }),
    },
    { name: "hub deployment without a project", config: withDeployments({ name: "ministral", model: "Ministral-3B" }) },
    {
        name: "project that does not exist",
        config: withDeployments({ name: "ministral", model: "Ministral-3B", project: "caht" }),
    },
    {
        name: "classic workspace with projects",
        config: {
            ...withWorkspace({ kind: "workspace" }),
            deployments: [{ name: "ministral", model: "Ministral-3B" }],
        },
    },
    {
        name: "principal id that is not a GUID",
        config: withWorkspace({ principals: [{ principalId: "alice@contoso.com" }] }),
    },
    { name: "workspace name breaks Azure's pattern", config: withWorkspace({ name: "my.workspace" }) },
    { name: "workspace missing", config: { deployments: BASE.deployments } },
    {
        name: "custom model id with a version",
        config: {
            ...withDeployments({ name: "phi", model: "phi", project: "chat" }),
            customModels: [
                {
                    name: "phi",
                    modelId: "azureml://registries/azureml/models/Phi-3-mini-4k-instruct/versions/7",
                    regions: ["eastus2"],
                    source: "model card",
                },
            ],
        },
    },
    { name: "number given as text", config: withWorkspace({ logRetentionDays: "30 days" }) },
    { name: "shared-key switch given as text", config: withWorkspace({ storageSharedKeyAccess: "yes" }) },
    {
        name: "many mistakes at once",
        config: {
            workspace: { name: "aim", location: "westeurope", projects: [{ name: "chat" }], tags: { env: ["dev"] } },
            deployments: [
                { name: "large", model: "Mistral-Large-2411", project: "chat", authMode: "Token" },
                { name: "large", model: "Mixtral-8x7B-Instruct-v01", project: "chat" },
                { name: "nemo", model: "Mistral Nemo", projct: "chat" },
            ],
        },
    },
];

/** The exact lines each case must produce, in order. */
export const EXPECTED: Record<string, string[]> = {
    "misspelt deployment key": [
        "azure-ai-models:deployments[0].model: is required (expected string)",
        'azure-ai-models:deployments[0].modle: unknown key "modle"; did you mean "model"? valid keys here: name, model, project, type, authMode, contentSafety, acceptRetired, marketplaceSubscription, tags',
    ],
    "misspelt top-level key": [
        'azure-ai-models:deploymnets: unknown key "deploymnets"; did you mean "deployments"? valid keys here: workspace, existingWorkspace, deployments, customModels, onlineEndpoints, foundry',
    ],
    "misspelt workspace key": [
        'azure-ai-models:workspace.publicNetworkAcess: unknown key "publicNetworkAcess"; did you mean "publicNetworkAccess"? valid keys here: kind, name, location, friendlyName, description, resourceGroup, tags, publicNetworkAccess, managedNetwork, network, storageSharedKeyAccess, containerRegistry, keyVault, encryption, logRetentionDays, principals, aiDevelopers, projects',
    ],
    "model not in the catalog": [
        'azure-ai-models:deployments[0].model: "Mistral-Lage" is not in the catalog; closest: Mistral-large, Mistral-Nemo, Mistral-small. A model the catalog lacks can be added under azure-ai-models:customModels',
    ],
    "deployment type the model does not support": [
        "azure-ai-models:deployments[0].type: mistralai-Mistral-7B-v01 cannot be deployed as serverless; supported: managed",
    ],
    "workspace region without the serverless offer": [
        'azure-ai-models:workspace.location: "westeurope" does not offer Ministral-3B as a serverless API (deployments[0]); regions: eastus, eastus2, northcentralus, southcentralus, westus, westus3, swedencentral',
    ],
    "two serverless deployments of one model in one project": [
        'azure-ai-models:deployments[1].model: Ministral-3B already has a serverless deployment in project "chat" (deployments[0] "ministral"); Azure allows one per model per workspace/project: use another project for more capacity',
    ],
    "endpoint name breaks Azure's pattern": [
        'azure-ai-models:deployments[0].name: "1st_chat": gives names Azure refuses (xxxxxx stands for the 6-character random suffix): the serverless endpoint name "1st_chat-xxxxxx" breaks Azure\'s rule: 1-52 characters: letters, digits and \'-\', starting with a letter (unique in the region)',
    ],
    "endpoint name too long": [
        'azure-ai-models:deployments[0].name: "abbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb": gives names Azure refuses (xxxxxx stands for the 6-character random suffix): the serverless endpoint name "abbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb-xxxxxx" has 54 characters and breaks Azure\'s rule: 1-52 characters: letters, digits and \'-\', starting with a letter (unique in the region); this name may have at most 45 characters',
    ],
    "endpoint name repeated": [
        'azure-ai-models:deployments[1].name: endpoint name "Assistant" is already used by deployments[0]; endpoint names become part of the URL and must be unique',
    ],
    "retired model": [
        "azure-ai-models:deployments[0].model: Mistral-Large-2411 was retired on 2026-01-30: existing deployments return 404; replacement: mistral-medium-2505; source: MS docs articles/ai-foundry/concepts/model-lifecycle-retirement.md (retirement schedule) (2026-07-07). Set acceptRetired: true to deploy it anyway",
    ],
    "content safety value not allowed": [
        'azure-ai-models:deployments[0].contentSafety: "Off" is not allowed; allowed: Enabled, Disabled',
    ],
    "hub deployment without a project": [
        "azure-ai-models:deployments[0].project: is required on a hub: name one of the projects (chat, search)",
    ],
    "project that does not exist": [
        'azure-ai-models:deployments[0].project: "caht" is not a project of the hub (projects: chat, search); did you mean "chat"?',
    ],
    "classic workspace with projects": [
        "azure-ai-models:workspace.projects: a classic workspace (kind: workspace) has no projects; set kind: hub to use projects, or remove them",
    ],
    "principal id that is not a GUID": [
        'azure-ai-models:workspace.principals[0].principalId: "alice@contoso.com" is not valid; expected a GUID (the principal\'s object id)',
    ],
    "workspace name breaks Azure's pattern": [
        "azure-ai-models:workspace.name: \"my.workspace\": gives names Azure refuses (xxxxxx stands for the 6-character random suffix): the Machine Learning workspace name \"my.workspace-xxxxxx\" breaks Azure's rule: 3-33 characters: letters, digits, '_' and '-', starting with a letter or digit (unique in the resource group); the Log Analytics workspace name \"log-my.workspace\" breaks Azure's rule: 4-63 characters: letters, digits and '-', starting and ending with a letter or digit (unique in the resource group)",
    ],
    "workspace missing": [
        "azure-ai-models:workspace: is required: describe the hub or workspace to create, or name one that exists under azure-ai-models:existingWorkspace",
    ],
    "custom model id with a version": [
        'azure-ai-models:customModels[0].modelId: "azureml://registries/azureml/models/Phi-3-mini-4k-instruct/versions/7" is not a serverless model id; expected azureml://registries/<registry>/models/<name> without /versions/<n> (serverless model ids have no version)',
    ],
    "number given as text": ['azure-ai-models:workspace.logRetentionDays: expected number, got "30 days"'],
    "shared-key switch given as text": [
        'azure-ai-models:workspace.storageSharedKeyAccess: expected boolean, got "yes"',
    ],
    "many mistakes at once": [
        'azure-ai-models:workspace.tags.env: ["dev"]: expected a string (a tag value; numbers and booleans are taken as their text)',
        'azure-ai-models:deployments[0].authMode: "Token" is not allowed; allowed: Key, AAD, KeyAndAAD',
        'azure-ai-models:deployments[2].projct: unknown key "projct"; did you mean "project"? valid keys here: name, model, project, type, authMode, contentSafety, acceptRetired, marketplaceSubscription, tags',
        'azure-ai-models:workspace.location: "westeurope" does not offer Mistral-Large-2411 as a serverless API (deployments[0]); regions: eastus, eastus2, northcentralus, southcentralus, westus, westus3, swedencentral',
        "azure-ai-models:deployments[0].model: Mistral-Large-2411 was retired on 2026-01-30: existing deployments return 404; replacement: mistral-medium-2505; source: MS docs articles/ai-foundry/concepts/model-lifecycle-retirement.md (retirement schedule) (2026-07-07). Set acceptRetired: true to deploy it anyway",
        'azure-ai-models:deployments[1].name: endpoint name "large" is already used by deployments[0]; endpoint names become part of the URL and must be unique',
        "azure-ai-models:deployments[1].type: mistralai-Mixtral-8x7B-Instruct-v01 cannot be deployed as serverless; supported: managed",
        "azure-ai-models:deployments[2].project: is required on a hub: name one of the projects (chat)",
        'azure-ai-models:workspace.location: "westeurope" does not offer Mistral-Nemo as a serverless API (deployments[2]); regions: eastus, eastus2, northcentralus, southcentralus, westus, westus3, swedencentral',
        "azure-ai-models:deployments[2].model: Mistral-Nemo was retired on 2026-01-30: existing deployments return 404; replacement: mistral-small-2503; source: MS docs articles/ai-foundry/concepts/model-lifecycle-retirement.md (retirement schedule) (2026-07-07). Set acceptRetired: true to deploy it anyway",
        // A closed hub with no way in is one more error among the others, not held back until they are fixed.
        'azure-ai-models:workspace: is closed to every client: publicNetworkAccess is "Disabled" (the default) and azure-ai-models:workspace.network.privateEndpoints is empty, so nothing could call it after deployment. Add a private endpoint (azure-ai-models:workspace.network.privateEndpoints: [{ subnetId: ... }] or [{ virtualNetwork: { name, addressPrefix, subnetPrefix } }]), say that another team provides the way in (azure-ai-models:workspace.network.accessManagedElsewhere: true), or open it deliberately for development (publicNetworkAccess: Enabled); see docs/networking.md',
    ],
};
