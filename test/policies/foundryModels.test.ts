/**
 * The model rules that existed for the hub path, on Foundry resources (cognitiveservices Account and Deployment):
 * allowed-regions, approved-models, no-retired-models and model-available-in-region.
 */
import { describe, expect, it } from "vitest";
import { allowedRegions } from "../../policies/rules/allowedRegions";
import { approvedModels } from "../../policies/rules/approvedModels";
import { modelAvailableInRegion } from "../../policies/rules/modelAvailableInRegion";
import { noRetiredModels } from "../../policies/rules/noRetiredModels";
import { oneDeploymentPerModel } from "../../policies/rules/oneDeploymentPerModel";
import {
    LLAMA_MAVERICK,
    MISTRAL_LARGE_3,
    PULUMI_UNKNOWN,
    TODAY,
    foundryAccount,
    foundryDeployment,
    verdict,
} from "./harness";

const GPT_4O = { format: "OpenAI", name: "gpt-4o", version: "2024-11-20" };
const DOC_AI_2505 = { format: "Mistral AI", name: "mistral-document-ai-2505", version: "1" };
const AZURE_DIRECT =
    "MicrosoftDocs/azure-ai-docs articles/foundry/foundry-models/includes/models-azure-direct-others.md @07a330ef and @0378dd85, 2026-10-05";

describe("allowed-regions on Foundry accounts", () => {
    it("judges an account's location like any other", () => {
        expect(verdict(allowedRegions, { resources: [foundryAccount("foundry", { location: "westeurope" })] })).toEqual(
            [
                'cognitiveservices.Account "foundry" is in region "westeurope", which is not allowed. ' +
                    "Allowed regions: eastus, eastus2, northcentralus, southcentralus, westus, westus3 and swedencentral. " +
                    'Set its location to one of them, or add "westeurope" to the allowed-regions config (allowedRegions).',
            ],
        );
    });
});

describe("approved-models on Foundry deployments", () => {
    it("approves catalog models through their registry", () => {
        const resources = [foundryDeployment("large", MISTRAL_LARGE_3), foundryDeployment("maverick", LLAMA_MAVERICK)];
        expect(verdict(approvedModels, { resources })).toEqual([]);
    });

    it("refuses a model outside the catalog until its publisher or name is allowed", () => {
        const resources = [foundryDeployment("gpt", GPT_4O)];
        expect(verdict(approvedModels, { resources })).toEqual([
            'cognitiveservices.Deployment "gpt" deploys "OpenAI" gpt-4o version 2024-11-20 (not a Foundry model of the catalog), which is not an approved model. ' +
                "Approved: registries azureml-mistral, azureml, azureml-ai21 and azureml-meta. " +
                'Deploy an approved model, or add it to the approved-models config (allowedPublishers "OpenAI", or allowedFoundryModels "OpenAI/gpt-4o").',
        ]);
        expect(verdict(approvedModels, { resources, config: { allowedPublishers: ["openai"] } })).toEqual([]);
        expect(verdict(approvedModels, { resources, config: { allowedFoundryModels: ["OpenAI/gpt-4o*"] } })).toEqual(
            [],
        );
    });

    it("refuses a catalog model whose registry is not allowed, unless its model id is", () => {
        const resources = [foundryDeployment("maverick", LLAMA_MAVERICK)];
        const config = { allowedRegistries: ["azureml-mistral"] };
        expect(verdict(approvedModels, { resources, config })).toEqual([
            'cognitiveservices.Deployment "maverick" deploys "Meta" Llama-4-Maverick-17B-128E-Instruct-FP8 version 1 (registry "azureml-meta"), which is not an approved model. ' +
                "Approved: registries azureml-mistral. " +
                'Deploy an approved model, or add it to the approved-models config (allowedPublishers "Meta", or allowedFoundryModels "Meta/Llama-4-Maverick-17B-128E-Instruct-FP8").',
        ]);
        expect(
            verdict(approvedModels, { resources, config: { ...config, allowedModelIds: ["*/models/Llama-4-*"] } }),
        ).toEqual([]);
    });

    it("refuses a model whose name is unknown during the preview or whose format is not set: nothing can approve it", () => {
        const approved = "Approved: registries azureml-mistral, azureml, azureml-ai21 and azureml-meta.";
        expect(
            verdict(approvedModels, {
                resources: [foundryDeployment("x", { format: "OpenAI", name: PULUMI_UNKNOWN })],
            }),
        ).toEqual([
            'cognitiveservices.Deployment "x" deploys "OpenAI" (unknown model) but properties.model.name is unknown during the preview, so it cannot be approved: an unapproved model. ' +
                `Set properties.model.format and properties.model.name to a known value of an approved model (${approved.slice(0, -1).replace("Approved", "approved")}).`,
        ]);
        expect(verdict(approvedModels, { resources: [foundryDeployment("y", { name: "gpt-4o" })] })).toEqual([
            'cognitiveservices.Deployment "y" deploys gpt-4o but properties.model.format is not set, so it cannot be approved: an unapproved model. ' +
                `Set properties.model.format and properties.model.name to a known value of an approved model (${approved.slice(0, -1).replace("Approved", "approved")}).`,
        ]);
    });
});

describe("no-retired-models on Foundry deployments", () => {
    it("refuses a retired Foundry offer, naming its replacement", () => {
        const resources = [foundryDeployment("doc", DOC_AI_2505), foundryDeployment("large", MISTRAL_LARGE_3)];
        expect(verdict(noRetiredModels, { resources, config: { today: TODAY } })).toEqual([
            'cognitiveservices.Deployment "doc" uses mistral-document-ai-2505 ("Mistral AI" mistral-document-ai-2505 version 1), whose Foundry offer was retired on 2026-07-15: ' +
                "its deployments return 404 (MicrosoftDocs/azure-ai-docs articles/foundry/openai/includes/concepts-model-retirement-schedule-content.md @00bb5540 (retirement schedule, Foundry Models sold by Azure), 2026-07-07). " +
                "Deploy its replacement mistral-document-ai-2512 on a Foundry resource (azure-ai-models:foundry) instead, or another model.",
        ]);
        expect(verdict(noRetiredModels, { resources, config: { today: "2026-07-14" } })).toEqual([]);
    });
});

describe("model-available-in-region on Foundry deployments", () => {
    it("passes a model offered with its SKU in its account's region", () => {
        const resources = [foundryAccount("foundry"), foundryDeployment("large", MISTRAL_LARGE_3)];
        expect(verdict(modelAvailableInRegion, { resources })).toEqual([]);
    });

    it("refuses a SKU the model is not offered with", () => {
        const zone = foundryDeployment("maverick", LLAMA_MAVERICK, { sku: { name: "DataZoneStandard", capacity: 1 } });
        expect(verdict(modelAvailableInRegion, { resources: [foundryAccount("foundry"), zone] })).toEqual([
            'cognitiveservices.Deployment "maverick" deploys "Meta" Llama-4-Maverick-17B-128E-Instruct-FP8 version 1 with SKU DataZoneStandard, but the model is offered on Foundry only as GlobalStandard ' +
                `(${AZURE_DIRECT}). Set sku.name to GlobalStandard, or choose a model offered as DataZoneStandard.`,
        ]);
    });

    it("refuses a region the SKU is not offered in, unless the config adds it", () => {
        const account = foundryAccount("foundry", { location: "East Asia" });
        const resources = [account, foundryDeployment("large", MISTRAL_LARGE_3)];
        const [message] = verdict(modelAvailableInRegion, { resources });
        expect(message).toMatch(
            /^cognitiveservices\.Deployment "large" deploys "Mistral AI" Mistral-Large-3 version 1 with SKU GlobalStandard on account cognitiveservices\.Account "foundry" in region "East Asia", but that SKU is offered only in australiaeast, brazilsouth, .* and westus3 \(.*\)\. Deploy it on an account in one of those regions, use another SKU of the model, or choose a model offered in "East Asia"\.$/,
        );
        const config = { additionalFoundryRegions: { "mistral-large-3": { GlobalStandard: ["eastasia"] } } };
        expect(verdict(modelAvailableInRegion, { resources, config })).toEqual([]);
    });

    it("leaves SKUs the catalog does not know to foundry-deployment-skus, and does not judge unknown regions", () => {
        const s0 = foundryDeployment("s0", MISTRAL_LARGE_3, { sku: { name: "S0" } });
        const later = foundryAccount("foundry", { location: PULUMI_UNKNOWN });
        expect(verdict(modelAvailableInRegion, { resources: [foundryAccount("foundry"), s0] })).toEqual([]);
        expect(
            verdict(modelAvailableInRegion, { resources: [later, foundryDeployment("large", MISTRAL_LARGE_3)] }),
        ).toEqual([]);
    });
});

describe("one-deployment-per-model and Foundry deployments", () => {
    it("does not apply: Azure allows the same model several times on one Foundry account", () => {
        const resources = [
            foundryAccount("foundry"),
            foundryDeployment("maverick-a", LLAMA_MAVERICK),
            foundryDeployment("maverick-b", LLAMA_MAVERICK),
        ];
        expect(verdict(oneDeploymentPerModel, { resources })).toEqual([]);
        expect(verdict(oneDeploymentPerModel, { resources, config: { includeManagedDeployments: true } })).toEqual([]);
    });
});
