import { describe, expect, it } from "vitest";
import { preflightMarkdown, preflightVerdict } from "../../preflight/report";
import type { Finding, PreflightResult } from "../../preflight/run";

function result(findings: Finding[]): PreflightResult {
    return { ran: true, subscriptionId: "sub", endpoint: "https://arm.test", credential: "test", findings, calls: 3 };
}
const ok: Finding = { check: "quota", severity: "ok", resource: "swedencentral", message: "enough" };
const unjudged: Finding = { check: "subdomain", severity: "unjudged", resource: "foundry", message: "name unknown" };
const blocking: Finding = {
    check: "permission",
    severity: "blocking",
    resource: "roles",
    message: "missing",
    fix: "x",
};

describe("the preflight verdict's icon", () => {
    it("is a pass only when every check was judged and none blocks", () => {
        expect(preflightMarkdown(result([ok]))[2]).toMatch(/^\*\*✅ nothing found/);
    });
    it("is not a pass when something could not be judged, though nothing blocks", () => {
        const line = preflightMarkdown(result([ok, unjudged]))[2];
        expect(line).toMatch(/^\*\*❔ nothing blocking found, but not everything could be judged/);
        expect(line).not.toContain("✅");
        expect(preflightVerdict(result([ok, unjudged]))).toContain("1 not judged");
    });
    it("blocks when anything blocks", () => {
        expect(preflightMarkdown(result([unjudged, blocking]))[2]).toMatch(/^\*\*❌ pulumi up would fail/);
    });
});
