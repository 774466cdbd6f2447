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
