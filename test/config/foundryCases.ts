/** Bad `foundry` sections: one distinct mistake each, over a valid base (a stack with only a Foundry resource). */
import { IP_RULE_ALLOWED as IP_ALLOWED } from "../../infra/catalog/ipRules";
export const FOUNDRY_BASE = {
    name: "aimf",
    location: "swedencentral",
    projects: [{ name: "chat" }, { name: "docs" }],
    contentFilters: [{ name: "strict", filters: [{ category: "Hate", source: "Prompt", severityThreshold: "Low" }] }],
    deployments: [
        {
            name: "mistral-large",
            model: "Mistral-Large-3",
            sku: "GlobalStandard",
            capacity: 100,
            contentFilter: "strict",
        },
        { name: "scout", model: "Llama-4-Scout-17B-16E-Instruct", sku: "GlobalStandard", capacity: 50 },
    ],
    principals: [{ principalId: "00000000-0000-0000-0000-000000000001" }],
    network: { accessManagedElsewhere: true },
};

type Config = Record<string, unknown>;
const base = (): Config => JSON.parse(JSON.stringify(FOUNDRY_BASE)) as Config;
const withFoundry = (patch: Config): Config => ({ foundry: { ...base(), ...patch } });
const withDeployments = (...deployments: Config[]): Config => withFoundry({ deployments });
const deployment = (patch: Config): Config => ({ ...FOUNDRY_BASE.deployments[1], ...patch });
const filters = (...f: Config[]): Config => withFoundry({ contentFilters: [{ name: "strict", filters: f }] });

export interface FoundryBadCase {
    name: string;
    config: Config;
}

export const FOUNDRY_BAD_CASES: FoundryBadCase[] = [
    { name: "SKU the model does not have", config: withDeployments(deployment({ sku: "DataZoneStandard" })) },
    { name: "SKU the catalog does not know", config: withDeployments(deployment({ sku: "ProvisionedManaged" })) },
    { name: "region without the SKU", config: withFoundry({ location: "eastasia" }) },
    {
        name: "Data zone outside its zones",
        config: withFoundry({
            location: "japaneast",
            deployments: [{ name: "ocr", model: "mistral-document-ai-2512", sku: "DataZoneStandard", capacity: 10 }],
        }),
    },
    {
        name: "33 deployments",
        config: withDeployments(
            ...Array.from({ length: 33 }, (_, i) => deployment({ name: `scout-${i}`, capacity: 10 })),
        ),
    },
    {
        name: "duplicate deployment names",
        config: withDeployments(deployment({ name: "chat" }), deployment({ name: "Chat", model: "Ministral-3B" })),
    },
    {
        name: "retired model",
        config: withDeployments(deployment({ name: "ocr", model: "mistral-document-ai-2505" })),
    },
    {
        name: "unknown content filter",
        config: withDeployments(deployment({ contentFilter: "strickt" })),
    },
    { name: "bad custom subdomain", config: withFoundry({ customSubDomain: "My_Foundry" }) },
    { name: "bad account name", config: withFoundry({ name: "-aimf" }) },
    { name: "model not on Foundry", config: withDeployments(deployment({ model: "Mistral-Lage-3" })) },
    {
        name: "misspelt deployment key",
        config: withDeployments({ ...deployment({}), capacity: undefined, capacty: 5 }),
    },
    { name: "capacity missing", config: withDeployments({ ...deployment({}), capacity: undefined }) },
    { name: "capacity not a whole number", config: withDeployments(deployment({ capacity: 2.5 })) },
    { name: "duplicate project names", config: withFoundry({ projects: [{ name: "chat" }, { name: "CHAT" }] }) },
    {
        name: "content filter named like a Microsoft policy",
        config: withFoundry({
            contentFilters: [{ name: "Microsoft.Strict", filters: [{ category: "Jailbreak", source: "Prompt" }] }],
            deployments: [deployment({})],
        }),
    },
    { name: "severity missing on a harm category", config: filters({ category: "Violence", source: "Completion" }) },
    {
        name: "severity on a switch",
        config: filters({ category: "Jailbreak", source: "Prompt", severityThreshold: "High" }),
    },
    {
        name: "unknown filter category",
        config: filters({ category: "Violent", source: "Prompt", severityThreshold: "Low" }),
    },
    {
        name: "hub models without a workspace",
        config: { ...withFoundry({}), deployments: [{ name: "ministral", model: "Ministral-3B", project: "chat" }] },
    },
    { name: "principal id not a GUID", config: withFoundry({ principals: [{ principalId: "alice@contoso.com" }] }) },
    {
        name: "network rule not an address",
        config: withFoundry({ networkAcls: { ipRules: ["10.0.0.0/33x"] } }),
    },
    {
        name: "network rules Azure refuses",
        config: withFoundry({
            networkAcls: {
                ipRules: [
                    "203.0.113.7",
                    "203.0.113.0/24",
                    "192.168.1.0/24",
                    "172.20.0.1",
                    "203.0.113.8/32",
                    "198.51.100.0/31",
                    "8.0.0.0/6",
                    "1.2.3.256",
                    "1.2.3.0/33",
                ],
            },
        }),
    },
    {
        name: "too many network rules",
        config: withFoundry({
            networkAcls: {
                ipRules: Array.from({ length: 101 }, (_, i) => `203.0.${Math.floor(i / 250)}.${(i % 250) + 1}`),
            },
        }),
    },
    { name: "version with spaces", config: withDeployments(deployment({ version: "1 beta" })) },
    {
        name: "Microsoft-sold model on a SKU it lacks",
        config: withDeployments({
            name: "maverick",
            model: "Llama-4-Maverick-17B-128E-Instruct-FP8",
            sku: "DataZoneStandard",
            capacity: 10,
        }),
    },
    {
        name: "provisioned size Azure refuses",
        config: withDeployments(
            { name: "llama-ptu", model: "Llama-3.3-70B-Instruct", sku: "GlobalProvisionedManaged", capacity: 150 },
            { name: "llama-small", model: "Llama-3.3-70B-Instruct", sku: "GlobalProvisionedManaged", capacity: 50 },
        ),
    },
    {
        name: "duplicate content filter names",
        config: withFoundry({
            contentFilters: [
                { name: "strict", filters: [{ category: "Jailbreak", source: "Prompt" }] },
                { name: "Strict", filters: [{ category: "Jailbreak", source: "Prompt" }] },
            ],
        }),
    },
];

/** The exact messages of each case, one a problem, in the order they are reported. */
export const FOUNDRY_EXPECTED: Record<string, string[]> = {
    "SKU the model does not have": [
        'azure-ai-models:foundry.deployments[0].sku: "DataZoneStandard": Llama-4-Scout-17B-16E-Instruct is not offered with this SKU on Foundry; SKUs: GlobalStandard (MicrosoftDocs/azure-ai-docs articles/foundry/foundry-models/includes/model-matrix/marketplace-deployments-standard.md @1b8d987c, 2026-09-02)',
    ],
    "SKU the catalog does not know": [
        'azure-ai-models:foundry.deployments[0].sku: "ProvisionedManaged" is not allowed; allowed: GlobalStandard, DataZoneStandard, Standard, GlobalProvisionedManaged',
    ],
    "region without the SKU": [
        'azure-ai-models:foundry.deployments[0].sku: GlobalStandard of Mistral-Large-3 is not offered in "eastasia"; regions: australiaeast, brazilsouth, canadacentral, canadaeast, centralus, eastus, eastus2, francecentral, germanywestcentral, italynorth, japaneast, japanwest, koreacentral, northcentralus, norwayeast, polandcentral, southafricanorth, southcentralus, southindia, spaincentral, swedencentral, switzerlandnorth, switzerlandwest, uaenorth, uksouth, westcentralus, westeurope, westus, westus2, westus3 (MicrosoftDocs/azure-ai-docs articles/foundry/foundry-models/includes/model-matrix/global-standard.md @480c29aa, 2026-04-02)',
        'azure-ai-models:foundry.deployments[1].sku: GlobalStandard of Llama-4-Scout-17B-16E-Instruct is not offered in "eastasia"; regions: brazilsouth, canadacentral, canadaeast, centralus, eastus, eastus2, northcentralus, southcentralus, westcentralus, westus, westus2, westus3, francecentral, germanywestcentral, italynorth, norwayeast, polandcentral, spaincentral, swedencentral, switzerlandnorth, switzerlandwest, uksouth, ukwest, westeurope, australiaeast, japaneast, japanwest, koreacentral, southindia, southafricanorth, uaenorth (MicrosoftDocs/azure-ai-docs articles/foundry/foundry-models/includes/model-matrix/marketplace-deployments-standard.md @1b8d987c, 2026-09-02)',
    ],
    "Data zone outside its zones": [
        'azure-ai-models:foundry.deployments[0].sku: DataZoneStandard of mistral-document-ai-2512 is offered only in the data zones US (centralus, eastus, eastus2, northcentralus, southcentralus, westcentralus, westus, westus2, westus3); EU (francecentral, germanywestcentral, italynorth, polandcentral, spaincentral, swedencentral, westeurope); "japaneast" is in none of them: use GlobalStandard or an account in one of these regions',
    ],
    "provisioned size Azure refuses": [
        "azure-ai-models:foundry.deployments[0].capacity: 150 PTUs: a GlobalProvisionedManaged deployment of Llama-3.3-70B-Instruct takes 100 PTUs or more, in steps of 100 (MicrosoftDocs/azure-ai-docs articles/foundry/openai/how-to/provisioned-throughput-onboarding.md @040c3859 (PTU sizes per model), 2026-04-07)",
        "azure-ai-models:foundry.deployments[1].capacity: 50 PTUs: a GlobalProvisionedManaged deployment of Llama-3.3-70B-Instruct takes 100 PTUs or more, in steps of 100 (MicrosoftDocs/azure-ai-docs articles/foundry/openai/how-to/provisioned-throughput-onboarding.md @040c3859 (PTU sizes per model), 2026-04-07)",
    ],
    "33 deployments": [
        "azure-ai-models:foundry.deployments: has 33 deployments; a Foundry resource holds at most 32 (MicrosoftDocs/azure-ai-docs articles/foundry/foundry-models/includes/quotas-limits-content.md @01a83b28 (same table as @c06a3fa7)): split them across accounts",
    ],
    "duplicate deployment names": [
        'azure-ai-models:foundry.deployments[1].name: deployment name "Chat" is already used by deployments[0]; names are unique per account (clients send them as model)',
    ],
    "retired model": [
        "azure-ai-models:foundry.deployments[0].model: mistral-document-ai-2505 was retired on 2026-07-15: existing deployments return 404; replacement: mistral-document-ai-2512 on a Foundry resource (azure-ai-models:foundry); source: MicrosoftDocs/azure-ai-docs articles/foundry/openai/includes/concepts-model-retirement-schedule-content.md @00bb5540 (retirement schedule, Foundry Models sold by Azure) (2026-07-07). Set acceptRetired: true to deploy it anyway",
    ],
    "unknown content filter": [
        'azure-ai-models:foundry.deployments[0].contentFilter: "strickt" is not a content filter of azure-ai-models:foundry.contentFilters nor a Microsoft policy; known: strict, Microsoft.DefaultV2, Microsoft.Default; did you mean "strict"?',
    ],
    "bad custom subdomain": [
        "azure-ai-models:foundry.customSubDomain: \"My_Foundry\" is not valid; expected 2-64 lowercase letters, digits and '-', starting and ending with a letter or digit",
    ],
    "bad account name": [
        "azure-ai-models:foundry.name: \"-aimf\": gives names Azure refuses (xxxxxx stands for the 6-character random suffix): the Cognitive Services account name \"-aimf-xxxxxx\" breaks Azure's rule: 2-64 characters: letters, digits and '-', starting and ending with a letter or digit (unique in the resource group); the Cognitive Services custom subdomain name \"-aimf-xxxxxx\" breaks Azure's rule: 2-64 characters: letters, digits and '-', starting and ending with a letter or digit (unique in all of Azure)",
    ],
    "model not on Foundry": [
        'azure-ai-models:foundry.deployments[0].model: "Mistral-Lage-3" is not offered on a Foundry resource in the catalog; closest: Mistral-Large-3. A model outside the catalog is deployed by format, model and version (format: OpenAI, the name and version the account lists)',
    ],
    "misspelt deployment key": [
        "azure-ai-models:foundry.deployments[0].capacity: is required (expected number)",
        'azure-ai-models:foundry.deployments[0].capacty: unknown key "capacty"; did you mean "capacity"? valid keys here: name, model, format, version, sku, capacity, contentFilter, versionUpgradeOption, spilloverTo, acceptRetired, timeoutMinutes, tags',
    ],
    "capacity missing": ["azure-ai-models:foundry.deployments[0].capacity: is required (expected number)"],
    "capacity not a whole number": ["azure-ai-models:foundry.deployments[0].capacity: expected int, got 2.5"],
    "duplicate project names": [
        'azure-ai-models:foundry.projects[1].name: project "CHAT" is defined twice; names must be unique',
    ],
    "content filter named like a Microsoft policy": [
        'azure-ai-models:foundry.contentFilters[0].name: "Microsoft.Strict": names starting with "Microsoft." are Azure\'s own policies; pick another name',
    ],
    "severity missing on a harm category": [
        "azure-ai-models:foundry.contentFilters[0].filters[0].severityThreshold: is required for Violence: Low, Medium or High (the lowest severity that is filtered)",
    ],
    "severity on a switch": [
        'azure-ai-models:foundry.contentFilters[0].filters[0].severityThreshold: "High": Jailbreak is on or off and takes no severity; remove severityThreshold',
    ],
    "unknown filter category": [
        'azure-ai-models:foundry.contentFilters[0].filters[0].category: "Violent" is not allowed; allowed: Hate, Sexual, Violence, Selfharm, Jailbreak, Indirect Attack, Protected Material Text, Protected Material Code, Profanity',
    ],
    "hub models without a workspace": [
        "azure-ai-models:workspace: is required for azure-ai-models:deployments and azure-ai-models:onlineEndpoints (hub models): describe the hub or workspace, name one under azure-ai-models:existingWorkspace, or move the models to azure-ai-models:foundry.deployments",
    ],
    "principal id not a GUID": [
        'azure-ai-models:foundry.principals[0].principalId: "alice@contoso.com" is not valid; expected a GUID (the principal\'s object id)',
    ],
    "network rule not an address": [
        'azure-ai-models:foundry.networkAcls.ipRules[0]: "10.0.0.0/33x" is not valid; expected an IPv4 address or CIDR range',
    ],
    "network rules Azure refuses": [
        `azure-ai-models:foundry.networkAcls.ipRules[2]: "192.168.1.0/24": overlaps the private range 192.168.0.0/16, which Azure refuses in IP rules (public addresses only); expected ${IP_ALLOWED}`,
        `azure-ai-models:foundry.networkAcls.ipRules[3]: "172.20.0.1": is in the private range 172.16.0.0/12, which Azure refuses in IP rules (public addresses only); expected ${IP_ALLOWED}`,
        `azure-ai-models:foundry.networkAcls.ipRules[4]: "203.0.113.8/32": is a /32 range, which Azure does not support: give each address as its own rule; expected ${IP_ALLOWED}`,
        `azure-ai-models:foundry.networkAcls.ipRules[5]: "198.51.100.0/31": is a /31 range, which Azure does not support: give each address as its own rule; expected ${IP_ALLOWED}`,
        `azure-ai-models:foundry.networkAcls.ipRules[6]: "8.0.0.0/6": overlaps the private range 10.0.0.0/8, which Azure refuses in IP rules (public addresses only); expected ${IP_ALLOWED}`,
        `azure-ai-models:foundry.networkAcls.ipRules[7]: "1.2.3.256": has a part above 255; expected ${IP_ALLOWED}`,
        `azure-ai-models:foundry.networkAcls.ipRules[8]: "1.2.3.0/33": has a prefix of /33, above /32; expected ${IP_ALLOWED}`,
    ],
    "too many network rules": [
        `azure-ai-models:foundry.networkAcls.ipRules: "101 rules": has 101 IP rules: Azure allows at most 100 per account (use wider ranges, or virtual network rules or private endpoints)`,
    ],
    "version with spaces": [
        'azure-ai-models:foundry.deployments[0].version: "1 beta" is not valid; expected a model version such as 1',
    ],
    "Microsoft-sold model on a SKU it lacks": [
        'azure-ai-models:foundry.deployments[0].sku: "DataZoneStandard": Llama-4-Maverick-17B-128E-Instruct-FP8 is not offered with this SKU on Foundry; SKUs: GlobalStandard (MicrosoftDocs/azure-ai-docs articles/foundry/foundry-models/includes/models-azure-direct-others.md @07a330ef and @0378dd85, 2026-10-05)',
    ],
    "duplicate content filter names": [
        'azure-ai-models:foundry.contentFilters[1].name: content filter "Strict" is defined twice; names must be unique',
    ],
};

/** One model on both paths: a hub serverless deployment and a Foundry deployment of Ministral-3B, valid together. */
export const HUB_AND_FOUNDRY_MINISTRAL = {
    workspace: {
        name: "aim",
        location: "eastus2",
        projects: [{ name: "chat" }],
        network: { accessManagedElsewhere: true },
    },
    deployments: [{ name: "ministral", model: "Ministral-3B", project: "chat" }],
    foundry: {
        name: "aimf",
        location: "eastus2",
        network: { accessManagedElsewhere: true },
        deployments: [{ name: "ministral", model: "Ministral-3B", sku: "GlobalStandard", capacity: 10 }],
    },
};
