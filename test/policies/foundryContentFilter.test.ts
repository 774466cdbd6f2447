import { describe, expect, it } from "vitest";
import type { PlannedResource } from "../../plan/run/types";
import { foundryContentFilter } from "../../policies/rules/foundryContentFilter";
import {
    MISTRAL_LARGE_3,
    PULUMI_UNKNOWN,
    foundryAccount,
    foundryDeployment,
    raiPolicy,
    urnOf,
    verdict,
    viaPlan,
    CS,
} from "./harness";

const RULE = foundryContentFilter;
const MODEL = '("Mistral AI" Mistral-Large-3 version 1)';
const withFilter = (name: string, filter: unknown, inputs = {}, more: Partial<PlannedResource> = {}) =>
    foundryDeployment(
        name,
        MISTRAL_LARGE_3,
        { properties: { model: MISTRAL_LARGE_3, raiPolicyName: filter }, ...inputs },
        more,
    );

describe("foundry-content-filter", () => {
    it("passes deployments that name the default filter or a custom one they depend on", () => {
        const strict = raiPolicy("strict");
        const resources = [
            foundryAccount("foundry"),
            strict,
            foundryDeployment("default", MISTRAL_LARGE_3),
            withFilter("custom", "strict", {}, { dependencies: [strict.urn] }),
        ];
        expect(verdict(RULE, { resources })).toEqual([]);
    });

    it("reports a deployment that names no content filter", () => {
        const none = foundryDeployment("none", MISTRAL_LARGE_3, { properties: { model: MISTRAL_LARGE_3 } });
        expect(verdict(RULE, { resources: [foundryAccount("foundry"), none] })).toEqual([
            `cognitiveservices.Deployment "none" ${MODEL} sets no properties.raiPolicyName, so Azure applies its default content filter without the stack saying so. ` +
                'Set properties.raiPolicyName to "Microsoft.DefaultV2" or to a cognitiveservices.RaiPolicy of the same account.',
        ]);
    });

    it("reports a filter outside allowedRaiPolicies", () => {
        const config = { allowedRaiPolicies: ["strict-*"] };
        expect(verdict(RULE, { resources: [foundryDeployment("default", MISTRAL_LARGE_3)], config })).toEqual([
            `cognitiveservices.Deployment "default" ${MODEL} uses the content filter "Microsoft.DefaultV2", which is not allowed (allowed: strict-*). ` +
                "Set properties.raiPolicyName to an allowed filter, or add it to the foundry-content-filter config (allowedRaiPolicies).",
        ]);
    });

    it("reports a deployment that uses the stack's custom filter without depending on it", () => {
        const strict = raiPolicy("strict");
        const resources = [foundryAccount("foundry"), strict, withFilter("custom", "Strict")];
        expect(verdict(RULE, { resources })).toEqual([
            `cognitiveservices.Deployment "custom" ${MODEL} uses the content filter "Strict" of cognitiveservices.RaiPolicy "strict" but does not depend on it: ` +
                "the name alone creates no dependency, so Pulumi may create the deployment first and Azure refuses it. " +
                "Add the RaiPolicy to the deployment's dependsOn.",
        ]);
        // A filter of another account is not this deployment's filter.
        const other = raiPolicy("strict", { accountName: "other" });
        expect(
            verdict(RULE, { resources: [foundryAccount("foundry"), other, withFilter("custom", "strict")] }),
        ).toEqual([]);
    });

    it("finds the account through the input's dependencies when its name is unknown", () => {
        const account = foundryAccount("foundry", { accountName: PULUMI_UNKNOWN });
        const deps = { propertyDependencies: { accountName: [account.urn] } };
        const strict = raiPolicy("strict", { accountName: PULUMI_UNKNOWN }, deps);
        const d = withFilter("custom", "strict", { accountName: PULUMI_UNKNOWN }, deps);
        expect(viaPlan(RULE, { resources: [account, strict, d] }).map((v) => v.urn)).toEqual([
            urnOf(`${CS}:Deployment`, "custom"),
        ]);
    });

    it("exempts deployments the config names, and never judges an unknown filter name", () => {
        const none = foundryDeployment("legacy-chat", MISTRAL_LARGE_3, { properties: { model: MISTRAL_LARGE_3 } });
        expect(verdict(RULE, { resources: [none], config: { exemptDeployments: ["legacy-*"] } })).toEqual([]);
        expect(verdict(RULE, { resources: [withFilter("later", PULUMI_UNKNOWN)] })).toEqual([]);
    });
});
