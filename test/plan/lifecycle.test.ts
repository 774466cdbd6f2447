/** The lifecycle report (`npm run catalog:lifecycle`): what a stack's deployments reach within N days. */
import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { stringify } from "yaml";
import { describe, expect, it } from "vitest";
import {
    lifecycleReport,
    lifecycleWarnings,
    renderLifecycleMarkdown,
    renderLifecycleText,
} from "../../plan/lifecycle/lifecycle";
import { planOf } from "../review/plans";
import { lifecycleCli } from "../../plan/cli/lifecycleCli";

const ROOT = path.resolve(__dirname, "../..");
const at = (d: string) => new Date(`${d}T00:00:00Z`);

const hub = { kind: "hub", name: "aimodels-lc", location: "eastus2", projects: [{ name: "chat" }] };
const CONFIG = {
    workspace: hub,
    deployments: [
        { name: "ministral", model: "Ministral-3B", project: "chat" },
        { name: "llama31", model: "llama-3.1-8b-instruct", project: "chat" },
        { name: "vision", model: "Llama-3.2-90B-Vision-Instruct", project: "chat" },
        { name: "docs", model: "mistral-document-ai-2505", project: "chat" },
    ],
    onlineEndpoints: [
        {
            name: "llama2",
            project: "chat",
            deployments: [{ name: "blue", model: "Llama-2-7b-chat", version: 27, instanceType: "Standard_NC12s_v3" }],
        },
    ],
};

/** A project folder with `config` as stack `lc`. */
function project(config: Record<string, unknown>): string {
    const dir = mkdtempSync(path.join(tmpdir(), "aim-lifecycle-"));
    writeFileSync(path.join(dir, "Pulumi.yaml"), stringify({ name: "azure-ai-models", runtime: "nodejs" }));
    const namespaced = Object.fromEntries(Object.entries(config).map(([k, v]) => [`azure-ai-models:${k}`, v]));
    writeFileSync(path.join(dir, "Pulumi.lc.yaml"), stringify({ config: namespaced }));
    return dir;
}

describe("lifecycle report", () => {
    it("lists each date within the window and each stage already reached, with the replacement", () => {
        const r = lifecycleReport(CONFIG, at("2026-01-20"), 90);
        expect([r.today, r.until, r.checked]).toEqual(["2026-01-20", "2026-04-20", 5]);
        expect(
            r.items.map((i) => [
                i.subject.name,
                i.subject.type,
                i.subject.model.name,
                i.event,
                i.date,
                i.days,
                i.replacement,
            ]),
        ).toEqual([
            ["llama2/blue", "managed", "Llama-2-7b-chat", "retired", "2025-06-30", -204, "no replacement is named"],
            [
                "llama31",
                "serverless",
                "Meta-Llama-3.1-8B-Instruct",
                "legacy",
                "2026-02-13",
                24,
                "no replacement on Azure",
            ],
            [
                "vision",
                "serverless",
                "Llama-3.2-90B-Vision-Instruct",
                "legacy",
                "2026-02-13",
                24,
                "replacement: Llama-4-Maverick-17B-128E-Instruct-FP8 or Llama-4-Scout-17B-16E-Instruct on a Foundry resource (azure-ai-models:foundry)",
            ],
            [
                "llama31",
                "serverless",
                "Meta-Llama-3.1-8B-Instruct",
                "deprecated",
                "2026-03-13",
                52,
                "no replacement on Azure",
            ],
            [
                "vision",
                "serverless",
                "Llama-3.2-90B-Vision-Instruct",
                "deprecated",
                "2026-03-13",
                52,
                "replacement: Llama-4-Maverick-17B-128E-Instruct-FP8 or Llama-4-Scout-17B-16E-Instruct on a Foundry resource (azure-ai-models:foundry)",
            ],
        ]);
        expect(r.items[0].subject.path).toBe("azure-ai-models:onlineEndpoints[0].deployments[0]");
    });

    it("reports a retirement the window reaches, and one already past, in days", () => {
        const r = lifecycleReport(CONFIG, at("2026-06-01"), 30);
        expect(r.items.map((i) => `${i.subject.name} ${i.event} ${i.date} ${i.days}`)).toEqual([
            "llama2/blue retired 2025-06-30 -336",
            "llama31 deprecated 2026-03-13 -80",
            "vision deprecated 2026-03-13 -80",
            "llama31 retired 2026-06-13 12",
            "vision retired 2026-06-13 12",
        ]);
        expect(renderLifecycleText(r, "lc").split("\n")).toEqual([
            "Lifecycle report: stack lc, 2026-06-01 to 2026-07-01 (30 days): 5 deployment(s) checked, 5 due",
            "",
            "deployment   type        model                          event       date        when          replacement",
            "llama2/blue  managed     Llama-2-7b-chat                retired     2025-06-30  336 days ago  no replacement is named",
            "llama31      serverless  Meta-Llama-3.1-8B-Instruct     deprecated  2026-03-13  80 days ago   no replacement on Azure",
            "vision       serverless  Llama-3.2-90B-Vision-Instruct  deprecated  2026-03-13  80 days ago   replacement: Llama-4-Maverick-17B-128E-Instruct-FP8 or Llama-4-Scout-17B-16E-Instruct on a Foundry resource (azure-ai-models:foundry)",
            "llama31      serverless  Meta-Llama-3.1-8B-Instruct     retired     2026-06-13  in 12 days    no replacement on Azure",
            "vision       serverless  Llama-3.2-90B-Vision-Instruct  retired     2026-06-13  in 12 days    replacement: Llama-4-Maverick-17B-128E-Instruct-FP8 or Llama-4-Scout-17B-16E-Instruct on a Foundry resource (azure-ai-models:foundry)",
        ]);
        // mistral-document-ai-2505 retires 2026-07-15: outside this window, inside a longer one.
        expect(lifecycleReport(CONFIG, at("2026-06-01"), 60).items.map((i) => i.subject.name)).toContain("docs");
    });

    it("is empty for current models, and renders Markdown for an issue", () => {
        const current = { workspace: hub, deployments: [{ name: "m", model: "mistral-small-2503", project: "chat" }] };
        const r = lifecycleReport(current, at("2026-12-01"), 90);
        expect(r.items).toEqual([]);
        expect(renderLifecycleText(r, "lc")).toBe(
            "Lifecycle report: stack lc, 2026-12-01 to 2027-03-01 (90 days): 1 deployment(s) checked, 0 due\nNothing reaches a lifecycle date in this window.",
        );
        const md = renderLifecycleMarkdown(lifecycleReport(CONFIG, at("2026-06-01"), 30), "lc").split("\n");
        expect(md[0]).toBe(
            "## Lifecycle report: stack lc, 2026-06-01 to 2026-07-01 (30 days): 5 deployment(s) checked, 5 due",
        );
        expect(md).toContain(
            "| `llama31` | `serverless` | `Meta-Llama-3.1-8B-Instruct` | retired | 2026-06-13 | in 12 days | no replacement on Azure |",
        );
    });
});

/** A stack on a Foundry resource only (no hub): one current model and mistral-document-ai-2505, retired 2026-07-15. */
const FOUNDRY = {
    foundry: {
        name: "aimodels-lcf",
        location: "swedencentral",
        deployments: [
            { name: "mistral-large", model: "Mistral-Large-3", sku: "GlobalStandard", capacity: 100 },
            { name: "ocr", model: "mistral-document-ai-2505", sku: "GlobalStandard", capacity: 10 },
        ],
    },
};

describe("lifecycle report of Foundry deployments", () => {
    it("lists a Foundry deployment whose offer retires within the window, with its Foundry replacement", () => {
        const r = lifecycleReport(FOUNDRY, at("2026-06-01"), 90);
        expect(r.checked).toBe(2);
        expect(
            r.items.map((i) => [
                i.subject.path,
                i.subject.name,
                i.subject.type,
                i.subject.model.name,
                i.stage,
                i.event,
                i.date,
                i.days,
                i.replacement,
            ]),
        ).toEqual([
            [
                "azure-ai-models:foundry.deployments[1]",
                "ocr",
                "foundry",
                "mistral-document-ai-2505",
                "active",
                "retired",
                "2026-07-15",
                44,
                "replacement: mistral-document-ai-2512 on a Foundry resource (azure-ai-models:foundry)",
            ],
        ]);
        expect(renderLifecycleText(r, "lc").split("\n")).toEqual([
            "Lifecycle report: stack lc, 2026-06-01 to 2026-08-30 (90 days): 2 deployment(s) checked, 1 due",
            "",
            "deployment  type     model                     event    date        when        replacement",
            "ocr         foundry  mistral-document-ai-2505  retired  2026-07-15  in 44 days  replacement: mistral-document-ai-2512 on a Foundry resource (azure-ai-models:foundry)",
        ]);
        // Outside a 30-day window; still listed (as retired) after the date.
        expect(lifecycleReport(FOUNDRY, at("2026-06-01"), 30).items).toEqual([]);
        const after = lifecycleReport(FOUNDRY, at("2026-08-01"), 0).items;
        expect(after.map((i) => [i.subject.name, i.stage, i.event, i.days])).toEqual([
            ["ocr", "retired", "retired", -17],
        ]);
    });

    it("npm run catalog:lifecycle -- --today 2026-06-01 lists it next to the hub deployments, in JSON too", () => {
        const dir = project({ ...CONFIG, ...FOUNDRY });
        const text = lifecycleCli(["--stack", "lc", "--dir", dir, "--today", "2026-06-01"]);
        expect(text.code).toBe(1);
        expect(text.stdout.split("\n")[0]).toBe(
            "Lifecycle report: stack lc, 2026-06-01 to 2026-08-30 (90 days): 7 deployment(s) checked, 7 due",
        );
        expect(text.stdout).toMatch(
            /\nocr +foundry +mistral-document-ai-2505 +retired +2026-07-15 +in 44 days +replacement: mistral-document-ai-2512 on a Foundry resource \(azure-ai-models:foundry\)\n/,
        );
        const json = JSON.parse(
            lifecycleCli(["--stack", "lc", "--dir", dir, "--today", "2026-06-01", "--format", "json"]).stdout,
        );
        expect(json.items.filter((i: { type: string }) => i.type === "foundry")).toEqual([
            {
                stage: "active",
                event: "retired",
                date: "2026-07-15",
                days: 44,
                replacement: "replacement: mistral-document-ai-2512 on a Foundry resource (azure-ai-models:foundry)",
                deployment: "ocr",
                path: "azure-ai-models:foundry.deployments[1]",
                type: "foundry",
                model: "mistral-document-ai-2505",
            },
        ]);
    });
});

describe("the plan warns ahead of the lifecycle watch", () => {
    const RETIRES =
        "mistral-document-ai-2505 (foundry) becomes retired on 2026-07-15, in 44 days, within the lifecycle watch's 90-day window; replacement: mistral-document-ai-2512 on a Foundry resource (azure-ai-models:foundry)";

    it("warns for a date within the window, once, at the deployment's path; nothing outside it", () => {
        expect(lifecycleWarnings(FOUNDRY, at("2026-06-01"))).toEqual([
            { path: "azure-ai-models:foundry.deployments[1]", message: RETIRES },
        ]);
        expect(lifecycleWarnings(FOUNDRY, at("2026-03-01"))).toEqual([]);
        // Once reached, the stage is config validation's to report (here: retired, an error without acceptRetired).
        expect(lifecycleWarnings(FOUNDRY, at("2026-08-01"))).toEqual([]);
    });

    it("npm run plan carries the warning", async () => {
        const plan = await planOf(FOUNDRY, { stack: "lc", today: "2026-06-01" });
        expect(plan.errors).toEqual([]);
        expect(plan.warnings.filter((w) => w.message.includes("lifecycle watch"))).toEqual([
            { path: "azure-ai-models:foundry.deployments[1]", message: RETIRES },
        ]);
    }, 120_000);

    it("says which deployments it could not judge: models outside the catalog", () => {
        const config = {
            foundry: {
                ...FOUNDRY.foundry,
                deployments: [
                    ...FOUNDRY.foundry.deployments,
                    {
                        name: "gpt",
                        format: "OpenAI",
                        model: "gpt-5.4-mini",
                        version: "2026-03-17",
                        sku: "GlobalStandard",
                        capacity: 5,
                    },
                ],
            },
        };
        const r = lifecycleReport(config, at("2026-06-01"), 90);
        expect(r.checked).toBe(2);
        expect(r.unjudged).toEqual([
            { path: "azure-ai-models:foundry.deployments[2]", name: "gpt", model: "OpenAI/gpt-5.4-mini" },
        ]);
        const text = renderLifecycleText(r, "lc").split("\n");
        expect(text[0]).toBe(
            "Lifecycle report: stack lc, 2026-06-01 to 2026-08-30 (90 days): 2 deployment(s) checked, 1 not judged, 1 due",
        );
        expect(text.at(-1)).toBe(
            "Not judged: gpt (azure-ai-models:foundry.deployments[2]) deploys OpenAI/gpt-5.4-mini, which is not in the catalog: no lifecycle dates.",
        );
    });
});

describe("npm run catalog:lifecycle", () => {
    it("exits 1 when something is due, 0 when nothing is, 2 for a bad command line or config", () => {
        const dir = project(CONFIG);
        const due = lifecycleCli(["--stack", "lc", "--dir", dir, "--today", "2026-06-01", "--days", "30"]);
        expect(due.code).toBe(1);
        expect(due.stdout.split("\n")[0]).toBe(
            "Lifecycle report: stack lc, 2026-06-01 to 2026-07-01 (30 days): 5 deployment(s) checked, 5 due",
        );
        const json = JSON.parse(
            lifecycleCli(["--stack", "lc", "--dir", dir, "--today", "2026-06-01", "--days", "30", "--json"]).stdout,
        );
        expect(json.items[3]).toEqual({
            stage: "deprecated",
            event: "retired",
            date: "2026-06-13",
            days: 12,
            replacement: "no replacement on Azure",
            deployment: "llama31",
            path: "azure-ai-models:deployments[1]",
            type: "serverless",
            model: "Meta-Llama-3.1-8B-Instruct",
        });
        const current = project({
            workspace: hub,
            deployments: [{ name: "m", model: "Codestral-2501", project: "chat" }],
        });
        expect(lifecycleCli(["--stack", "lc", "--dir", current, "--today", "2026-12-01"]).code).toBe(0);
        expect(lifecycleCli(["--stack", "lc", "--dir", dir, "--days", "soon"])).toEqual({
            code: 2,
            stdout: "",
            stderr: '--days "soon" is not a whole number of days\n',
        });
        const bad = project({ workspace: hub, deployments: [{ name: "m", model: "Mistral-Tiny", project: "chat" }] });
        const invalid = lifecycleCli(["--stack", "lc", "--dir", bad]);
        expect(invalid.code).toBe(2);
        expect(invalid.stderr.split("\n")[0]).toBe("the stack config is invalid:");
        expect(invalid.stderr).toContain("azure-ai-models:deployments[0].model");
    });

    it("runs as npm run catalog:lifecycle on the dev stack: nothing due a year ahead", async () => {
        const r = await new Promise<{ code: number; stdout: string }>((resolve) =>
            execFile(
                process.execPath,
                [require.resolve("tsx/cli"), "plan/cli/lifecycleCli.ts", "--today", "2027-06-01", "--days", "90"],
                { cwd: ROOT, encoding: "utf8" },
                (e, stdout) => resolve({ code: e ? (e.code as number) : 0, stdout }),
            ),
        );
        expect(r.code).toBe(0);
        expect(r.stdout).toBe(
            "Lifecycle report: stack dev, 2027-06-01 to 2027-08-30 (90 days): 3 deployment(s) checked, 0 due\nNothing reaches a lifecycle date in this window.\n",
        );
    });
});
