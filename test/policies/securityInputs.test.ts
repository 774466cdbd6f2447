/**
 * notJudgedOffline: a security input unknown at preview is listed with its path, whichever API-version module the
 * resource's type token comes from, recorded in the registry or not (generic resources and template deployments).
 */
import { describe, expect, it } from "vitest";
import { notJudgedOffline } from "../../policies/lib/securityInputs";
import type { ResourceView } from "../../policies/lib/view";
import { PULUMI_UNKNOWN } from "./harness";

const view = (type: string, props: Record<string, unknown>): ResourceView =>
    ({ urn: `urn:${type}`, name: "r", type, props }) as unknown as ResourceView;

describe("notJudgedOffline", () => {
    it("lists an unknown template of a template deployment, through an API-version module too", () => {
        for (const type of ["azure-native:resources:Deployment", "azure-native:resources/v20240301:Deployment"]) {
            expect(notJudgedOffline([view(type, { properties: { template: PULUMI_UNKNOWN } })])).toEqual([
                { urn: `urn:${type}`, resourceName: "r", resourceType: type, path: "properties.template" },
            ]);
        }
    });
});
