import { describe, expect, it } from "vitest";
import { contentSafetyEnabled } from "../../policies/rules/contentSafetyEnabled";
import { deployment, endpoint, MISTRAL_LARGE_2411, PULUMI_UNKNOWN, verdict } from "./harness";

const RULE = contentSafetyEnabled;

function withSafety(name: string, contentSafety: unknown) {
    return endpoint(name, MISTRAL_LARGE_2411, {
        properties: {
            authMode: "Key",
            modelSettings: { modelId: MISTRAL_LARGE_2411 },
            ...(contentSafety === undefined ? {} : { contentSafety }),
        },
    });
}

describe("content-safety-enabled", () => {
    it("passes an endpoint with content safety on, or left to Azure's default", () => {
        expect(
            verdict(RULE, { resources: [endpoint("chat", MISTRAL_LARGE_2411), withSafety("default", undefined)] }),
        ).toEqual([]);
    });

    it("reports an endpoint that disables content safety", () => {
        expect(verdict(RULE, { resources: [withSafety("chat", { contentSafetyStatus: "Disabled" })] })).toEqual([
            'ServerlessEndpoint "chat" sets properties.contentSafety.contentSafetyStatus to "Disabled"; serverless endpoints must keep Azure AI Content Safety on. ' +
                'Set it to "Enabled", or list the endpoint in the content-safety-enabled config (exemptEndpoints).',
        ]);
    });

    it("ignores other resource types", () => {
        expect(
            verdict(RULE, { resources: [deployment("blue", { contentSafety: { contentSafetyStatus: "Disabled" } })] }),
        ).toEqual([]);
    });

    it("does not judge an unknown status", () => {
        expect(
            verdict(RULE, {
                resources: [withSafety("a", { contentSafetyStatus: PULUMI_UNKNOWN }), withSafety("b", "[unknown]")],
            }),
        ).toEqual([]);
    });

    it("follows its config: requireExplicit and exemptEndpoints", () => {
        expect(
            verdict(RULE, { resources: [withSafety("default", undefined)], config: { requireExplicit: true } }),
        ).toEqual([
            'ServerlessEndpoint "default" leaves properties.contentSafety.contentSafetyStatus unset; content-safety-enabled requireExplicit asks for it to be set. Set it to "Enabled".',
        ]);
        expect(
            verdict(RULE, {
                resources: [withSafety("eval-raw", { contentSafetyStatus: "Disabled" })],
                config: { exemptEndpoints: ["eval-*"] },
            }),
        ).toEqual([]);
    });
});
