/** Bad managed-compute configs: one distinct mistake each, over a valid base. */
type Config = Record<string, unknown>;
type Endpoint = Record<string, unknown>;
type Deployment = Record<string, unknown>;

export const MANAGED_BASE = {
    workspace: {
        name: "aim",
        location: "eastus2",
        projects: [{ name: "open" }],
        network: { accessManagedElsewhere: true },
    },
    onlineEndpoints: [
        {
            name: "mixtral",
            project: "open",
            deployments: [{ name: "blue", model: "Mixtral-8x7B-Instruct-v01", instanceType: "Standard_ND96asr_v4" }],
        },
    ],
};

const blue: Deployment = MANAGED_BASE.onlineEndpoints[0].deployments[0];
const endpoint = (patch: Endpoint): Config => ({
    workspace: MANAGED_BASE.workspace,
    onlineEndpoints: [{ ...MANAGED_BASE.onlineEndpoints[0], ...patch }],
});
const deployments = (...ds: Deployment[]): Config => endpoint({ deployments: ds });
const green: Deployment = { ...blue, name: "green" };

export const MANAGED_CASES: { name: string; config: Config }[] = [
    { name: "model with no managed-compute offer", config: deployments({ ...blue, model: "Ministral-3B" }) },
    { name: "model version not pinned", config: deployments({ ...blue, model: "Mixtral-8x22B-Instruct-v0-1" }) },
    { name: "model not in the catalog", config: deployments({ ...blue, model: "Mixtral-8x7B-Instruct" }) },
    {
        name: "instance type the model does not allow",
        config: deployments({ ...blue, instanceType: "Standard_NC24ads_A100_v4" }),
    },
    { name: "endpoint name starting with a digit", config: endpoint({ name: "2fast" }) },
    { name: "endpoint name with a double dash", config: endpoint({ name: "my--endpoint" }) },
    {
        name: "endpoint name repeated",
        config: {
            workspace: MANAGED_BASE.workspace,
            onlineEndpoints: [MANAGED_BASE.onlineEndpoints[0], MANAGED_BASE.onlineEndpoints[0]],
        },
    },
    { name: "deployment name with an underscore", config: deployments({ ...blue, name: "blue_1" }) },
    {
        name: "deployment name used twice",
        config: endpoint({ deployments: [blue, { ...blue, name: "Blue" }], traffic: { blue: 100 } }),
    },
    {
        name: "more than 20 deployments",
        config: endpoint({
            deployments: Array.from({ length: 21 }, (_, i) => ({ ...blue, name: `d${String(i).padStart(2, "0")}x` })),
            traffic: { d00x: 100 },
        }),
    },
    {
        name: "traffic naming no deployment",
        config: endpoint({ deployments: [blue, green], traffic: { blue: 90, gren: 10 } }),
    },
    {
        name: "traffic not adding up to 100",
        config: endpoint({ deployments: [blue, green], traffic: { blue: 90, green: 5 } }),
    },
    { name: "two deployments without traffic", config: endpoint({ deployments: [blue, green] }) },
    {
        name: "mirror over 50",
        config: endpoint({
            deployments: [blue, green],
            traffic: { blue: 100, green: 0 },
            mirrorTraffic: { green: 60 },
        }),
    },
    {
        name: "mirror to a deployment with live traffic",
        config: endpoint({
            deployments: [blue, green],
            traffic: { blue: 90, green: 10 },
            mirrorTraffic: { green: 10 },
        }),
    },
    {
        name: "shared quota not acknowledged",
        config: endpoint({ sharedQuota: { acknowledgeDeletionAfter168Hours: false } }),
    },
    {
        name: "shared quota for a model that does not allow it",
        config: endpoint({
            sharedQuota: { acknowledgeDeletionAfter168Hours: true },
            deployments: [{ ...blue, model: "Meta-Llama-3-8B-Instruct", instanceType: "Standard_NC24ads_A100_v4" }],
        }),
    },
    {
        name: "instance count and autoscale together",
        config: deployments({ ...blue, instanceCount: 2, autoscale: { maxInstances: 3 } }),
    },
    {
        name: "autoscale minimum above maximum",
        config: deployments({ ...blue, autoscale: { minInstances: 4, maxInstances: 2 } }),
    },
    { name: "auth mode Azure does not have", config: endpoint({ authMode: "Token" }) },
    {
        name: "retired model on managed compute",
        config: deployments({ ...blue, model: "Llama-2-7b-chat", instanceType: "Standard_NC12s_v3" }),
    },
    { name: "endpoint without a project on a hub", config: endpoint({ project: undefined }) },
    {
        name: "request timeout beyond Azure's limit",
        config: deployments({ ...blue, requestSettings: { requestTimeoutSeconds: 300 } }),
    },
    {
        name: "misspelt deployment key",
        config: deployments({ ...blue, instanceTyp: "Standard_ND96asr_v4", instanceType: undefined }),
    },
];

/** The exact lines each managed case must produce, in order. */
export const MANAGED_EXPECTED: Record<string, string[]> = {
    "model with no managed-compute offer": [
        "azure-ai-models:onlineEndpoints[0].deployments[0].model: Ministral-3B is not offered on managed compute; supported: serverless (serverless models go under azure-ai-models:deployments)",
    ],
    "model version not pinned": [
        "azure-ai-models:onlineEndpoints[0].deployments[0].version: is required: the catalog pins no version of mistralai-Mixtral-8x22B-Instruct-v0-1; give the registry asset version (managed model ids end in /versions/<n>)",
    ],
    "model not in the catalog": [
        'azure-ai-models:onlineEndpoints[0].deployments[0].model: "Mixtral-8x7B-Instruct" is not in the catalog; closest: mistralai-Mixtral-8x7B-Instruct-v01, mistralai-Mixtral-8x22B-Instruct-v0-1, mistralai-Mistral-7B-Instruct-v01',
    ],
    "instance type the model does not allow": [
        'azure-ai-models:onlineEndpoints[0].deployments[0].instanceType: "Standard_NC24ads_A100_v4" is not among the sizes mistralai-Mixtral-8x7B-Instruct-v01\'s asset allows: Standard_ND40rs_v2, Standard_NC96ads_A100_v4, Standard_ND96amsr_A100_v4, Standard_ND96asr_v4. Set allowInstanceType: true to use it anyway',
    ],
    "endpoint name starting with a digit": [
        'azure-ai-models:onlineEndpoints[0].name: "2fast": gives names Azure refuses (xxxxxx stands for the 6-character random suffix): the online endpoint name "2fast-xxxxxx" breaks Azure\'s rule: 3-32 characters: letters, digits and single dashes, starting with a letter (unique in the region)',
    ],
    "endpoint name with a double dash": [
        'azure-ai-models:onlineEndpoints[0].name: "my--endpoint": gives names Azure refuses (xxxxxx stands for the 6-character random suffix): the online endpoint name "my--endpoint-xxxxxx" breaks Azure\'s rule: 3-32 characters: letters, digits and single dashes, starting with a letter (unique in the region)',
    ],
    "endpoint name repeated": [
        'azure-ai-models:onlineEndpoints[1].name: endpoint name "mixtral" is already used by onlineEndpoints[0]; endpoint names form the scoring URL and must be unique',
    ],
    "deployment name with an underscore": [
        'azure-ai-models:onlineEndpoints[0].deployments[0].name: "blue_1": gives names Azure refuses (xxxxxx stands for the 6-character random suffix): the online deployment name "blue_1" breaks Azure\'s rule: 3-32 characters: letters, digits and single dashes, starting with a letter (unique in its parent)',
    ],
    "deployment name used twice": [
        'azure-ai-models:onlineEndpoints[0].deployments[1].name: deployment name "Blue" is used twice in this endpoint',
    ],
    "more than 20 deployments": [
        "azure-ai-models:onlineEndpoints[0].deployments: has 21 deployments; Azure allows at most 20 per endpoint: split them across endpoints",
    ],
    "traffic naming no deployment": [
        'azure-ai-models:onlineEndpoints[0].traffic.gren: names no deployment of this endpoint (deployments: blue, green); Azure accepts only existing deployments; did you mean "green"?',
    ],
    "traffic not adding up to 100": [
        "azure-ai-models:onlineEndpoints[0].traffic: must add up to 100, or be empty or all 0 to route nothing; got 95 (blue 90 + green 5)",
    ],
    "two deployments without traffic": [
        "azure-ai-models:onlineEndpoints[0].traffic: is required when an endpoint has more than one deployment: give each of blue, green a percentage adding up to 100",
    ],
    "mirror over 50": [
        "azure-ai-models:onlineEndpoints[0].mirrorTraffic: must add up to at most 50; got 60 (green 60)",
    ],
    "mirror to a deployment with live traffic": [
        'azure-ai-models:onlineEndpoints[0].mirrorTraffic.green: cannot mirror to a deployment that serves live traffic (traffic[\"green\"] is 10); set its traffic to 0 or stop mirroring to it',
    ],
    "shared quota not acknowledged": [
        "azure-ai-models:onlineEndpoints[0].sharedQuota.acknowledgeDeletionAfter168Hours: false: an endpoint on shared quota is deleted after 168 hours; set acknowledgeDeletionAfter168Hours: true to accept that, or remove sharedQuota",
    ],
    "shared quota for a model that does not allow it": [
        "azure-ai-models:onlineEndpoints[0].deployments[0].model: Meta-Llama-3-8B-Instruct does not allow shared quota (its asset does not set SharedComputeCapacityEnabled); use your own quota for this endpoint",
    ],
    "instance count and autoscale together": [
        "azure-ai-models:onlineEndpoints[0].deployments[0].instanceCount: 2: set either instanceCount or autoscale, not both",
    ],
    "autoscale minimum above maximum": [
        "azure-ai-models:onlineEndpoints[0].deployments[0].autoscale.minInstances: 4 is more than maxInstances (2)",
    ],
    "auth mode Azure does not have": [
        'azure-ai-models:onlineEndpoints[0].authMode: "Token" is not allowed; allowed: AADToken, Key, AMLToken',
    ],
    "retired model on managed compute": [
        "azure-ai-models:onlineEndpoints[0].deployments[0].model: Llama-2-7b-chat was retired on 2025-06-30: existing deployments return 404; no replacement is named; source: MS docs articles/ai-foundry/concepts/model-lifecycle-retirement.md (retirement schedule) (2026-07-07). Set acceptRetired: true to deploy it anyway",
    ],
    "endpoint without a project on a hub": [
        "azure-ai-models:onlineEndpoints[0].project: is required on a hub: name one of the projects (open)",
    ],
    "request timeout beyond Azure's limit": [
        "azure-ai-models:onlineEndpoints[0].deployments[0].requestSettings.requestTimeoutSeconds: 300 is out of range; expected at most 180",
    ],
    "misspelt deployment key": [
        "azure-ai-models:onlineEndpoints[0].deployments[0].instanceType: is required (expected string)",
        'azure-ai-models:onlineEndpoints[0].deployments[0].instanceTyp: unknown key "instanceTyp"; did you mean "instanceType"? valid keys here: name, model, version, instanceType, instanceCount, autoscale, allowInstanceType, requestSettings, livenessProbe, readinessProbe, dataCollection, appInsights, egressPublicNetworkAccess, environmentVariables, acceptRetired',
    ],
};
