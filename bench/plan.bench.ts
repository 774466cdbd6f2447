/**
 * `npm run bench`: how long config validation, an in-process plan and the plan command take, on the dev stack and
 * on a large stack (12 projects x 13 serverless models = 156 endpoints). Prints figures; asserts nothing.
 */
import { spawnSync } from "node:child_process";
import * as path from "node:path";
import { performance } from "node:perf_hooks";
import { validateStackConfig } from "../infra/config";
import { captureProgram } from "../plan/capture";
import { defineStack } from "../infra/stack";
import { loadStackConfig } from "../infra/config";

const ROOT = path.resolve(__dirname, "..");
const TODAY = new Date("2024-11-01T00:00:00Z"); // a day every serverless model of the seeds was sold

const MODELS = [
    "Mistral-large",
    "Mistral-large-2407",
    "Mistral-Large-2411",
    "Mistral-small",
    "Ministral-3B",
    "Mistral-Nemo",
    "AI21-Jamba-1.5-Large",
    "AI21-Jamba-1.5-Mini",
    "AI21-Jamba-Instruct",
    "Meta-Llama-3-8B-Instruct",
    "Meta-Llama-3-70B-Instruct",
    "Llama-2-7b-chat",
    "Llama-2-70b",
];
const projects = Array.from({ length: 12 }, (_, i) => ({ name: `team${i + 1}` }));
const LARGE = {
    workspace: { name: "bench", location: "eastus2", projects },
    deployments: projects.flatMap((p) =>
        MODELS.map((m) => ({
            name: `${p.name}-${m.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`.slice(0, 46),
            model: m,
            project: p.name,
        })),
    ),
};
const DEV = {
    workspace: { name: "aimodels-dev", location: "eastus2", projects: [{ name: "chat" }] },
    deployments: [{ name: "ministral", model: "Ministral-3B", project: "chat" }],
};

function stats(samples: number[]): string {
    const s = [...samples].sort((a, b) => a - b);
    const median = s[Math.floor(s.length / 2)];
    return `median ${median.toFixed(2)} ms, min ${s[0].toFixed(2)} ms, max ${s[s.length - 1].toFixed(2)} ms (${s.length} runs)`;
}

function time(runs: number, fn: () => void): number[] {
    const out: number[] = [];
    for (let i = 0; i < runs; i++) {
        const t = performance.now();
        fn();
        out.push(performance.now() - t);
    }
    return out;
}

async function timeAsync(runs: number, fn: () => Promise<void>): Promise<number[]> {
    const out: number[] = [];
    for (let i = 0; i < runs; i++) {
        const t = performance.now();
        await fn();
        out.push(performance.now() - t);
    }
    return out;
}

const flat = (v: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(v).map(([k, x]) => [`azure-ai-models:${k}`, JSON.stringify(x)]));

async function main() {
    console.log(`node ${process.version}`);
    console.log(
        `validate dev config (1 deployment):     ${stats(time(200, () => validateStackConfig(DEV, { today: TODAY })))}`,
    );
    console.log(
        `validate large config (${LARGE.deployments.length} deployments): ${stats(time(50, () => validateStackConfig(LARGE, { today: TODAY })))}`,
    );

    let resources = 0;
    const program = () => defineStack(loadStackConfig({ today: TODAY }));
    const devPlan = await timeAsync(10, async () => {
        const c = await captureProgram(program, { project: "azure-ai-models", stack: "bench", config: flat(DEV) });
        resources = c.resources.length;
    });
    console.log(`plan dev stack in process (${resources} resources):   ${stats(devPlan)}`);
    const largePlan = await timeAsync(5, async () => {
        const c = await captureProgram(program, { project: "azure-ai-models", stack: "bench", config: flat(LARGE) });
        resources = c.resources.length;
    });
    console.log(`plan large stack in process (${resources} resources): ${stats(largePlan)}`);

    const tsx = path.join(ROOT, "node_modules/tsx/dist/cli.mjs");
    const cli = time(3, () => {
        const r = spawnSync(process.execPath, [tsx, path.join(ROOT, "plan/cli.ts"), "--json"], {
            cwd: ROOT,
            encoding: "utf8",
        });
        if (r.status !== 0) throw new Error(r.stderr);
    });
    console.log(`npm run plan -- --json, whole process (dev): ${stats(cli)}`);
}

main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
});
