import { describe, expect, it } from "vitest";
import { foundryDeploymentSkus } from "../../policies/rules/foundryDeploymentSkus";
import { LLAMA_MAVERICK, MISTRAL_LARGE_3, PULUMI_UNKNOWN, deployment, foundryDeployment, verdict } from "./harness";

const RULE = foundryDeploymentSkus;
const ALL = "GlobalStandard, DataZoneStandard, Standard and GlobalProvisionedManaged";

describe("foundry-deployment-skus", () => {
    it("passes every deployment SKU the catalog knows by default", () => {
        const resources = ["GlobalStandard", "DataZoneStandard", "Standard", "GlobalProvisionedManaged"].map((sku) =>
            foundryDeployment(sku.toLowerCase(), MISTRAL_LARGE_3, { sku: { name: sku, capacity: 1 } }),
        );
        expect(verdict(RULE, { resources })).toEqual([]);
    });

    it("reports an account SKU given as a deployment SKU, and a deployment without a SKU", () => {
        const s0 = foundryDeployment("s0", MISTRAL_LARGE_3, { sku: { name: "S0", capacity: 1 } });
        const none = foundryDeployment("none", LLAMA_MAVERICK, { sku: undefined });
        expect(verdict(RULE, { resources: [s0, none] })).toEqual([
            `cognitiveservices.Deployment "s0" ("Mistral AI" Mistral-Large-3 version 1) uses SKU "S0", which is not allowed. Allowed deployment SKUs: ${ALL}. ` +
                '"S0" is not a deployment SKU (account SKUs such as S0 are refused for deployments). ' +
                "Set sku.name to one of them, or add it to the foundry-deployment-skus config (allowedSkus).",
            `cognitiveservices.Deployment "none" ("Meta" Llama-4-Maverick-17B-128E-Instruct-FP8 version 1) sets no sku.name, which is not allowed. Allowed deployment SKUs: ${ALL}. ` +
                "Set sku.name to one of them, or add it to the foundry-deployment-skus config (allowedSkus).",
        ]);
    });

    it("lets a platform team require Data zone deployments", () => {
        const config = { allowedSkus: ["DataZoneStandard"] };
        const global = foundryDeployment("global", MISTRAL_LARGE_3);
        const zone = foundryDeployment("zone", MISTRAL_LARGE_3, { sku: { name: "datazonestandard", capacity: 1 } });
        expect(verdict(RULE, { resources: [global, zone], config })).toEqual([
            'cognitiveservices.Deployment "global" ("Mistral AI" Mistral-Large-3 version 1) uses SKU "GlobalStandard", which is not allowed. ' +
                "Allowed deployment SKUs: DataZoneStandard. Set sku.name to one of them, or add it to the foundry-deployment-skus config (allowedSkus).",
        ]);
        expect(verdict(RULE, { resources: [global], config: { ...config, exemptDeployments: ["glob*"] } })).toEqual([]);
    });

    it("never judges unknown SKUs or other resource types", () => {
        const unknown = foundryDeployment("a", MISTRAL_LARGE_3, { sku: PULUMI_UNKNOWN });
        const unknownName = foundryDeployment("b", MISTRAL_LARGE_3, { sku: { name: "[unknown]" } });
        expect(verdict(RULE, { resources: [unknown, unknownName, deployment("online", {})] })).toEqual([]);
    });
});
