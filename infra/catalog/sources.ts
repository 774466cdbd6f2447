import type { Source } from "./types";

/**
 * The documents the catalog's facts come from: each entry names the Microsoft Learn page (or other public source) a
 * fact was taken from. The seeds are the original documents (some not in English); later entries are the sources
 * that corrected or added to them.
 * Where a document version carries no date, `date` is the day the fact was checked against it.
 */
export const SOURCES = {
    seedMistral: {
        document: "MS docs: Deploy Mistral family models with Azure Machine Learning studio (seed 000, nl-NL)",
        date: "2026-11-21",
    },
    seedMistralManaged: {
        document: "MS docs: How to use Mistral-7B and Mixtral chat models (seed 001, zh-CN)",
        date: "2026-11-21",
    },
    seedMistralOld: {
        document: "MS docs: Deploy Mistral models with Azure Machine Learning studio, older version (seed 002, ja-JP)",
        date: "2026-11-21",
    },
    seedJamba: {
        document: "MS docs: Deploy AI21 Jamba family models with Azure AI Foundry (seed 003, ru-RU)",
        date: "2026-11-21",
    },
    seedLlama: {
        document: "MS docs: Deploy Meta Llama models with Azure AI Studio (seed 004, nl-NL)",
        date: "2026-11-21",
    },
    lifecycle: {
        document: "MS docs articles/ai-foundry/concepts/model-lifecycle-retirement.md (retirement schedule)",
        date: "2026-07-07",
    },
    regionsMaas: {
        document: "MS docs region-availability-maas.md (serverless API region availability, 2024-2026 versions)",
        date: "2026-11-21",
    },
    rateLimits: {
        document: "MS docs serverless rate limits, as stated in seeds 000, 003 and 004",
        date: "2026-11-21",
    },
    inferenceApi: {
        document: "Azure AI Model Inference API and provider-native routes, as stated in seeds 000, 001, 003 and 004",
        date: "2026-11-21",
    },
    mixtralAsset: {
        document: "Azure/azureml-assets: mistralai-Mixtral-8x7B-Instruct-v01 spec (allowed SKUs, min spec)",
        date: "2026-11-21",
    },
    llama2Asset: {
        document: "Azure/azureml-assets: Llama-2-7b-chat spec (allowed SKUs, lifecycle tags)",
        date: "2026-11-21",
    },
    azuremlExamples: {
        document: "Azure/azureml-examples: Mistral-7B-v01 managed deployment sample (version 3 on Standard_NC12s_v3)",
        date: "2026-11-21",
    },
    managedSample: {
        document: "public managed-compute deployment sample listing model ids and VM sizes, tested 2024-10-09",
        date: "2024-10-09",
    },
    deployManagedDoc: {
        document: "MS docs deploy-models-managed.md (model id example Meta-Llama-3-8B-Instruct/versions/2)",
        date: "2026-11-21",
    },
    sharedQuota: {
        document:
            'Shared quota option ("use shared quota and I acknowledge that this endpoint will be deleted in 168 hours") offered in seeds 001 (Mistral-7B, Mixtral) and 004 (Llama 2)',
        date: "2026-11-21",
    },
    // ---- 2026: MicrosoftDocs/azure-ai-docs path@commit ----
    regionsMaas2026: {
        document:
            "MicrosoftDocs/azure-ai-docs articles/ai-foundry/foundry-classic/includes/region-availability-maas.md@298e0e31 (hub/project regions for serverless deployment)",
        date: "2026-02-17",
        note: "the 2025-11-24 version (articles/ai-foundry/includes/region-availability-maas.md@0b6d261c) lists the same regions",
    },
    lifecycle2026: {
        document:
            "MicrosoftDocs/azure-ai-docs articles/ai-foundry/concepts/model-lifecycle-retirement.md@00bb5540 (retirement schedule, Foundry Models sold by partners)",
        date: "2026-07-07",
    },
    deployServerless2026: {
        document:
            "MicrosoftDocs/azure-ai-docs articles/ai-foundry/foundry-classic/how-to/deploy-models-serverless.md@26a2e92d",
        date: "2026-01-26",
    },
    inferenceSdkRetirement: {
        document:
            "MicrosoftDocs/azure-ai-docs articles/ai-foundry/foundry/includes/migrate-model-inference-to-v1-openai.md@e5983c17 (Azure AI Inference SDK retires 2026-08-26; an earlier revision said 2026-05-30)",
        date: "2026-12-01",
    },
    openaiClients2026: {
        document:
            "MicrosoftDocs/azure-ai-docs articles/ai-foundry/foundry-classic/how-to/model-inference-to-openai-migration.md@1e24bdf9 (OpenAI SDK against /openai/v1/, model = deployment name)",
        date: "2026-12-01",
    },
    vmSkuList2025: {
        document:
            "MicrosoftDocs/azure-ai-docs articles/machine-learning/reference-managed-online-endpoints-vm-sku-list.md@43dc14ea (H100 sizes, 20% reserve exemption)",
        date: "2025-10-18",
    },
    tagLimits: {
        document:
            "MicrosoftDocs/azure-docs articles/azure-resource-manager/management/tag-resources.md@ccf574a5 (Limitations: at most 50 tag name/value pairs per resource; names up to 512 characters, 128 on storage accounts; values up to 256; names without < > % & \\ ? /)",
        date: "2026-12-06",
    },
    ipRuleLimits: {
        document:
            "MicrosoftDocs/azure-ai-docs articles/ai-services/cognitive-services-virtual-networks.md@0915cbd5 (Grant access from an internet IP range: IPv4 addresses or CIDR ranges, no /31 or /32 ranges, no private ranges 10.*, 172.16-31.*, 192.168.*, at most 100 IP network rules per resource)",
        date: "2026-12-06",
    },
} as const satisfies Record<string, Source>;
