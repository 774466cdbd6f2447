/**
 * The "Reviewing changes" documentation shows what the commands print today: its samples (the dev stack's Markdown
 * report and the diff of a fixed pair of configs) are regenerated here and compared. Regenerate with
 * `npm run docs:review`.
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { docFilesWithSamples, reviewSamples, withSamples } from "../../plan/report/reviewDocs";

describe("docs: reviewing changes", () => {
    it("holds the current samples (npm run docs:review regenerates them)", async () => {
        const files = docFilesWithSamples();
        expect(files.length).toBeGreaterThan(0);
        const samples = await reviewSamples();
        // The samples are what a reviewer sees: the summary line and the destructive rename are in them.
        expect(samples.plan).toContain("**28 resources to create** (19 cloud, 9 components)");
        expect(samples.diff).toContain("### ⚠️ Destructive changes (1)");
        for (const file of files) {
            const text = readFileSync(file, "utf8");
            expect(withSamples(text, samples), `${path.basename(file)} is out of date: run npm run docs:review`).toBe(
                text,
            );
        }
    });

    it("says how to set up OpenID Connect for the real preview and the deploy", () => {
        const doc = readFileSync(docFilesWithSamples()[0], "utf8");
        expect(doc).toContain("repo:<owner>/<repo>:pull_request");
        expect(doc).toContain("repo:<owner>/<repo>:environment:dev");
        for (const name of [
            "AZURE_CLIENT_ID",
            "AZURE_TENANT_ID",
            "AZURE_SUBSCRIPTION_ID",
            "PULUMI_STACK",
            "PULUMI_ORGANIZATION",
            "PULUMI_ACCESS_TOKEN",
        ]) {
            expect(doc).toContain(name);
        }
        expect(doc).toContain("allow-destructive-changes");
    });
});
