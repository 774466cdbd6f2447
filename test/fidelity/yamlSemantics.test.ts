/**
 * Stack files read as the Pulumi CLI (go-yaml v3) reads them: merge keys merge, `0755` is octal (YAML 1.1), and
 * `yes`/`no` stay strings. The `yaml` package's defaults keep `<<` as a key, so the plan refused a stack
 * `pulumi preview` accepts.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { readStackFiles } from "../../plan/run/stackFiles";

function project(stackYaml: string): string {
    const dir = mkdtempSync(path.join(tmpdir(), "aim-yaml-"));
    writeFileSync(path.join(dir, "Pulumi.yaml"), "name: azure-ai-models\nruntime: nodejs\n");
    writeFileSync(path.join(dir, "Pulumi.dev.yaml"), stackYaml);
    return dir;
}

describe("stack files with the Pulumi CLI's YAML semantics", () => {
    it("merges `<<` keys, reads 0755 as octal and keeps yes/no as strings", () => {
        const dir = project(
            [
                "x-defaults: &defaults",
                "  location: eastus2",
                "  kind: workspace",
                "config:",
                "  azure-ai-models:workspace:",
                "    <<: *defaults",
                "    name: aim",
                "    tags:",
                "      mode: 0755",
                "      approved: yes",
                "      off-hours: off",
            ].join("\n"),
        );
        const files = readStackFiles(dir, "dev");
        expect(JSON.parse(files.config["azure-ai-models:workspace"])).toEqual({
            location: "eastus2",
            kind: "workspace",
            name: "aim",
            tags: { mode: 493, approved: "yes", "off-hours": "off" },
        });
    });
});
