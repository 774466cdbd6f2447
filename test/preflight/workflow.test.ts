/** The preflight's step in the pull-request workflow and the drift job in the lifecycle workflow. */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

const ROOT = path.resolve(__dirname, "../..");
type Step = { name?: string; run?: string; if?: string };
type Job = { steps: Step[]; permissions?: Record<string, string>; env?: Record<string, string> };
const workflow = (file: string) =>
    parse(readFileSync(path.join(ROOT, ".github/workflows", file), "utf8")) as { jobs: Record<string, Job> };

describe("workflows", () => {
    it("the preview job runs the preflight with its ARM_* identity; only exit 1 (and failures) fail the check", () => {
        const job = workflow("pull-request.yml").jobs.preview;
        expect(job.env).toMatchObject({ ARM_USE_OIDC: "true" });
        expect(job.permissions?.["id-token"]).toBe("write");
        const step = job.steps.find((s) => s.name === "Preflight")!;
        expect(step.if).toBe("${{ !cancelled() }}");
        expect(step.run).toContain(
            'npm run -s preflight -- --stack "$STACK" "${outputs[@]}" --format markdown --out preflight.md',
        );
        expect(step.run).toContain("0|4) exit 0 ;;");
        expect(step.run).toContain('cat preflight.md >> "$GITHUB_STEP_SUMMARY"');
    });

    it("the weekly lifecycle workflow runs catalog:drift and opens an issue when something differs", () => {
        const job = workflow("lifecycle.yml").jobs.drift;
        expect(job.permissions).toEqual({ contents: "read", issues: "write", "id-token": "write" });
        expect(job.steps.find((s) => s.name === "Compare")!.run).toContain(
            "npm run -s catalog:drift -- --format markdown > drift.md",
        );
        expect(job.steps.find((s) => s.name === "Open or update the issue")!.run).toContain(
            'gh issue create --title "$TITLE" --body-file drift.md',
        );
    });
});
