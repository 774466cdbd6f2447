/**
 * Models on a Foundry resource (a Cognitive Services account of kind `AIServices`): which models can be deployed
 * there, under which `format`, `name` and default `version`, sold by Azure or by a partner through Azure Marketplace,
 * with which deployment SKUs in which regions, their default rate limits (which are also the default quota) and
 * their lifecycle. Every fact carries its {@link Source}: the MicrosoftDocs/azure-ai-docs page (path@commit) and
 * date it was read from. An offer is part of its model's one record (`ModelEntry.foundry`, joined in `models.ts`), beside
 * the model's hub offers, under the record's one name and alias list: look a model up with `findModel`.
 */
import type { Lifecycle, OfferStage, Source } from "./types";
import { CONTENT_FILTER_SEVERITY_CATEGORIES, CONTENT_FILTER_SWITCH_CATEGORIES, VOCABULARY } from "./vocabulary";

export { CONTENT_FILTER_SEVERITY_CATEGORIES, CONTENT_FILTER_SWITCH_CATEGORIES };

/** Deployment SKUs (`sku.name` of a `Microsoft.CognitiveServices/accounts/deployments`) the catalog knows. */
export type FoundrySkuName = (typeof VOCABULARY.FOUNDRY_DEPLOYMENT_SKUS)[number];
/** The vocabulary's `FOUNDRY_DEPLOYMENT_SKUS`. */
export const FOUNDRY_SKU_NAMES: readonly FoundrySkuName[] = VOCABULARY.FOUNDRY_DEPLOYMENT_SKUS;

/** Data zones of a `DataZoneStandard` deployment: requests stay within the zone's regions. */
export type DataZone = (typeof VOCABULARY.DATA_ZONES)[number];

/** Who sells the model: Azure directly (billed by Microsoft), or a partner through Azure Marketplace. */
export type FoundrySoldBy = (typeof VOCABULARY.FOUNDRY_SOLD_BY)[number];

export interface FoundrySkuOffer {
    sku: FoundrySkuName;
    /** Regions where an account can deploy the model with this SKU (ARM form, `eastus2`). */
    regions: readonly string[];
    /** For `DataZoneStandard`: the zones offered, each with the regions that belong to it. */
    dataZones?: Readonly<Partial<Record<DataZone, readonly string[]>>>;
    /**
     * For a provisioned SKU: `sku.capacity` counts provisioned throughput units (PTUs), reserved with a PTU quota of
     * their own, not the model's tokens-per-minute quota.
     */
    provisioned?: ProvisionedThroughput;
    source: Source;
}

/** The PTU sizes Azure accepts for a provisioned deployment of a model. */
export interface ProvisionedThroughput {
    /** The smallest deployment, in PTUs. */
    minimumUnits: number;
    /** Deployments grow in steps of this many PTUs. */
    increment: number;
    /** Input tokens per minute one PTU serves (Microsoft's sizing figure). */
    inputTokensPerMinutePerUnit: number;
    source: Source;
}

/** Default rate limits of one deployment type per subscription, region and model; they are also the default quota. */
export interface FoundryRateLimits {
    tokensPerMinute: number;
    requestsPerMinute: number;
    concurrentRequests: number;
    source: Source;
}

export interface FoundryOffer {
    /** `properties.model.name`, as Azure spells it. */
    name: string;
    /** `properties.model.format`: the model's publisher as the deployment API names it (`Mistral AI`, `Meta`). */
    format: string;
    /** `properties.model.version` the catalog deploys unless a deployment names another. */
    version: string;
    versionSource: Source;
    soldBy: FoundrySoldBy;
    /** Registry of the model card (`azureml-mistral`, `azureml-meta`). */
    registry: string;
    skus: readonly FoundrySkuOffer[];
    rateLimits: FoundryRateLimits;
    /**
     * What the model does when it is not chat: `ocr` (document OCR, called on its own route, not through the
     * OpenAI-compatible chat completions API). @default - chat
     */
    task?: { kind: "ocr"; source: Source };
    /** Preview, GA, legacy or deprecated, with its source: a preview model has no production support commitment. */
    stage: OfferStage;
    lifecycle?: Lifecycle;
    source: Source;
}

// ---- sources ------------------------------------------------------------------------------------------------

/** The Foundry docs since their move from `articles/ai-foundry/` (2025-09); a few pages were read before it. */
const FOUNDRY_DOCS = "MicrosoftDocs/azure-ai-docs articles/foundry";
const DOCS = "MicrosoftDocs/azure-ai-docs articles/ai-foundry";

export const FOUNDRY_SOURCES = {
    quotasLimits: {
        document: `${FOUNDRY_DOCS}/foundry-models/includes/quotas-limits-content.md @01a83b28 (same table as @c06a3fa7)`,
        date: "2026-04-29",
    },
    azureDirect: {
        document: `${FOUNDRY_DOCS}/foundry-models/includes/models-azure-direct-others.md @07a330ef and @0378dd85`,
        date: "2026-10-05",
        note: "Mistral-Large-3 is marked Preview at @0378dd85",
    },
    globalStandardMatrix: {
        document: `${FOUNDRY_DOCS}/foundry-models/includes/model-matrix/global-standard.md @480c29aa`,
        date: "2026-04-02",
        note: "30 regions, every model of the catalog sold by Azure in all of them; @0b276b0a (2025-09-15) had 26 (without centralus, japanwest, westcentralus, westus2), @437cef2a (2025-09-29) 25 (also without canadacentral)",
    },
    dataZoneMatrix: {
        document: `${FOUNDRY_DOCS}/foundry-models/includes/model-matrix/data-zone-standard.md @480c29aa`,
        date: "2026-04-02",
    },
    provisionedMatrix: {
        document: `${FOUNDRY_DOCS}/foundry-models/includes/model-matrix/global-provisioned-managed.md @480c29aa`,
        date: "2026-04-02",
    },
    provisionedSizes: {
        document: `${FOUNDRY_DOCS}/openai/how-to/provisioned-throughput-onboarding.md @040c3859 (PTU sizes per model)`,
        date: "2026-04-07",
    },
    marketplaceMatrix: {
        document: `${FOUNDRY_DOCS}/foundry-models/includes/model-matrix/marketplace-deployments-standard.md @1b8d987c`,
        date: "2026-09-02",
    },
    modelCards: {
        document:
            "Foundry model cards ai.azure.com/explore/models/<name>/version/<n>/registry/<registry> as linked from the model tables",
        date: "2026-10-05",
    },
    lifecycle: {
        document: `${FOUNDRY_DOCS}/openai/includes/concepts-model-retirement-schedule-content.md @00bb5540 (retirement schedule, Foundry Models sold by Azure)`,
        date: "2026-07-07",
    },
    resources: {
        document:
            "@pulumi/azure-native 3.28.0 cognitiveservices (API 2025-06-01) and the Azure REST spec Microsoft.CognitiveServices 2025-06-01",
        date: "2026-11-21",
    },
    roles: {
        document: `${FOUNDRY_DOCS}/concepts/rbac-foundry.md (Foundry User, formerly Azure AI User) and Azure built-in roles`,
        date: "2026-11-21",
    },
    capacityUnit: {
        document: `${FOUNDRY_DOCS}/openai/quotas-limits.md @ms.date 2026-02-17: standard deployments allocate quota in units of 1,000 tokens per minute`,
        date: "2026-02-17",
    },
    blocklists: {
        document:
            "MicrosoftDocs/azure-ai-docs articles/ai-foundry/openai/how-to/use-blocklists.md@2a3f94c8 (custom blocklists: at most 10,000 terms per list, a term at most 1,000 characters, exact match or regex)",
        date: "2026-02-10",
    },
    spillover: {
        document:
            "MicrosoftDocs/azure-ai-docs articles/ai-foundry/openai/how-to/spillover-traffic-management.md@43dc14ea (spillover for Azure OpenAI provisioned deployments)",
        date: "2026-01-30",
        note: "spilloverDeploymentName names a standard deployment of the same model and version in the same resource, of the matching data-processing level (global provisioned with global standard); documented for Azure OpenAI only",
    },
    contentFilters: {
        document: `${DOCS}/foundry-models/includes/configure-content-filters/bicep.md and the RaiPolicy schema of CognitiveServices 2025-06-01`,
        date: "2026-11-21",
    },
} as const satisfies Record<string, Source>;

// ---- limits, roles, endpoints --------------------------------------------------------------------------------

/** Limits of a Foundry resource (per subscription and region where stated). */
export const FOUNDRY_LIMITS = {
    /** Model deployments per Foundry resource (account). */
    deploymentsPerAccount: 32,
    /** Projects per Foundry resource. */
    projectsPerAccount: 250,
    /** Foundry resources per region per subscription. */
    accountsPerRegion: 100,
    source: FOUNDRY_SOURCES.quotasLimits,
} as const;

/**
 * Spillover: a provisioned deployment sends what it cannot serve (429, too-long context, 500/503) to a standard
 * deployment of the same model and version in the same account (`properties.spilloverDeploymentName`). Microsoft
 * documents it for Azure OpenAI provisioned deployments only (format `OpenAI`); the standard deployment's data
 * processing level matches the provisioned one's.
 */
export const FOUNDRY_SPILLOVER = {
    /** The standard SKU a provisioned SKU spills over to. */
    standardFor: {
        GlobalProvisionedManaged: "GlobalStandard",
        DataZoneProvisionedManaged: "DataZoneStandard",
        ProvisionedManaged: "Standard",
    } as Readonly<Record<string, string>>,
    /** Model formats Microsoft documents spillover for. */
    formats: ["OpenAI"] as readonly string[],
    source: FOUNDRY_SOURCES.spillover,
} as const;

/** Custom blocklists of a Foundry account's content filters (`accounts/raiBlocklists` and their items). */
export const FOUNDRY_BLOCKLIST_LIMITS = {
    /** Terms (items) in one blocklist. */
    itemsPerList: 10_000,
    /** Characters in one term (`pattern`). */
    patternLength: 1_000,
    source: FOUNDRY_SOURCES.blocklists,
} as const;

/** `sku.capacity` of a standard deployment counts units of this many tokens per minute. */
export const FOUNDRY_CAPACITY_UNIT_TPM = { tokensPerMinute: 1_000, source: FOUNDRY_SOURCES.capacityUnit } as const;

/** Data-plane access with Entra ID to a Foundry resource and its projects. */
export const FOUNDRY_USER = {
    name: "Foundry User",
    formerName: "Azure AI User",
    id: "53ca6127-db72-4b80-b1b0-d745d6d5456d",
    source: FOUNDRY_SOURCES.roles,
} as const;

/** Creates accounts, deployments and content filters (the deployer's role; Owner and Contributor include it). */
export const COGNITIVE_SERVICES_CONTRIBUTOR = {
    name: "Cognitive Services Contributor",
    id: "25fbc0a9-bd7c-42a3-aa1a-3b75d497ee68",
    source: FOUNDRY_SOURCES.roles,
} as const;

/** Where clients reach a Foundry resource; `<sub>` is the account's custom subdomain. */
export const FOUNDRY_ENDPOINTS = {
    /** OpenAI-compatible v1 API: send the deployment name as `model`. */
    openAiV1: (sub: string) => `https://${sub}.openai.azure.com/openai/v1/`,
    /** Foundry endpoint of the account; a project's is `<this>api/projects/<project>`. */
    services: (sub: string) => `https://${sub}.services.ai.azure.com/`,
    project: (sub: string, project: string) => `https://${sub}.services.ai.azure.com/api/projects/${project}`,
    /** Scope of the Entra ID token a client sends. */
    entraScope: "https://cognitiveservices.azure.com/.default",
    source: FOUNDRY_SOURCES.resources,
} as const;

/** The content filter a deployment gets when it names none. */
export const DEFAULT_RAI_POLICY = { name: "Microsoft.DefaultV2", source: FOUNDRY_SOURCES.resources } as const;

// ---- regions --------------------------------------------------------------------------------------------------

/** Global standard regions of the models sold directly by Azure ("all regions" in the model tables). */
export const FOUNDRY_GLOBAL_STANDARD_REGIONS = [
    "australiaeast",
    "brazilsouth",
    "canadacentral",
    "canadaeast",
    "centralus",
    "eastus",
    "eastus2",
    "francecentral",
    "germanywestcentral",
    "italynorth",
    "japaneast",
    "japanwest",
    "koreacentral",
    "northcentralus",
    "norwayeast",
    "polandcentral",
    "southafricanorth",
    "southcentralus",
    "southindia",
    "spaincentral",
    "swedencentral",
    "switzerlandnorth",
    "switzerlandwest",
    "uaenorth",
    "uksouth",
    "westcentralus",
    "westeurope",
    "westus",
    "westus2",
    "westus3",
] as const;

/** Global provisioned (PTU) regions of the models sold by Azure that offer it: the same 30 as Global standard. */
export const FOUNDRY_GLOBAL_PROVISIONED_REGIONS: readonly string[] = FOUNDRY_GLOBAL_STANDARD_REGIONS;

/** Global standard regions of partner (Marketplace) models on Foundry. */
export const FOUNDRY_MARKETPLACE_REGIONS = [
    "brazilsouth",
    "canadacentral",
    "canadaeast",
    "centralus",
    "eastus",
    "eastus2",
    "northcentralus",
    "southcentralus",
    "westcentralus",
    "westus",
    "westus2",
    "westus3",
    "francecentral",
    "germanywestcentral",
    "italynorth",
    "norwayeast",
    "polandcentral",
    "spaincentral",
    "swedencentral",
    "switzerlandnorth",
    "switzerlandwest",
    "uksouth",
    "ukwest",
    "westeurope",
    "australiaeast",
    "japaneast",
    "japanwest",
    "koreacentral",
    "southindia",
    "southafricanorth",
    "uaenorth",
] as const;

/**
 * The regions of the "US" and "EU" data zones, as the Data zone standard matrix ticks them for the Mistral models
 * sold by Azure (the model tables say "Data zone standard (US and EU)").
 */
export const FOUNDRY_DATA_ZONES: Readonly<Record<DataZone, readonly string[]>> = {
    US: [
        "centralus",
        "eastus",
        "eastus2",
        "northcentralus",
        "southcentralus",
        "westcentralus",
        "westus",
        "westus2",
        "westus3",
    ],
    EU: [
        "francecentral",
        "germanywestcentral",
        "italynorth",
        "polandcentral",
        "spaincentral",
        "swedencentral",
        "westeurope",
    ],
};

// ---- offers ---------------------------------------------------------------------------------------------------

/** Rates of a Global standard deployment (the quotas page's rows for Llama 3.3, Maverick and "rest of models"). */
const DEFAULT_RATES: FoundryRateLimits = {
    tokensPerMinute: 400_000,
    requestsPerMinute: 1_000,
    concurrentRequests: 300,
    source: FOUNDRY_SOURCES.quotasLimits,
};
const PARTNER_RATES: FoundryRateLimits = {
    ...DEFAULT_RATES,
    source: {
        ...FOUNDRY_SOURCES.quotasLimits,
        note: 'unverified: Microsoft publishes no limits for Marketplace models on Foundry; the "rest of models" row of the models sold by Azure is assumed',
    },
};

const globalStandard = (regions: readonly string[], source: Source): FoundrySkuOffer => ({
    sku: "GlobalStandard",
    regions,
    source,
});

/** GA in the retirement schedule of 2026-07-07, which lists every model of this table as GA. */
const GA: OfferStage = {
    stage: "GA",
    source: { ...FOUNDRY_SOURCES.lifecycle, note: "Lifecycle column: GA" },
};

function direct(
    o: Pick<FoundryOffer, "name" | "format" | "version" | "registry"> & Partial<FoundryOffer>,
): FoundryOffer {
    return {
        stage: GA,
        versionSource: FOUNDRY_SOURCES.modelCards,
        soldBy: "Azure",
        skus: [globalStandard(FOUNDRY_GLOBAL_STANDARD_REGIONS, FOUNDRY_SOURCES.globalStandardMatrix)],
        rateLimits: DEFAULT_RATES,
        source: FOUNDRY_SOURCES.azureDirect,
        ...o,
    };
}

function partner(name: string, format: string, registry: string, version: string): FoundryOffer {
    return {
        name,
        format,
        version,
        versionSource: FOUNDRY_SOURCES.marketplaceMatrix,
        stage: GA,
        soldBy: "Partner",
        registry,
        skus: [globalStandard(FOUNDRY_MARKETPLACE_REGIONS, FOUNDRY_SOURCES.marketplaceMatrix)],
        rateLimits: PARTNER_RATES,
        source: FOUNDRY_SOURCES.marketplaceMatrix,
    };
}

/** Mistral Document AI: document OCR on its own route, not chat completions. */
const DOCUMENT_OCR = {
    kind: "ocr",
    source: {
        ...FOUNDRY_SOURCES.azureDirect,
        note: "Mistral Document AI: document OCR (image or PDF to text), not chat",
    },
} as const;

/** Data zone standard in the US and EU zones, as the matrix offers it for the Mistral models sold by Azure. */
const DATA_ZONE_STANDARD: FoundrySkuOffer = {
    sku: "DataZoneStandard",
    regions: [...FOUNDRY_DATA_ZONES.US, ...FOUNDRY_DATA_ZONES.EU],
    dataZones: FOUNDRY_DATA_ZONES,
    source: FOUNDRY_SOURCES.dataZoneMatrix,
};

const MISTRAL = "Mistral AI";
const META = "Meta";

/**
 * The Foundry offers, in table order. Each is the `foundry` offer of one catalog record (`MODELS`), whose name and
 * aliases find it: look models up with `findModel`, never in this list.
 */
export const FOUNDRY_OFFERS: readonly FoundryOffer[] = [
    partner("Ministral-3B", MISTRAL, "azureml-mistral", "1"),
    partner("mistral-small-2503", MISTRAL, "azureml-mistral", "1"),
    partner("mistral-medium-2505", MISTRAL, "azureml-mistral", "1"),
    partner("Codestral-2501", MISTRAL, "azureml-mistral", "2"),
    direct({
        name: "Mistral-Large-3",
        format: MISTRAL,
        registry: "azureml-mistral",
        version: "1",
        // The models page of 2026-10-05 marks it Preview; the retirement schedule of 2026-07-07 still said GA.
        stage: {
            stage: "preview",
            source: {
                ...FOUNDRY_SOURCES.azureDirect,
                note: "Mistral-Large-3 is marked Preview in the Mistral table at @0378dd85 (the schedule @00bb5540 of 2026-07-07 listed GA)",
            },
        },
        skus: [
            globalStandard(FOUNDRY_GLOBAL_STANDARD_REGIONS, FOUNDRY_SOURCES.globalStandardMatrix),
            DATA_ZONE_STANDARD,
        ],
    }),
    direct({
        name: "mistral-document-ai-2512",
        format: MISTRAL,
        registry: "azureml-mistral",
        version: "1",
        task: DOCUMENT_OCR,
        skus: [
            globalStandard(FOUNDRY_GLOBAL_STANDARD_REGIONS, FOUNDRY_SOURCES.globalStandardMatrix),
            DATA_ZONE_STANDARD,
        ],
    }),
    direct({
        name: "mistral-document-ai-2505",
        format: MISTRAL,
        registry: "azureml-mistral",
        version: "1",
        task: DOCUMENT_OCR,
        lifecycle: {
            retired: "2026-07-15",
            replacement: { on: "foundry", models: ["mistral-document-ai-2512"] },
            source: {
                ...FOUNDRY_SOURCES.lifecycle,
                note: "the row of Foundry Models sold by Azure, Mistral AI: GA, retires 2026-07-15, replaced by mistral-document-ai-2512 or mistral-ocr-4-0 (not in this catalog)",
            },
        },
    }),
    direct({
        name: "Llama-3.3-70B-Instruct",
        format: META,
        registry: "azureml-meta",
        version: "4",
        skus: [
            globalStandard(FOUNDRY_GLOBAL_STANDARD_REGIONS, FOUNDRY_SOURCES.globalStandardMatrix),
            {
                sku: "GlobalProvisionedManaged",
                regions: FOUNDRY_GLOBAL_PROVISIONED_REGIONS,
                provisioned: {
                    minimumUnits: 100,
                    increment: 100,
                    inputTokensPerMinutePerUnit: 8_450,
                    source: FOUNDRY_SOURCES.provisionedSizes,
                },
                source: FOUNDRY_SOURCES.provisionedMatrix,
            },
        ],
    }),
    direct({ name: "Llama-4-Maverick-17B-128E-Instruct-FP8", format: META, registry: "azureml-meta", version: "1" }),
    partner("Llama-4-Scout-17B-16E-Instruct", META, "azureml-meta", "1"),
];

/** The SKU offer of a model, if it has that SKU (names compared without case, as the policy pack compares them). */
export function foundrySku(offer: FoundryOffer, sku: string): FoundrySkuOffer | undefined {
    const name = sku.toLowerCase();
    return offer.skus.find((s) => s.sku.toLowerCase() === name);
}

/**
 * Why Azure refuses a provisioned deployment of this many PTUs (`sku.capacity`), or undefined when it accepts the
 * size (or the SKU is not provisioned): at least the model's minimum, in steps of its increment.
 */
export function provisionedSizeProblem(offer: FoundryOffer, sku: string, capacity: number): string | undefined {
    const p = foundrySku(offer, sku)?.provisioned;
    if (!p || (capacity >= p.minimumUnits && capacity % p.increment === 0)) return undefined;
    return `${capacity} PTUs: a ${sku} deployment of ${offer.name} takes ${p.minimumUnits} PTUs or more, in steps of ${p.increment} (${p.source.document}, ${p.source.date})`;
}

/**
 * What a provisioned deployment of this many PTUs draws on: the subscription's PTU quota of the deployment type in
 * the region (requested separately, shared by the models), not the model's tokens-per-minute quota.
 */
export function provisionedQuotaNote(offer: FoundryOffer, sku: string, capacity: number): string {
    const perUnit = foundrySku(offer, sku)?.provisioned?.inputTokensPerMinutePerUnit;
    const serves = perUnit
        ? `, serving about ${(capacity * perUnit).toLocaleString("en-US")} input tokens per minute`
        : "";
    return `${capacity} PTUs of ${offer.name} from the subscription's ${sku} PTU quota in the region (requested separately, shared by the models)${serves}`;
}

/**
 * Default quota of a model with a SKU per subscription and region, in capacity units (`sku.capacity`); undefined for
 * a provisioned SKU, whose capacity is PTUs drawn from a PTU quota the catalog does not know (`provisionedQuotaNote`).
 */
export function defaultFoundryQuota(offer: FoundryOffer, sku: string): number | undefined {
    if (foundrySku(offer, sku)?.provisioned) return undefined;
    return Math.floor(offer.rateLimits.tokensPerMinute / FOUNDRY_CAPACITY_UNIT_TPM.tokensPerMinute);
}

/** The data zone of a region, if it belongs to one of the offer's zones. */
export function dataZoneOf(sku: FoundrySkuOffer, region: string): DataZone | undefined {
    return (Object.keys(sku.dataZones ?? {}) as DataZone[]).find((z) => sku.dataZones?.[z]?.includes(region));
}
