/**
 * Plans for the review tests, computed in this process with the real plan runner (`runPlan`): each config gets a
 * temporary project folder whose `main` is a copy of `infra/index.ts` with its imports pointed back at this
 * repository. A module runs once per process, so a fresh copy per folder makes the program run again for each plan
 * (what `plan --json` does in its own process, without a process per plan).
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { parse, stringify } from "yaml";
import { runPlan } from "../../plan/run/run";
import type { Plan } from "../../plan/run/types";

export const ROOT = path.resolve(__dirname, "../..");
export const TODAY = "2026-11-21";

/** `infra/index.ts` with its relative imports made absolute, so a copy of it anywhere runs this repository's program. */
function programCopy(): string {
    const source = readFileSync(path.join(ROOT, "infra/index.ts"), "utf8");
    return source.replace(
        /from "\.\/([^"]+)"/g,
        (_m, rel: string) => `from ${JSON.stringify(path.join(ROOT, "infra", rel))}`,
    );
}

/** The dev stack as it was with one model: the base the review tests change, fixed whatever Pulumi.dev.yaml holds. */
export const ONE_MODEL_STACK = path.join(__dirname, "one-model-stack.yaml");

/** The `config:` of a stack file, as a plain object (`azure-ai-models:workspace` → value). */
export function stackFileConfig(file = path.join(ROOT, "Pulumi.dev.yaml")): Record<string, unknown> {
    return (parse(readFileSync(file, "utf8")) as { config: Record<string, unknown> }).config;
}

/** A deep copy, for deriving one config from another. */
export function clone<T>(value: T): T {
    return JSON.parse(JSON.stringify(value)) as T;
}

/** A project folder planning `config` (keys with their namespace) as stack `stack`. */
export function projectFolder(config: Record<string, unknown>, stack = "dev"): string {
    const dir = mkdtempSync(path.join(tmpdir(), "aim-review-"));
    writeFileSync(path.join(dir, "main.ts"), programCopy());
    writeFileSync(
        path.join(dir, "Pulumi.yaml"),
        stringify({ name: "azure-ai-models", runtime: "nodejs", main: "main.ts" }),
    );
    writeFileSync(path.join(dir, `Pulumi.${stack}.yaml`), stringify({ config }));
    return dir;
}

/** The offline plan of a config, as `npm run plan -- --json --today 2026-11-21` computes it. */
export function planOf(
    config: Record<string, unknown>,
    options: { stack?: string; today?: string } = {},
): Promise<Plan> {
    const stack = options.stack ?? "dev";
    return runPlan({
        projectDir: projectFolder(config, stack),
        stack,
        today: new Date(`${options.today ?? TODAY}T00:00:00Z`),
    });
}
