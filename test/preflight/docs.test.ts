/**
 * The sample in docs/preflight.md is the Preflight section the command prints for the Foundry example against the
 * loopback ARM's troubled subscription (test/preflight/fixtures.ts). `UPDATE_PREFLIGHT_DOCS=1 npx vitest run
 * test/preflight/docs.test.ts` rewrites it; otherwise the test fails when the doc is out of date.
 */
import { readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { startPreflightArm, type PreflightArm } from "../helpers/preflightArm";
import { foundryAgainst, ROOT, runPreflight, troubledSubscription } from "./fixtures";

const DOC = path.join(ROOT, "docs/preflight.md");
const START = "<!-- preflight:sample:start -->";
const END = "<!-- preflight:sample:end -->";

let arm: PreflightArm | undefined;
afterEach(async () => {
    await arm?.close();
    arm = undefined;
});

describe("docs/preflight.md", () => {
    it("holds the Preflight section of the Foundry example against the troubled subscription", async () => {
        arm = await startPreflightArm(troubledSubscription());
        const { code, stdout } = await runPreflight(foundryAgainst(arm, "--format", "markdown"));
        expect(code).toBe(1);
        const section = stdout.slice(stdout.indexOf("### Preflight"), stdout.indexOf("\n### Resources")).trim();
        const sample = `${START}\n\n${section}\n\n${END}`;
        const doc = readFileSync(DOC, "utf8");
        const current = doc.slice(doc.indexOf(START), doc.indexOf(END) + END.length);
        if (process.env.UPDATE_PREFLIGHT_DOCS) writeFileSync(DOC, doc.replace(current, sample));
        else expect(current).toBe(sample);
    });
});
