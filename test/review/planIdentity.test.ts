/**
 * `plan:diff` compares plans of one stack only: planMismatch (called at the diff's entry, before any diff) says why
 * two plans differ in stack or project; diffCli.e2e.test.ts checks the exit code 2 and the message as a process.
 */
import { describe, expect, it } from "vitest";
import { planMismatch } from "../../plan/diff/planIdentity";

const labels = { base: "main.json", head: "working tree" };

describe("planMismatch", () => {
    it("accepts plans of the same stack and project", () => {
        expect(planMismatch({ project: "p", stack: "dev" }, { project: "p", stack: "dev" }, labels)).toBeUndefined();
    });

    it("names both stacks and how to plan the base's", () => {
        expect(planMismatch({ project: "p", stack: "prod" }, { project: "p", stack: "dev" }, labels)).toBe(
            "refusing to compare plans of different stacks: main.json is a plan of stack prod of project p, " +
                "working tree of stack dev of project p; plan the same stack on both sides (--stack prod)",
        );
    });

    it("refuses plans of different projects, stack names alike", () => {
        expect(planMismatch({ project: "a", stack: "dev" }, { project: "b", stack: "dev" }, labels)).toBe(
            "refusing to compare plans of different projects: main.json is a plan of stack dev of project a, " +
                "working tree of stack dev of project b",
        );
        expect(planMismatch({ project: "a", stack: "x" }, { project: "b", stack: "y" }, labels)).toMatch(
            /^refusing to compare plans of different stacks and projects: /,
        );
    });

    it("does not compare a project an older saved plan lacks", () => {
        expect(planMismatch({ project: "", stack: "dev" }, { project: "p", stack: "dev" }, labels)).toBeUndefined();
    });
});
