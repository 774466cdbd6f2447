/**
 * `npm run catalog:drift -- [--subscription ID] [--region NAME]... [--format text|markdown] [--arm-endpoint URL]
 *   [--ca FILE]`: the catalog's Foundry table against `locations/{location}/models` of each region it names
 * (`drift.ts`), with the credential of `infra/util/armCredential.ts`. Exit codes: 0 no difference; 1 differences;
 * 2 bad command line or credential variables; 3 failed; 4 no difference found but a region could not be read.
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { argumentError, optionsIn } from "../infra/util/args";
import type { TokenCredential } from "@azure/identity";
import { PUBLIC_ARM_ENDPOINT } from "../infra/catalog/armReads";
import { armCredential, ArmCredentialError, armSubscriptionId, type ArmEnv } from "../infra/util/armCredential";
import type { CommandOutput } from "../plan/cli/command";
import { armReader } from "./arm";
import { catalogDrift, renderDrift } from "./drift";

const USAGE =
    "usage: npm run catalog:drift -- [--subscription ID] [--region NAME]... [--format text|markdown] [--arm-endpoint URL] [--ca FILE]";

export async function driftCommand(
    argv: string[],
    out: CommandOutput,
    deps: { env?: ArmEnv; credential?: TokenCredential } = {},
): Promise<number> {
    let v;
    try {
        v = parseArgs({
            args: argv,
            options: {
                subscription: { type: "string" },
                region: { type: "string", multiple: true },
                format: { type: "string" },
                "arm-endpoint": { type: "string" },
                ca: { type: "string" },
            },
            strict: true,
        }).values;
    } catch (e) {
        out.stderr(`${argumentError(e, optionsIn(USAGE))}\n${USAGE}\n`);
        return 2;
    }
    const format = v.format ?? "text";
    const env = deps.env ?? process.env;
    const subscriptionId = v.subscription ?? armSubscriptionId(env);
    const endpoint = v["arm-endpoint"] ?? PUBLIC_ARM_ENDPOINT;
    const problems = [
        format === "text" || format === "markdown" ? "" : `--format ${format}: expected text or markdown`,
        subscriptionId ? "" : "no subscription: pass --subscription ID or set ARM_SUBSCRIPTION_ID",
        endpoint.startsWith("https://") ? "" : `--arm-endpoint ${endpoint}: expected an https:// URL`,
    ].filter(Boolean);
    if (problems.length > 0) {
        out.stderr(`${problems.join("\n")}\n${USAGE}\n`);
        return 2;
    }
    try {
        const ca = v.ca ? readFileSync(v.ca, "utf8") : undefined;
        const credential = deps.credential ?? armCredential(env, { ca });
        const arm = armReader({ endpoint, credential, ca });
        try {
            const report = await catalogDrift(arm, subscriptionId!, v.region);
            out.stdout(`${renderDrift(report, format as "text" | "markdown")}\n`);
            return report.differences.length > 0 ? 1 : report.unread.length > 0 ? 4 : 0;
        } finally {
            await arm.close();
        }
    } catch (e) {
        if (e instanceof ArmCredentialError) {
            out.stderr(`${e.message}\n`);
            return 2;
        }
        out.stderr(`catalog drift failed: ${e instanceof Error ? e.message : String(e)}\n`);
        return 3;
    }
}

if (require.main === module)
    void driftCommand(process.argv.slice(2), {
        stdout: (t) => process.stdout.write(t),
        stderr: (t) => process.stderr.write(t),
    }).then((code) => {
        process.exitCode = code;
    });
