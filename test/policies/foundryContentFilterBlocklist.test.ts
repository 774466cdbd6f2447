/**
 * foundry-content-filter-blocklist (advisory, off until `required`): every custom content filter has a custom
 * blocklist, and no deployment uses a built-in Microsoft filter. The compliant case, the exact messages, an exemption,
 * a value unknown at preview never counted as a violation, and another resource type.
 */
import { describe, expect, it } from "vitest";
import { foundryContentFilterBlocklist } from "../../policies/rules/foundryContentFilterBlocklist";
import { MISTRAL_LARGE_3, PULUMI_UNKNOWN, foundryAccount, foundryDeployment, raiPolicy, verdict } from "./harness";

const REQUIRED = { required: true };
const withList = (name: string) =>
    raiPolicy(name, {
        properties: {
            basePolicyName: "Microsoft.DefaultV2",
            mode: "Blocking",
            customBlocklists: [{ blocklistName: "internal-names", blocking: true, source: "Prompt" }],
        },
    });

describe("foundry-content-filter-blocklist", () => {
    it("judges nothing unless the policy config requires blocklists", () => {
        expect(verdict(foundryContentFilterBlocklist, { resources: [raiPolicy("strict")] })).toEqual([]);
    });

    it("passes a filter with a blocklist and a deployment that uses it", () => {
        const deployment = foundryDeployment("large", MISTRAL_LARGE_3, {
            properties: { model: MISTRAL_LARGE_3, raiPolicyName: "strict" },
        });
        expect(
            verdict(foundryContentFilterBlocklist, { resources: [withList("strict"), deployment], config: REQUIRED }),
        ).toEqual([]);
    });

    it("flags a filter without a blocklist and a deployment on a built-in filter, with exact messages", () => {
        const resources = [raiPolicy("strict"), foundryDeployment("large", MISTRAL_LARGE_3), foundryAccount("foundry")];
        expect(verdict(foundryContentFilterBlocklist, { resources, config: REQUIRED })).toEqual([
            'cognitiveservices.RaiPolicy "strict" has no custom blocklist (properties.customBlocklists is empty), and the policy config requires one. ' +
                "Attach a blocklist (contentFilters[].blocklists in the stack config), or exempt the filter in the foundry-content-filter-blocklist config (exemptFilters).",
            'cognitiveservices.Deployment "large" uses the built-in content filter "Microsoft.DefaultV2", which cannot have a custom blocklist, and the policy config requires one. ' +
                "Give the deployment a custom content filter with a blocklist (its contentFilter in the stack config), or exempt the filter in the foundry-content-filter-blocklist config (exemptFilters).",
        ]);
    });

    it("skips exempt filters and a blocklist list unknown at preview", () => {
        const unknown = raiPolicy("later", {
            properties: { basePolicyName: "Microsoft.DefaultV2", customBlocklists: PULUMI_UNKNOWN },
        });
        const resources = [raiPolicy("strict"), unknown, foundryDeployment("large", MISTRAL_LARGE_3)];
        const config = { ...REQUIRED, exemptFilters: ["str*", "Microsoft.*"] };
        expect(verdict(foundryContentFilterBlocklist, { resources, config })).toEqual([]);
    });

    it("takes a deployment without a content filter as on Azure's default, a built-in one", () => {
        const unset = foundryDeployment("large", MISTRAL_LARGE_3, { properties: { model: MISTRAL_LARGE_3 } });
        expect(verdict(foundryContentFilterBlocklist, { resources: [unset], config: REQUIRED })).toEqual([
            'cognitiveservices.Deployment "large" uses the built-in content filter "Microsoft.DefaultV2", which cannot have a custom blocklist, and the policy config requires one. ' +
                "Give the deployment a custom content filter with a blocklist (its contentFilter in the stack config), or exempt the filter in the foundry-content-filter-blocklist config (exemptFilters).",
        ]);
    });
});
