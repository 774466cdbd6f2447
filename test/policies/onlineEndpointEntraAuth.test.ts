import { describe, expect, it } from "vitest";
import { onlineEndpointEntraAuth } from "../../policies/rules/onlineEndpointEntraAuth";
import { endpoint, MISTRAL_LARGE_2411, PULUMI_UNKNOWN, res, verdict } from "./harness";

const RULE = onlineEndpointEntraAuth;
const online = (name: string, authMode: unknown) =>
    res("OnlineEndpoint", name, {
        resourceGroupName: "rg-ai",
        workspaceName: "hub",
        endpointName: name,
        location: "eastus2",
        properties: { authMode },
    });

describe("online-endpoint-entra-auth", () => {
    it("passes an endpoint using Entra ID", () => {
        expect(verdict(RULE, { resources: [online("scoring", "AADToken")] })).toEqual([]);
    });

    it("reports key authentication", () => {
        expect(verdict(RULE, { resources: [online("scoring", "Key")] })).toEqual([
            'OnlineEndpoint "scoring" sets properties.authMode to "Key"; allowed: AADToken. ' +
                'Set it to "AADToken" (Microsoft Entra ID) and grant callers a role, or change online-endpoint-entra-auth allowedAuthModes.',
        ]);
    });

    it("ignores serverless endpoints, which accept keys only", () => {
        expect(verdict(RULE, { resources: [endpoint("chat", MISTRAL_LARGE_2411)] })).toEqual([]);
    });

    it("does not judge an unknown auth mode", () => {
        expect(verdict(RULE, { resources: [online("a", PULUMI_UNKNOWN), online("b", "[unknown]")] })).toEqual([]);
    });

    it("follows its allowedAuthModes config, and is advisory", () => {
        expect(
            verdict(RULE, {
                resources: [online("scoring", "AMLToken")],
                config: { allowedAuthModes: ["AADToken", "AMLToken"] },
            }),
        ).toEqual([]);
        expect(() => RULE.config({ allowedAuthModes: ["Password"] })).toThrow(
            'online-endpoint-entra-auth.allowedAuthModes[0]: "Password" is not one of "AADToken", "AMLToken", "Key"',
        );
        expect(RULE.enforcementLevel).toBe("advisory");
    });
});
