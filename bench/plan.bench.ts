/**
 * `npm run bench [-- --runs N] [-- --skip-tests]`: the performance goals, each as whole processes timed from outside,
 * in one run on this machine. Prints figures; asserts nothing (a benchmark, never a timed test).
 *
 * - P1: the plan command of the dev stack (`node plan/runTs.js plan/cli/cli.ts`, what `npm run plan` runs) against the
 *   floor (Node loading `@pulumi/pulumi` and `@pulumi/azure-native/machinelearningservices`), run in turn, A B A B,
 *   the ratio taken pair by pair so a drift in the machine's speed cancels out. Goal: median ratio at most 1.5.
 * - P2: `plan --json` of stacks with 1, 100 and 300 serverless deployments (13 models per project), run in rounds
 *   (1, 100, 300, 1, 100, 300, ...) after one warm-up each: time, CPU and peak resident memory of each process, the
 *   100/1 ratio taken round by round (goal: median at most 2) and the memory each resource adds.
 * - Preflight: `bench/preflight.bench.ts` in its own process (32 Foundry deployments in 3 regions against a loopback
 *   ARM answering after 100 ms; goal at most 1.5 s).
 * - The test suite: what `npm test` runs (vitest with package.json's arguments), wall time and the CPU of all its
 *   processes. Goal: under 60 s.
 *
 * Each timed process is started with `--require bench/rusage.js`, which writes its CPU time and peak RSS as the
 * kernel accounted them.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { argumentError, optionsIn } from "../infra/util/args";
import { stringify } from "yaml";
import { SEED_SERVERLESS_MODELS } from "./seedModels";

const ROOT = path.resolve(__dirname, "..");
const RUN_TS = path.join(ROOT, "plan/runTs.js");
const PLAN_CLI = path.join(ROOT, "plan/cli/cli.ts");
const RUSAGE = path.join(ROOT, "bench/rusage.js");
const VITEST = path.join(ROOT, "node_modules/vitest/vitest.mjs");
const FLOOR = 'require("@pulumi/pulumi"); require("@pulumi/azure-native/machinelearningservices");';
/** A day every serverless model below was sold, so the large stacks are valid. */
const TODAY = "2024-11-01";
const MODELS = SEED_SERVERLESS_MODELS;

interface Run {
    wall: number;
    cpu: number;
    maxRssMiB: number;
    code: number | null;
    stdout: string;
    stderr: string;
}

const TMP = mkdtempSync(path.join(os.tmpdir(), "aim-bench-"));
let runs = 0;

/** Runs `node ARGS` in `cwd` and returns its wall time, CPU time and peak RSS. */
function timed(args: string[], cwd = ROOT): Run {
    const usageFile = path.join(TMP, `usage-${runs++}.json`);
    const start = performance.now();
    const r = spawnSync(process.execPath, ["--require", RUSAGE, ...args], {
        cwd,
        encoding: "utf8",
        maxBuffer: 1024 * 1024 * 1024,
        env: { ...process.env, BENCH_RUSAGE_FILE: usageFile },
    });
    const wall = (performance.now() - start) / 1000;
    const usage = JSON.parse(readFileSync(usageFile, "utf8")) as { cpu: number; maxRssMiB: number };
    return { wall, ...usage, code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function median(values: number[]): number {
    const s = [...values].sort((a, b) => a - b);
    const mid = Math.floor(s.length / 2);
    return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** `median (min-max)` with a unit. */
function spread(values: number[], digits: number, unit: string): string {
    const f = (v: number) => v.toFixed(digits);
    return `${f(median(values))}${unit} (${f(Math.min(...values))}-${f(Math.max(...values))})`;
}

function machine(): string {
    const cpus = os.cpus();
    const load = os.loadavg().map((l) => l.toFixed(2));
    return (
        `${os.type()} ${os.release()}, ${cpus.length} x ${cpus[0]?.model.trim() ?? "unknown CPU"}, ` +
        `${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}; load average ${load.join(" ")} at start`
    );
}

function p1(pairs: number): void {
    const plan = [RUN_TS, PLAN_CLI];
    const floor = ["-e", FLOOR];
    timed(plan);
    timed(floor);
    const a: Run[] = [];
    const b: Run[] = [];
    for (let i = 0; i < pairs; i++) {
        a.push(timed(plan));
        b.push(timed(floor));
        if (a[i].code !== 0) throw new Error(`the plan of the dev stack failed (exit ${a[i].code}): ${a[i].stderr}`);
    }
    const ratio = (f: (r: Run) => number) =>
        spread(
            a.map((r, i) => f(r) / f(b[i])),
            2,
            "x",
        );
    console.log(`\nP1: plan of the dev stack vs the floor, ${pairs} pairs run in turn (goal: ratio <= 1.5)`);
    console.log(
        `  plan  (node plan/runTs.js plan/cli/cli.ts)  wall ${spread(
            a.map((r) => r.wall),
            2,
            " s",
        )}`,
    );
    console.log(
        `                                          cpu  ${spread(
            a.map((r) => r.cpu),
            2,
            " s",
        )}`,
    );
    console.log(
        `  floor (node loading the two modules)    wall ${spread(
            b.map((r) => r.wall),
            2,
            " s",
        )}`,
    );
    console.log(
        `                                          cpu  ${spread(
            b.map((r) => r.cpu),
            2,
            " s",
        )}`,
    );
    console.log(`  P1 ratio plan/floor: wall ${ratio((r) => r.wall)}, cpu ${ratio((r) => r.cpu)}`);
}

/** A project folder planning this repository's program with `count` serverless deployments, 13 per project. */
function largeStack(count: number): string {
    const dir = path.join(TMP, `stack-${count}`);
    mkdirSync(dir);
    const projects = Array.from({ length: Math.ceil(count / MODELS.length) }, (_, i) => ({ name: `team${i + 1}` }));
    const deployments = Array.from({ length: count }, (_, i) => {
        const project = projects[Math.floor(i / MODELS.length)].name;
        const model = MODELS[i % MODELS.length];
        const name = `${project}-${model.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`.slice(0, 46);
        return { name, model, project };
    });
    const main = path.join(ROOT, "infra/index.ts");
    writeFileSync(path.join(dir, "Pulumi.yaml"), stringify({ name: "azure-ai-models", runtime: "nodejs", main }));
    const config = {
        // Closed, with the way in managed elsewhere: the resources the figures were first measured on.
        "azure-ai-models:workspace": {
            name: "bench",
            location: "eastus2",
            network: { accessManagedElsewhere: true },
            projects,
        },
        "azure-ai-models:deployments": deployments,
    };
    writeFileSync(path.join(dir, "Pulumi.bench.yaml"), stringify({ config }));
    return dir;
}

function p2(rounds: number): void {
    console.log(
        `\nP2: plan --json of large stacks, ${rounds} rounds of 1, 100 and 300 deployments run in turn ` +
            `(goals: 100/1 <= 2; half the MiB per resource)`,
    );
    const counts = [1, 100, 300];
    const planOf = (dir: string) => [RUN_TS, PLAN_CLI, "--dir", dir, "--stack", "bench", "--today", TODAY, "--json"];
    const plans = counts.map((count) => planOf(largeStack(count)));
    const check = (r: Run, i: number): Run => {
        if (r.code !== 0) throw new Error(`the plan of ${counts[i]} deployments failed (exit ${r.code}): ${r.stderr}`);
        return r;
    };
    const resources = plans.map(
        (args, i) => (JSON.parse(check(timed(args), i).stdout) as { resources: unknown[] }).resources.length,
    );
    // Rounds, not blocks: a drift in the machine's speed hits the three sizes alike, and the ratios are taken
    // round by round, as P1 takes its pairs.
    const results: Run[][] = counts.map(() => []);
    for (let round = 0; round < rounds; round++) {
        plans.forEach((args, i) => results[i].push(check(timed(args), i)));
    }
    const rows = counts.map((count, i) => ({
        count,
        resources: resources[i],
        cpu: median(results[i].map((r) => r.cpu)),
        rss: median(results[i].map((r) => r.maxRssMiB)),
    }));
    rows.forEach(({ count, resources: n }, i) => {
        const rs = results[i];
        console.log(
            `  ${String(count).padStart(3)} deployments, ${String(n).padStart(4)} resources: ` +
                `wall ${spread(
                    rs.map((r) => r.wall),
                    2,
                    " s",
                )}, cpu ${spread(
                    rs.map((r) => r.cpu),
                    2,
                    " s",
                )}, peak RSS ${spread(
                    rs.map((r) => r.maxRssMiB),
                    0,
                    " MiB",
                )}`,
        );
    });
    const ratio = (f: (r: Run) => number) =>
        spread(
            results[1].map((r, round) => f(r) / f(results[0][round])),
            2,
            "x",
        );
    console.log(`  P2 ratio 100/1 (round by round): wall ${ratio((r) => r.wall)}, cpu ${ratio((r) => r.cpu)}`);
    const [one, , large] = rows;
    const perResource = (large.rss - one.rss) / (large.resources - one.resources);
    const cpuPerResource = (1000 * (large.cpu - one.cpu)) / (large.resources - one.resources);
    console.log(
        `  P2 per resource (1 to 300 deployments): ${perResource.toFixed(3)} MiB peak RSS, ${cpuPerResource.toFixed(1)} ms CPU`,
    );
}

/** CPU seconds of this process's waited-for children (Linux `/proc/self/stat` cutime + cstime), if readable. */
function childrenCpu(): number | undefined {
    try {
        const fields = readFileSync("/proc/self/stat", "utf8").split(") ")[1].split(" ");
        // After the command name: state is field 3, cutime 16 and cstime 17 (1-based), in clock ticks (100 Hz).
        return (Number(fields[13]) + Number(fields[14])) / 100;
    } catch {
        return undefined;
    }
}

/** `npm test`'s vitest arguments, from package.json (`vitest run ...`). */
function testArgs(): string[] {
    const script = (JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { scripts: { test: string } })
        .scripts.test;
    const [command, ...args] = script.split(/\s+/);
    if (command !== "vitest") throw new Error(`npm test runs ${JSON.stringify(script)}, not vitest`);
    return args;
}

function testSuite(): void {
    const args = testArgs();
    console.log(`\nTest suite: npm test (vitest ${args.join(" ")}), one run (goal: under 60 s)`);
    const cpuBefore = childrenCpu();
    const start = performance.now();
    const r = spawnSync(process.execPath, [VITEST, ...args, "--reporter=dot"], { cwd: ROOT, encoding: "utf8" });
    const wall = (performance.now() - start) / 1000;
    const cpuAfter = childrenCpu();
    const cpu = cpuBefore !== undefined && cpuAfter !== undefined ? `${(cpuAfter - cpuBefore).toFixed(1)} s` : "n/a";
    const summary = /Tests\s+(.*)/.exec(r.stdout.replace(/\x1b\[[0-9;]*m/g, ""))?.[1] ?? "";
    console.log(`  wall ${wall.toFixed(1)} s, cpu of all its processes ${cpu}, exit ${r.status}; tests: ${summary}`);
}

function preflight(): void {
    const r = spawnSync(process.execPath, [RUN_TS, path.join(ROOT, "bench/preflight.bench.ts")], {
        cwd: ROOT,
        encoding: "utf8",
    });
    process.stdout.write(r.stdout);
    if (r.status !== 0) console.log(`  preflight bench failed (exit ${r.status}): ${r.stderr.trim()}`);
}

const USAGE = "usage: npm run bench -- [--runs N] [--skip-tests]";

function main(): void {
    let values: { runs: string; "skip-tests": boolean; help?: boolean };
    try {
        ({ values } = parseArgs({
            options: {
                runs: { type: "string", default: "7" },
                "skip-tests": { type: "boolean", default: false },
                help: { type: "boolean", short: "h" },
            },
            strict: true,
        }));
    } catch (e) {
        process.stderr.write(`${argumentError(e, optionsIn(USAGE))}\n${USAGE}\n`);
        process.exit(2);
    }
    if (values.help) {
        process.stdout.write(
            `${USAGE}\nP1: the dev stack's plan against the floor, --runs pairs (default 7); P2: plans of large stacks; ` +
                "then the test suite (left out with --skip-tests). Figures: docs/performance.md.\n",
        );
        return;
    }
    if (!/^[1-9]\d*$/.test(values.runs)) {
        process.stderr.write(`--runs ${JSON.stringify(values.runs)} is not a positive whole number\n${USAGE}\n`);
        process.exit(2);
    }
    const pairs = Math.max(1, Number(values.runs));
    console.log(`machine: ${machine()}`);
    try {
        p1(pairs);
        p2(Math.min(5, pairs));
        preflight();
        if (!values["skip-tests"]) testSuite();
    } finally {
        rmSync(TMP, { recursive: true, force: true });
    }
}

main();
