/**
 * Secret stack config stays secret: a value set with `pulumi config set --secret` reaches every resource input it
 * flows into marked secret (so the plan lists the input in `secretInputs` and state would hold it encrypted), and no
 * config message prints it, in any case.
 */
import { describe, expect, it } from "vitest";
import { byName, registered, runStack } from "../helpers/stack";

const OWNER = "Team-Falcon-7731";
const workspace = { name: "aim", location: "eastus2", kind: "workspace", tags: { owner: OWNER } };

describe("secret stack config", () => {
    it("is secret in every input it reaches, and only there", async () => {
        const run = await runStack({ workspace }, { secretKeys: ["workspace"] });
        expect(run.error).toBeUndefined();
        const withOwner = registered(run).filter((r) => JSON.stringify(r.inputs.tags ?? {}).includes(OWNER));
        expect(withOwner.length).toBeGreaterThan(3);
        for (const r of withOwner) expect(r.secretInputs, r.name).toContain("tags");
        expect(byName(run, "aim-ws").secretInputs).toContain("tags");
    });

    it("without --secret, the same config marks nothing secret", async () => {
        const run = await runStack({ workspace });
        expect(run.error).toBeUndefined();
        expect(registered(run).filter((r) => r.secretInputs.includes("tags"))).toEqual([]);
    });

    it("is never printed by a config error, as given or lower-cased", async () => {
        const bad = { ...workspace, location: "Secret-Region-42" };
        const run = await runStack({ workspace: bad }, { secretKeys: ["workspace"] });
        const message = String((run.error as Error | undefined)?.message);
        expect(message).toContain("azure-ai-models:workspace.location");
        expect(message).toContain("[secret]");
        expect(message.toLowerCase()).not.toContain("secret-region-42");
        // Not secret: the value is shown, as before.
        const open = await runStack({ workspace: bad });
        expect(String((open.error as Error | undefined)?.message)).toContain("Secret-Region-42");
    });
});

describe("--stack-references without secretOutputNames", () => {
    it("treats every output of that stack as secret; with the list, only those", async () => {
        const { mkdtempSync, writeFileSync } = await import("node:fs");
        const { tmpdir } = await import("node:os");
        const path = await import("node:path");
        const { loadStackReferences } = await import("../../plan/run/run");
        const dir = mkdtempSync(path.join(tmpdir(), "aim-refs-"));
        const file = path.join(dir, "refs.yaml");
        writeFileSync(file, "org/p/dev:\n  outputs:\n    uri: https://x\n    primaryKey: k-123\n");
        expect(loadStackReferences(file)["org/p/dev"].secretOutputNames).toEqual(["uri", "primaryKey"]);
        writeFileSync(
            file,
            "org/p/dev:\n  outputs:\n    uri: https://x\n    primaryKey: k-123\n  secretOutputNames: [primaryKey]\n",
        );
        expect(loadStackReferences(file)["org/p/dev"].secretOutputNames).toEqual(["primaryKey"]);
    });
});

describe("policy messages", () => {
    it("judge a secret input but never print it", async () => {
        const { runPlan } = await import("../../plan/run/run");
        const path = await import("node:path");
        const plan = await runPlan({
            projectDir: path.resolve(__dirname, "../fixtures/stacks/secret-region"),
            stack: "test",
            today: new Date("2026-11-21T00:00:00Z"),
        });
        expect(plan.errors).toEqual([]);
        expect(plan.resources.find((r) => r.name === "hub")?.secretInputs).toContain("location");
        const regions = plan.policies?.violations.filter((v) => v.policyName === "allowed-regions") ?? [];
        expect(regions.map((v) => v.resourceName)).toEqual(["hub"]);
        expect(regions[0].message).toContain("[secret]");
        expect(JSON.stringify(plan.policies).toLowerCase()).not.toContain("westeurope");
    });
});
