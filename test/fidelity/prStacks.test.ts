/** The stacks a pull request's review plans: those whose stack files it touches, every stack when code changed. */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { projectStacksToReview, stacksToReview } from "../../plan/cli/prStacks";

describe("stacksToReview", () => {
    const existing = ["dev", "managed", "prod"];

    it("only the stack files a config-only change touches, plus the deployed stack", () => {
        expect(stacksToReview(["Pulumi.prod.yaml"], existing)).toEqual(["prod"]);
        expect(stacksToReview(["Pulumi.prod.yaml"], existing, ["dev"])).toEqual(["dev", "prod"]);
    });

    it("every stack when code changed", () => {
        expect(stacksToReview(["infra/stack.ts", "Pulumi.prod.yaml"], existing)).toEqual(["dev", "managed", "prod"]);
        expect(stacksToReview(["examples/app-stack/Pulumi.dev.yaml"], existing)).toEqual(["dev", "managed", "prod"]);
    });

    it("leaves out deleted stack files and always-stacks without a file", () => {
        expect(stacksToReview(["Pulumi.old.yaml"], existing, ["staging"])).toEqual([]);
        expect(stacksToReview([], existing, ["dev"])).toEqual(["dev"]);
    });
});

describe("projectStacksToReview: the project's own stack files, named as pulumi names them", () => {
    function project(files: Record<string, string>): string {
        const dir = mkdtempSync(path.join(tmpdir(), "aim-prstacks-"));
        for (const [name, text] of Object.entries(files)) {
            mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
            writeFileSync(path.join(dir, name), text);
        }
        return dir;
    }

    it("reviews a fully qualified org/project/stack as its stack file's stack", () => {
        const dir = project({
            "Pulumi.yaml": "name: shop\nruntime: nodejs\n",
            "Pulumi.prod.yaml": "",
            "Pulumi.dev.yaml": "",
        });
        expect(projectStacksToReview(dir, ["Pulumi.dev.yaml"], ["acme/shop/prod"])).toEqual(["dev", "prod"]);
        expect(() => projectStacksToReview(dir, [], ["acme/other/prod"])).toThrow(
            'stack "acme/other/prod" belongs to project "other", not "shop" (Pulumi.yaml)',
        );
    });

    it("finds the stack files in stackConfigDir", () => {
        const dir = project({
            "Pulumi.yaml": "name: shop\nruntime: nodejs\nstackConfigDir: stacks\n",
            "stacks/Pulumi.sweden.yaml": "",
            "stacks/Pulumi.prod.yaml": "",
        });
        expect(projectStacksToReview(dir, ["stacks/Pulumi.sweden.yaml"])).toEqual(["sweden"]);
        expect(projectStacksToReview(dir, ["index.ts"])).toEqual(["prod", "sweden"]);
    });
});
