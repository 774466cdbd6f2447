/** The stacks a pull request's review plans: those whose stack files it touches, every stack when code changed. */
import { describe, expect, it } from "vitest";
import { stacksToReview } from "../../plan/prStacks";

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
