// @ts-check
/**
 * The commands of the `azure-ai-models` CLI and the entry point each runs, relative to the repository root (the
 * build compiles exactly these, and what they import, into `dist/` at the same relative paths). The one place that
 * names the tools' files: when a tool moves, only this table changes.
 */
"use strict";

/**
 * @typedef {object} Command
 * @property {string} entry the entry point, without extension, relative to the repository root
 * @property {string} summary one line for `azure-ai-models --help`
 * @property {boolean} runsProgram whether it runs the project's Pulumi program (then it must share the program's
 *   `@pulumi/pulumi`)
 */

/** @type {Record<string, Command>} */
const COMMANDS = {
    plan: {
        entry: "plan/cli/cli",
        summary: "plan a stack offline: what `pulumi up` would create, checked against the policy pack",
        runsProgram: true,
    },
    diff: {
        entry: "plan/cli/diffCli",
        summary: "compare the plan with a git ref or a saved plan; --fail-on-destructive gates deletions (exit 4)",
        runsProgram: true,
    },
    lifecycle: {
        entry: "plan/cli/lifecycleCli",
        summary: "list the stack's deployments whose model is legacy, deprecated or retiring soon",
        runsProgram: false,
    },
    smoke: {
        entry: "smoke/cli",
        summary: "after `pulumi up`: one request per deployed model in the stack outputs",
        runsProgram: false,
    },
    preflight: {
        entry: "preflight/cli",
        summary: "the plan, then read-only Azure checks (quota, deprecations, soft-deleted names, permissions)",
        runsProgram: true,
    },
};

/** The TypeScript loader every command runs under (it also loads the project's `.ts` program). */
const RUN_TS = "plan/runTs.js";

module.exports = { COMMANDS, RUN_TS };
