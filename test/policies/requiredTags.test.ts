import { describe, expect, it } from "vitest";
import { requiredTags } from "../../policies/rules/requiredTags";
import {
    endpoint,
    foundryAccount,
    MISTRAL_LARGE_2411,
    PULUMI_UNKNOWN,
    res,
    subscription,
    verdict,
    workspace,
} from "./harness";

const RULE = requiredTags;
const TAGS = { owner: "ml-platform", costCenter: "cc-42" };

describe("required-tags", () => {
    it("passes tagged workspaces and endpoints, tag names compared without case", () => {
        expect(
            verdict(RULE, {
                resources: [
                    workspace("hub", { tags: TAGS }),
                    endpoint("chat", MISTRAL_LARGE_2411, { tags: { Owner: "a", COSTCENTER: "b" } }),
                ],
            }),
        ).toEqual([]);
    });

    it("reports missing and empty tags", () => {
        expect(verdict(RULE, { resources: [endpoint("chat", MISTRAL_LARGE_2411, { tags: { owner: " " } })] })).toEqual([
            'ServerlessEndpoint "chat" lacks the tags "owner" and "costCenter" (required: owner and costCenter). Add them to its tags input, or change required-tags requiredTags.',
        ]);
    });

    it("judges the Foundry account, which the Foundry deployments are billed to", () => {
        expect(verdict(RULE, { resources: [foundryAccount("ai", { tags: TAGS })] })).toEqual([]);
        expect(verdict(RULE, { resources: [foundryAccount("ai", { tags: { owner: "a" } })] })).toEqual([
            'cognitiveservices.Account "ai" lacks the tag "costCenter" (required: owner and costCenter). Add it to its tags input, or change required-tags requiredTags.',
        ]);
    });

    it("ignores types it does not judge (MarketplaceSubscription has no tags), and matches API-version tokens", () => {
        const versioned = res("azure-native:machinelearningservices/v20250101preview:Workspace", "hub", { tags: {} });
        expect(
            verdict(RULE, {
                resources: [
                    subscription("sub", MISTRAL_LARGE_2411),
                    res("azure-native:storage:StorageAccount", "s", {}),
                    versioned,
                ],
            }),
        ).toHaveLength(1);
    });

    it("does not judge unknown tags", () => {
        expect(
            verdict(RULE, {
                resources: [
                    workspace("a", { tags: PULUMI_UNKNOWN }),
                    workspace("b", { tags: { owner: "[unknown]", costCenter: "x" } }),
                ],
            }),
        ).toEqual([]);
    });

    it("follows its config", () => {
        const resources = [workspace("hub", { tags: { team: "ai" } })];
        expect(verdict(RULE, { resources, config: { requiredTags: ["team"] } })).toEqual([]);
        expect(
            verdict(RULE, {
                resources: [workspace("hub")],
                config: { resourceTypes: ["azure-native:storage:StorageAccount"] },
            }),
        ).toEqual([]);
    });
});
