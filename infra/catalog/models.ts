/**
 * Every model the MS docs deployment guides for Mistral, AI21 and Meta models name (`SOURCES.seed*`) and the hub
 * serverless models of 2026 (MS docs region-availability-maas.md and the retirement schedule: `SOURCES.*2026`), with the facts a deployment relies on. A model missing here can still be deployed: see
 * `customModels` in the stack config; models sold only on Foundry resources are the Foundry path's.
 */
import {
    DOCUMENT_AI_REGIONS,
    JAMBA_INSTRUCT_REGIONS,
    SERVERLESS_REGIONS,
    SERVERLESS_US_REGIONS,
    REGIONS_SOURCE,
} from "./regions";
import { FOUNDRY_OFFERS } from "./foundry";
import { SOURCES } from "./sources";
import type {
    Capabilities,
    Lifecycle,
    ManagedOffer,
    RateLimits,
    Replacement,
    Route,
    ServerlessOffer,
    Source,
} from "./types";
import type { ModelEntry } from "./modelEntry";

// ---- routes -------------------------------------------------------------------------------------------------

/** The Azure AI Inference SDK, the only official client of the model inference routes, retired on this day. */
const INFERENCE_SDK_RETIRED = "2026-08-26";

const INFO: Route = {
    api: "azure-ai-model-inference",
    kind: "info",
    method: "GET",
    path: "/info",
    sdkRetired: INFERENCE_SDK_RETIRED,
};
const CHAT: Route = {
    api: "azure-ai-model-inference",
    kind: "chat-completions",
    method: "POST",
    path: "/chat/completions",
    sdkRetired: INFERENCE_SDK_RETIRED,
};
const COMPLETIONS: Route = {
    api: "azure-ai-model-inference",
    kind: "completions",
    method: "POST",
    path: "/completions",
    sdkRetired: INFERENCE_SDK_RETIRED,
};
const NATIVE_CHAT: Route = {
    api: "provider-native",
    kind: "chat-completions",
    method: "POST",
    path: "/v1/chat/completions",
};
const NATIVE_COMPLETIONS: Route = {
    api: "provider-native",
    kind: "completions",
    method: "POST",
    path: "/v1/completions",
};

/** Mistral's own OCR route, what a serverless Mistral Document AI endpoint serves (bearer key, document in the body). */
const NATIVE_OCR: Route = { api: "provider-native", kind: "ocr", method: "POST", path: "/v1/ocr" };

/** Chat models served as serverless APIs: the inference API plus the provider's own chat route. */
const SERVERLESS_CHAT_ROUTES = [INFO, CHAT, NATIVE_CHAT] as const;
/** Base (text completion) models: the inference API plus the provider's completion route. */
const SERVERLESS_TEXT_ROUTES = [INFO, COMPLETIONS, NATIVE_COMPLETIONS] as const;
/**
 * The Azure AI Model Inference API alone, by task: what managed compute serves (MS docs "How to use Mistral-7B and Mixtral chat models": `SOURCES.seedMistralManaged`), and what a model added
 * through `customModels` is assumed to serve.
 */
export const INFERENCE_API_ROUTES = { chat: [INFO, CHAT], completions: [INFO, COMPLETIONS] } as const satisfies Record<
    string,
    readonly Route[]
>;
const MANAGED_CHAT_ROUTES = INFERENCE_API_ROUTES.chat;
const MANAGED_TEXT_ROUTES = INFERENCE_API_ROUTES.completions;

// ---- shared facts -------------------------------------------------------------------------------------------

/** Per serverless deployment, whatever the model (the MS docs serverless guides: `SOURCES.rateLimits`). */
export const SERVERLESS_RATE_LIMITS: RateLimits = {
    tokensPerMinute: 200_000,
    requestsPerMinute: 1_000,
    source: SOURCES.rateLimits,
};

function serverless(
    registry: string,
    name: string,
    regions: readonly string[],
    routes: readonly Route[],
    lifecycle?: Lifecycle,
): ServerlessOffer {
    return {
        modelId: `azureml://registries/${registry}/models/${name}`,
        regions,
        regionsSource: REGIONS_SOURCE,
        routes,
        rateLimits: SERVERLESS_RATE_LIMITS,
        ...(lifecycle ? { lifecycle } : {}),
    };
}

function lifecycle(dates: Omit<Lifecycle, "source">, note?: string, source: Source = SOURCES.lifecycle): Lifecycle {
    return { ...dates, source: note ? { ...source, note } : source };
}

/** A replacement that is a catalog model (matched case-insensitively; messages give the catalog's spelling). */
const to = (model: string): Replacement => ({ on: "catalog", model });
/** Replacements offered only as deployments of a Foundry resource (`azure-ai-models:foundry`). */
const onFoundry = (...models: string[]): Replacement => ({ on: "foundry", models });
/** The schedule names no successor on Azure ("N/A"). */
const NONE: Replacement = { on: "none" };

function caps(c: Omit<Capabilities, "source">, source: Source = SOURCES.inferenceApi): Capabilities {
    return { ...c, source };
}

const MISTRAL_CHAT = caps({ systemRole: true, jsonMode: false, tools: false, documents: false });
const MISTRAL_AGENTIC = caps({ systemRole: true, jsonMode: false, tools: true, documents: false });
const NO_SYSTEM_CHAT = caps(
    { systemRole: false, jsonMode: false, tools: false, documents: false },
    { ...SOURCES.seedMistralManaged, note: "system messages are rewritten as user messages" },
);
const TEXT_ONLY = caps({ systemRole: false, jsonMode: false, tools: false, documents: false });
const LLAMA_CHAT = caps({ systemRole: true, jsonMode: false, tools: false, documents: false });

const LLAMA3_LIFECYCLE = (replacement: string) =>
    lifecycle({ legacy: "2025-02-28", deprecated: "2025-03-31", retired: "2025-06-30", replacement: to(replacement) });
const LLAMA2_SERVERLESS_LIFECYCLE = lifecycle({ retired: "2025-06-30" });
const LLAMA2_MANAGED_LIFECYCLE = lifecycle(
    { retired: "2025-06-30" },
    "the Llama-2-7b-chat registry asset carries the same dates in its tags (Azure/azureml-assets)",
);

/** The seeds offer the shared quota pool (endpoint deleted after 168 hours) for these open models. */
const SHARED_QUOTA = { sharedQuota: true, sharedQuotaSource: SOURCES.sharedQuota } as const;

function managed(offer: Omit<ManagedOffer, "routes"> & { routes?: readonly Route[] }): ManagedOffer {
    return { routes: MANAGED_CHAT_ROUTES, ...offer };
}

const LLAMA2_SIZES = [
    "Standard_NC12s_v3",
    "Standard_NC24s_v3",
    "Standard_ND40rs_v2",
    "Standard_ND96asr_v4",
    "Standard_ND96amsr_A100_v4",
];

function llama2(name: string, displayName: string, chat: boolean, version?: number): ModelEntry {
    return {
        name,
        displayName,
        aliases: [],
        family: "meta-llama",
        publisher: "Meta",
        registry: "azureml-meta",
        serverless: serverless(
            "azureml-meta",
            name,
            SERVERLESS_US_REGIONS,
            chat ? SERVERLESS_CHAT_ROUTES : SERVERLESS_TEXT_ROUTES,
            LLAMA2_SERVERLESS_LIFECYCLE,
        ),
        managed: managed({
            assetName: name,
            ...SHARED_QUOTA,
            ...(version !== undefined ? { version, versionSource: SOURCES.seedLlama } : {}),
            allowedInstanceTypes: LLAMA2_SIZES,
            routes: chat ? MANAGED_CHAT_ROUTES : MANAGED_TEXT_ROUTES,
            lifecycle: LLAMA2_MANAGED_LIFECYCLE,
            source: SOURCES.llama2Asset,
        }),
        capabilities: chat ? LLAMA_CHAT : TEXT_ONLY,
        source: SOURCES.seedLlama,
    };
}

/** Serverless facts of 2026: offers Microsoft sells to hub projects, region table of 2026-02-17. */
interface Maas2026 {
    name: string;
    displayName: string;
    aliases: readonly string[];
    family: "mistral" | "meta-llama";
    regions: readonly string[];
    regionsSource?: Source;
    routes?: readonly Route[];
    lifecycle?: Lifecycle;
    capabilities: Capabilities;
}

function maas2026(m: Maas2026): ModelEntry {
    const [publisher, registry] = m.family === "mistral" ? ["Mistral AI", "azureml-mistral"] : ["Meta", "azureml-meta"];
    const offer = serverless(registry, m.name, m.regions, m.routes ?? SERVERLESS_CHAT_ROUTES, m.lifecycle);
    return {
        name: m.name,
        displayName: m.displayName,
        aliases: m.aliases,
        family: m.family,
        publisher,
        registry,
        serverless: { ...offer, regionsSource: m.regionsSource ?? SOURCES.regionsMaas2026 },
        capabilities: m.capabilities,
        source: SOURCES.deployServerless2026,
    };
}

/** Generally available with no retirement date in the schedule of 2026-07-07. */
const GA_2026 = lifecycle({}, "generally available, no retirement date scheduled", SOURCES.lifecycle2026);
/** Llama 3.1 and the Llama 3.2 vision models: legacy, deprecated and retired in 2026. */
const LLAMA_2026 = (replacement: Replacement) =>
    lifecycle(
        { legacy: "2026-02-13", deprecated: "2026-03-13", retired: "2026-06-13", replacement },
        undefined,
        SOURCES.lifecycle2026,
    );
/** What the 2026 models are known to accept: a system role; tools and JSON mode are not claimed without a source. */
const CHAT_2026 = caps(
    { systemRole: true, jsonMode: false, tools: false, documents: false },
    { ...SOURCES.deployServerless2026, note: "tools and JSON mode not confirmed for the serverless routes" },
);
const TEXT_2026 = caps(
    { systemRole: false, jsonMode: false, tools: false, documents: false },
    SOURCES.deployServerless2026,
);

/** The serverless models of 2026 (MS docs region-availability-maas.md @298e0e31 and the retirement schedule), after the seed models. */
const MODELS_2026: readonly ModelEntry[] = [
    maas2026({
        name: "Codestral-2501",
        displayName: "Codestral (25.01)",
        aliases: ["Codestral 25.01", "Codestral 2501"],
        family: "mistral",
        regions: SERVERLESS_REGIONS,
        lifecycle: GA_2026,
        capabilities: CHAT_2026,
    }),
    maas2026({
        name: "mistral-small-2503",
        displayName: "Mistral Small 3.1 (25.03)",
        aliases: ["Mistral Small 25.03", "Mistral Small 2503", "Mistral Small 3.1"],
        family: "mistral",
        regions: SERVERLESS_REGIONS,
        lifecycle: GA_2026,
        capabilities: CHAT_2026,
    }),
    maas2026({
        name: "mistral-medium-2505",
        displayName: "Mistral Medium 3 (25.05)",
        aliases: ["Mistral Medium 25.05", "Mistral Medium 2505", "Mistral Medium 3"],
        family: "mistral",
        regions: SERVERLESS_REGIONS,
        lifecycle: GA_2026,
        capabilities: CHAT_2026,
    }),
    maas2026({
        name: "mistral-document-ai-2505",
        displayName: "Mistral Document AI (25.05)",
        aliases: ["Mistral Document AI 25.05", "Mistral Document AI 2505"],
        family: "mistral",
        regions: DOCUMENT_AI_REGIONS,
        routes: [NATIVE_OCR],
        lifecycle: lifecycle(
            { retired: "2026-07-15", replacement: onFoundry("mistral-document-ai-2512") },
            "mistral-document-ai-2512 is sold directly by Azure on Foundry resources only",
            SOURCES.lifecycle2026,
        ),
        capabilities: caps(
            { systemRole: false, jsonMode: false, tools: false, documents: false },
            { ...SOURCES.deployServerless2026, note: "document OCR, not chat: POST /v1/ocr with the key as bearer" },
        ),
    }),
    maas2026({
        name: "Llama-3.3-70B-Instruct",
        displayName: "Llama 3.3 70B Instruct",
        aliases: ["Llama 3.3 70B Instruct", "Meta-Llama-3.3-70B-Instruct"],
        family: "meta-llama",
        regions: SERVERLESS_REGIONS,
        lifecycle: GA_2026,
        capabilities: CHAT_2026,
    }),
    // No row in the schedule of 2026-07-07: the catalog records no lifecycle for them.
    maas2026({
        name: "Llama-3.2-1B-Instruct",
        displayName: "Llama 3.2 1B Instruct",
        aliases: ["Llama 3.2 1B Instruct", "Meta-Llama-3.2-1B-Instruct"],
        family: "meta-llama",
        regions: SERVERLESS_REGIONS,
        capabilities: CHAT_2026,
    }),
    maas2026({
        name: "Llama-3.2-3B-Instruct",
        displayName: "Llama 3.2 3B Instruct",
        aliases: ["Llama 3.2 3B Instruct", "Meta-Llama-3.2-3B-Instruct"],
        family: "meta-llama",
        regions: SERVERLESS_REGIONS,
        capabilities: CHAT_2026,
    }),
    maas2026({
        name: "Meta-Llama-3.1-8B-Instruct",
        displayName: "Meta Llama 3.1 8B Instruct",
        aliases: ["Llama-3.1-8B-Instruct", "Llama 3.1 8B Instruct"],
        family: "meta-llama",
        regions: SERVERLESS_REGIONS,
        lifecycle: LLAMA_2026(NONE),
        capabilities: CHAT_2026,
    }),
    maas2026({
        name: "Meta-Llama-3.1-405B-Instruct",
        displayName: "Meta Llama 3.1 405B Instruct",
        aliases: ["Llama-3.1-405B-Instruct", "Llama 3.1 405B Instruct"],
        family: "meta-llama",
        // Not in Sweden Central.
        regions: SERVERLESS_US_REGIONS,
        lifecycle: LLAMA_2026(NONE),
        capabilities: CHAT_2026,
    }),
    maas2026({
        name: "Meta-Llama-3.1-8B",
        displayName: "Meta Llama 3.1 8B",
        aliases: ["Llama-3.1-8B", "Llama 3.1 8B"],
        family: "meta-llama",
        regions: SERVERLESS_REGIONS,
        routes: SERVERLESS_TEXT_ROUTES,
        lifecycle: LLAMA_2026(NONE),
        capabilities: TEXT_2026,
    }),
    ...(["11B", "90B"] as const).map((size) =>
        maas2026({
            name: `Llama-3.2-${size}-Vision-Instruct`,
            displayName: `Llama 3.2 ${size} Vision Instruct`,
            aliases: [`Llama 3.2 ${size} Vision Instruct`, `Meta-Llama-3.2-${size}-Vision-Instruct`],
            family: "meta-llama",
            regions: SERVERLESS_REGIONS,
            lifecycle: LLAMA_2026(
                onFoundry("Llama-4-Maverick-17B-128E-Instruct-FP8", "Llama-4-Scout-17B-16E-Instruct"),
            ),
            capabilities: CHAT_2026,
        }),
    ),
    maas2026({
        name: "Meta-Llama-3.1-70B-Instruct",
        displayName: "Meta Llama 3.1 70B Instruct",
        aliases: ["Llama-3.1-70B-Instruct", "Llama 3.1 70B Instruct"],
        family: "meta-llama",
        // Retired before the 2026 region table: the regions are those of its family in the earlier tables.
        regions: SERVERLESS_REGIONS,
        regionsSource: { ...SOURCES.regionsMaas, note: "Llama 3.1 family regions; no longer listed in 2026" },
        lifecycle: lifecycle(
            { retired: "2025-06-30", replacement: to("Llama-3.3-70B-Instruct") },
            undefined,
            SOURCES.lifecycle2026,
        ),
        capabilities: CHAT_2026,
    }),
];

// ---- the catalog --------------------------------------------------------------------------------------------

const HUB_MODELS: readonly ModelEntry[] = [
    // Mistral premium models and Mistral Nemo: serverless through Azure Marketplace (`SOURCES.seedMistral`, `SOURCES.seedMistralOld`).
    {
        name: "Mistral-large",
        displayName: "Mistral Large (2402)",
        aliases: ["Mistral Large", "Mistral-large-2402", "Mistral Large 2402"],
        family: "mistral",
        publisher: "Mistral AI",
        registry: "azureml-mistral",
        serverless: serverless(
            "azureml-mistral",
            "Mistral-large",
            SERVERLESS_REGIONS,
            SERVERLESS_CHAT_ROUTES,
            lifecycle({ legacy: "2024-12-15", deprecated: "2025-01-15", retired: "2025-04-15" }),
        ),
        capabilities: MISTRAL_CHAT,
        source: SOURCES.seedMistral,
    },
    {
        name: "Mistral-large-2407",
        displayName: "Mistral Large (2407)",
        aliases: ["Mistral Large 2407"],
        family: "mistral",
        publisher: "Mistral AI",
        registry: "azureml-mistral",
        serverless: serverless(
            "azureml-mistral",
            "Mistral-large-2407",
            SERVERLESS_REGIONS,
            SERVERLESS_CHAT_ROUTES,
            lifecycle({ legacy: "2025-01-13", deprecated: "2025-02-13", retired: "2025-05-13" }),
        ),
        capabilities: MISTRAL_AGENTIC,
        source: SOURCES.seedMistral,
    },
    {
        name: "Mistral-Large-2411",
        displayName: "Mistral Large (2411)",
        aliases: ["Mistral Large 2411", "Mistral-large-2411"],
        family: "mistral",
        publisher: "Mistral AI",
        registry: "azureml-mistral",
        serverless: serverless(
            "azureml-mistral",
            "Mistral-Large-2411",
            SERVERLESS_REGIONS,
            SERVERLESS_CHAT_ROUTES,
            lifecycle({ retired: "2026-01-30", replacement: to("mistral-medium-2505") }),
        ),
        capabilities: MISTRAL_AGENTIC,
        source: SOURCES.seedMistral,
    },
    {
        name: "Mistral-small",
        displayName: "Mistral Small",
        aliases: ["Mistral Small"],
        family: "mistral",
        publisher: "Mistral AI",
        registry: "azureml-mistral",
        serverless: serverless(
            "azureml-mistral",
            "Mistral-small",
            SERVERLESS_REGIONS,
            SERVERLESS_CHAT_ROUTES,
            lifecycle({
                legacy: "2025-03-31",
                deprecated: "2025-04-30",
                retired: "2025-07-31",
                replacement: to("mistral-small-2503"),
            }),
        ),
        capabilities: MISTRAL_CHAT,
        source: SOURCES.seedMistral,
    },
    {
        name: "Ministral-3B",
        displayName: "Ministral 3B",
        aliases: ["Ministral 3B", "Ministral3B"],
        family: "mistral",
        publisher: "Mistral AI",
        registry: "azureml-mistral",
        // GA with no retirement date in the schedule of 2026-07-07.
        serverless: serverless(
            "azureml-mistral",
            "Ministral-3B",
            SERVERLESS_REGIONS,
            SERVERLESS_CHAT_ROUTES,
            lifecycle({}, "generally available, no retirement date scheduled"),
        ),
        capabilities: MISTRAL_CHAT,
        source: SOURCES.seedMistral,
    },
    {
        name: "Mistral-Nemo",
        displayName: "Mistral Nemo",
        aliases: ["Mistral Nemo"],
        family: "mistral",
        publisher: "Mistral AI",
        registry: "azureml-mistral",
        serverless: serverless(
            "azureml-mistral",
            "Mistral-Nemo",
            SERVERLESS_REGIONS,
            SERVERLESS_CHAT_ROUTES,
            lifecycle({ retired: "2026-01-30", replacement: to("mistral-small-2503") }),
        ),
        capabilities: MISTRAL_CHAT,
        source: SOURCES.seedMistral,
    },

    // Mistral open models: managed compute in your own subscription, from the Microsoft registry (`SOURCES.seedMistral`, `SOURCES.seedMistralManaged`).
    {
        name: "mistralai-Mixtral-8x7B-Instruct-v01",
        displayName: "Mixtral-8x7B-Instruct-v01",
        aliases: ["Mixtral-8x7B-Instruct-v01", "Mixtral 8x7B Instruct"],
        family: "mistral",
        publisher: "Mistral AI",
        registry: "azureml",
        managed: managed({
            assetName: "mistralai-Mixtral-8x7B-Instruct-v01",
            ...SHARED_QUOTA,
            version: 11,
            versionSource: { ...SOURCES.mixtralAsset, note: "versions 10 and 11 seen" },
            allowedInstanceTypes: [
                "Standard_ND40rs_v2",
                "Standard_NC96ads_A100_v4",
                "Standard_ND96amsr_A100_v4",
                "Standard_ND96asr_v4",
            ],
            minimumSpec: { vCPUs: 40, gpus: 4 },
            source: SOURCES.mixtralAsset,
        }),
        capabilities: caps(
            { systemRole: true, jsonMode: false, tools: false, documents: false },
            SOURCES.seedMistralManaged,
        ),
        source: SOURCES.seedMistral,
    },
    {
        name: "mistralai-Mixtral-8x7B-v01",
        displayName: "Mixtral-8x7B-v01",
        aliases: ["Mixtral-8x7B-v01", "Mixtral 8x7B"],
        family: "mistral",
        publisher: "Mistral AI",
        registry: "azureml",
        managed: managed({
            assetName: "mistralai-Mixtral-8x7B-v01",
            ...SHARED_QUOTA,
            version: 14,
            versionSource: { ...SOURCES.managedSample, note: "version 14 on Standard_ND40rs_v2" },
            routes: MANAGED_TEXT_ROUTES,
            source: SOURCES.managedSample,
        }),
        capabilities: TEXT_ONLY,
        source: SOURCES.seedMistral,
    },
    {
        name: "mistralai-Mistral-7B-Instruct-v01",
        displayName: "Mistral-7B-Instruct-v01",
        aliases: ["Mistral-7B-Instruct-v01", "Mistral 7B Instruct"],
        family: "mistral",
        publisher: "Mistral AI",
        registry: "azureml",
        managed: managed({
            assetName: "mistralai-Mistral-7B-Instruct-v01",
            ...SHARED_QUOTA,
            version: 11,
            versionSource: SOURCES.seedMistralManaged,
            source: SOURCES.seedMistralManaged,
        }),
        capabilities: NO_SYSTEM_CHAT,
        source: SOURCES.seedMistral,
    },
    {
        name: "mistralai-Mistral-7B-Instruct-v0-2",
        displayName: "Mistral-7B-Instruct-v02",
        aliases: ["Mistral-7B-Instruct-v02", "Mistral-7B-Instruct-v0.2"],
        family: "mistral",
        publisher: "Mistral AI",
        registry: "azureml",
        managed: managed({
            assetName: "mistralai-Mistral-7B-Instruct-v0-2",
            ...SHARED_QUOTA,
            version: 6,
            versionSource: SOURCES.seedMistralManaged,
            source: SOURCES.seedMistralManaged,
        }),
        capabilities: NO_SYSTEM_CHAT,
        source: SOURCES.seedMistralManaged,
    },
    {
        name: "mistralai-Mistral-7B-v01",
        displayName: "Mistral-7B-v01",
        aliases: ["Mistral-7B-v01", "Mistral 7B"],
        family: "mistral",
        publisher: "Mistral AI",
        registry: "azureml",
        managed: managed({
            assetName: "mistralai-Mistral-7B-v01",
            ...SHARED_QUOTA,
            version: 3,
            versionSource: SOURCES.azuremlExamples,
            routes: MANAGED_TEXT_ROUTES,
            source: SOURCES.azuremlExamples,
        }),
        capabilities: TEXT_ONLY,
        source: SOURCES.seedMistral,
    },
    {
        name: "mistralai-Mixtral-8x22B-Instruct-v0-1",
        displayName: "Mixtral-8x22B-Instruct-v0-1",
        aliases: ["Mixtral-8x22B-Instruct-v0-1", "Mixtral-8x22B-Instruct"],
        family: "mistral",
        publisher: "Mistral AI",
        registry: "azureml",
        // No source pins a version: a deployment must name one.
        managed: managed({
            assetName: "mistralai-Mixtral-8x22B-Instruct-v0-1",
            ...SHARED_QUOTA,
            source: SOURCES.seedMistralManaged,
        }),
        capabilities: NO_SYSTEM_CHAT,
        source: SOURCES.seedMistralManaged,
    },

    // AI21 Jamba: serverless through Azure Marketplace (`SOURCES.seedJamba`).
    ...(
        [
            ["AI21-Jamba-1.5-Large", "AI21 Jamba 1.5 Large", "jamba-1.5-large"],
            ["AI21-Jamba-1.5-Mini", "AI21 Jamba 1.5 Mini", "jamba-1.5-mini"],
        ] as const
    ).map(([name, displayName, field]): ModelEntry => ({
        name,
        displayName,
        aliases: [displayName, field],
        family: "ai21-jamba",
        publisher: "AI21 Labs",
        registry: "azureml-ai21",
        serverless: serverless(
            "azureml-ai21",
            name,
            SERVERLESS_US_REGIONS,
            SERVERLESS_CHAT_ROUTES,
            // The 2026 schedule names no successor for Jamba ("N/A"), and no AI21 model is sold on Azure in 2026.
            lifecycle(
                { legacy: "2025-05-01", deprecated: "2025-07-01", retired: "2025-08-01", replacement: NONE },
                "replacement N/A; no AI21 model in any 2026 list",
                SOURCES.lifecycle2026,
            ),
        ),
        capabilities: caps(
            { systemRole: true, jsonMode: true, tools: true, documents: true, nativeModelField: field },
            SOURCES.seedJamba,
        ),
        source: SOURCES.seedJamba,
    })),
    {
        name: "AI21-Jamba-Instruct",
        displayName: "AI21 Jamba Instruct",
        aliases: ["Jamba Instruct", "jamba-instruct"],
        family: "ai21-jamba",
        publisher: "AI21 Labs",
        registry: "azureml-ai21",
        serverless: serverless(
            "azureml-ai21",
            "AI21-Jamba-Instruct",
            JAMBA_INSTRUCT_REGIONS,
            SERVERLESS_CHAT_ROUTES,
            lifecycle(
                { deprecated: "2025-02-01", retired: "2025-03-01", replacement: to("AI21-Jamba-1.5-Large") },
                "the schedule names AI21-Jamba-1.5-Large and AI21-Jamba-1.5-Mini",
            ),
        ),
        capabilities: caps(
            { systemRole: true, jsonMode: true, tools: true, documents: true, nativeModelField: "jamba-instruct" },
            SOURCES.seedJamba,
        ),
        source: SOURCES.seedJamba,
    },

    // Meta Llama 3: instruct models serverless through Azure Marketplace; base models for /completions (`SOURCES.seedLlama`).
    {
        name: "Meta-Llama-3-8B-Instruct",
        displayName: "Meta Llama 3 8B Instruct",
        aliases: ["Llama-3-8B-Instruct", "Llama 3 8B Instruct"],
        family: "meta-llama",
        publisher: "Meta",
        registry: "azureml-meta",
        serverless: serverless(
            "azureml-meta",
            "Meta-Llama-3-8B-Instruct",
            SERVERLESS_REGIONS,
            SERVERLESS_CHAT_ROUTES,
            LLAMA3_LIFECYCLE("Meta-Llama-3.1-8B-Instruct"),
        ),
        managed: managed({
            assetName: "Meta-Llama-3-8B-Instruct",
            version: 2,
            versionSource: SOURCES.deployManagedDoc,
            source: SOURCES.deployManagedDoc,
        }),
        capabilities: LLAMA_CHAT,
        source: SOURCES.seedLlama,
    },
    {
        name: "Meta-Llama-3-70B-Instruct",
        displayName: "Meta Llama 3 70B Instruct",
        aliases: ["Llama-3-70B-Instruct", "Llama 3 70B Instruct"],
        family: "meta-llama",
        publisher: "Meta",
        registry: "azureml-meta",
        serverless: serverless(
            "azureml-meta",
            "Meta-Llama-3-70B-Instruct",
            SERVERLESS_REGIONS,
            SERVERLESS_CHAT_ROUTES,
            LLAMA3_LIFECYCLE("Llama-3.3-70B-Instruct"),
        ),
        managed: managed({ assetName: "Meta-Llama-3-70B-Instruct", source: SOURCES.seedLlama }),
        capabilities: LLAMA_CHAT,
        source: SOURCES.seedLlama,
    },
    {
        // Seed 004 names the base models for /completions, but neither the lifecycle nor the region tables list a
        // serverless offer for them, so the catalog offers managed compute only (a custom model can override).
        name: "Meta-Llama-3-8B",
        displayName: "Meta Llama 3 8B",
        aliases: ["Llama-3-8B", "Llama 3 8B"],
        family: "meta-llama",
        publisher: "Meta",
        registry: "azureml-meta",
        managed: managed({
            assetName: "Meta-Llama-3-8B",
            version: 6,
            versionSource: { ...SOURCES.managedSample, note: "version 6 on Standard_NC12s_v3" },
            routes: MANAGED_TEXT_ROUTES,
            source: SOURCES.managedSample,
        }),
        capabilities: TEXT_ONLY,
        source: SOURCES.seedLlama,
    },
    {
        name: "Meta-Llama-3-70B",
        displayName: "Meta Llama 3 70B",
        aliases: ["Llama-3-70B", "Llama 3 70B"],
        family: "meta-llama",
        publisher: "Meta",
        registry: "azureml-meta",
        managed: managed({ assetName: "Meta-Llama-3-70B", routes: MANAGED_TEXT_ROUTES, source: SOURCES.seedLlama }),
        capabilities: TEXT_ONLY,
        source: SOURCES.seedLlama,
    },

    // Llama 2: managed compute example in `SOURCES.seedLlama` (version 27 of Llama-2-7b-chat); serverless retired.
    llama2("Llama-2-7b-chat", "Llama 2 7B Chat", true, 27),
    llama2("Llama-2-7b", "Llama 2 7B", false),
    llama2("Llama-2-13b-chat", "Llama 2 13B Chat", true),
    llama2("Llama-2-13b", "Llama 2 13B", false),
    llama2("Llama-2-70b-chat", "Llama 2 70B Chat", true),
    llama2("Llama-2-70b", "Llama 2 70B", false),
    // 2026: what Microsoft sells to hub projects now, and what it retires this year.
    ...MODELS_2026,
];

/** How people name the models offered only on a Foundry resource (their hub-less records). */
const FOUNDRY_ONLY: Readonly<Record<string, Pick<ModelEntry, "displayName" | "aliases" | "family">>> = {
    "Mistral-Large-3": { displayName: "Mistral Large 3", aliases: ["Mistral Large 3"], family: "mistral" },
    "mistral-document-ai-2512": {
        displayName: "Mistral Document AI 25.12",
        aliases: ["Mistral Document AI 25.12", "Mistral Document AI 2512"],
        family: "mistral",
    },
    "Llama-4-Maverick-17B-128E-Instruct-FP8": {
        displayName: "Llama 4 Maverick 17B 128E Instruct FP8",
        aliases: ["Llama 4 Maverick", "Llama-4-Maverick"],
        family: "meta-llama",
    },
    "Llama-4-Scout-17B-16E-Instruct": {
        displayName: "Llama 4 Scout 17B 16E Instruct",
        aliases: ["Llama 4 Scout", "Llama-4-Scout"],
        family: "meta-llama",
    },
};

/**
 * One record per model: a hub model gets its Foundry offer where it has one (same name), and a model offered only on
 * Foundry gets a record of its own, named as `FOUNDRY_ONLY` says.
 */
function joinFoundryOffers(hub: readonly ModelEntry[]): ModelEntry[] {
    const offers = new Map(FOUNDRY_OFFERS.map((o) => [o.name, o]));
    const records = hub.map((m) => {
        const foundry = offers.get(m.name);
        offers.delete(m.name);
        return foundry ? { ...m, foundry } : m;
    });
    for (const offer of offers.values()) {
        const naming = FOUNDRY_ONLY[offer.name];
        if (!naming) throw new Error(`Foundry offer ${offer.name} has no catalog record: name it in FOUNDRY_ONLY`);
        records.push({
            name: offer.name,
            ...naming,
            publisher: offer.format,
            registry: offer.registry,
            foundry: offer,
            source: offer.source,
        });
    }
    return records;
}

/** Every model of the catalog, one record each, with its hub and Foundry offers. */
export const MODELS: readonly ModelEntry[] = joinFoundryOffers(HUB_MODELS);
