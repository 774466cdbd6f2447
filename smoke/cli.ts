/**
 * `npm run smoke -- --stack NAME [--outputs FILE] [--timeout SECONDS] [--ca FILE] [--wait-for-access SECONDS]
 *   [--allow-host HOST]...`
 *
 * After `pulumi up`: sends one minimal chat (or completion) request to every deployment in the stack's outputs and
 * prints a table. The outputs come from `--outputs FILE` or stdin, as `pulumi stack output --json --show-secrets`
 * prints them. Exit codes: 0 every deployment answered; 1 at least one did not; 2 the command line or the outputs
 * are wrong. Keys are sent to their endpoints only and never printed. `--wait-for-access SECONDS` retries a deployment
 * that answers 401 or 403 with a growing backoff until that many seconds have passed (a new role assignment takes
 * minutes to apply), then reports as without it.
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import type { TokenCredential } from "@azure/identity";
import { argumentError, optionsIn } from "../infra/util/args";
import { armCredential } from "../infra/util/armCredential";
import { redact } from "./check";
import { renderReport, smoke } from "./run";
import { OutputsError } from "./targets";

const USAGE =
    "usage: pulumi stack output --json --show-secrets --stack NAME | npm run smoke -- --stack NAME [--timeout SECONDS] [--ca FILE] [--wait-for-access SECONDS] [--allow-host HOST]...\n" +
    "       npm run smoke -- --stack NAME --outputs FILE [--timeout SECONDS] [--ca FILE] [--wait-for-access SECONDS] [--allow-host HOST]...";

function readStdin(): string {
    return readFileSync(0, "utf8");
}

/** Every string value under a `primaryKey`/`secondaryKey` field: what the output must never show. */
function secretsOf(value: unknown, out: string[] = []): string[] {
    if (Array.isArray(value)) value.forEach((v) => secretsOf(v, out));
    else if (value && typeof value === "object")
        for (const [k, v] of Object.entries(value)) {
            if (/key$/i.test(k) && typeof v === "string") out.push(v);
            else secretsOf(v, out);
        }
    return out;
}

/**
 * Runs the check. `credential` gives the Microsoft Entra ID tokens of targets without a key (a Foundry resource
 * with local auth off, an `AADToken` online endpoint): the `ARM_*` variables (Pulumi ESC, Pulumi Deployments), else
 * `DefaultAzureCredential` (`infra/util/armCredential.ts`), unless a test passes its own.
 */
export async function main(
    argv: string[],
    input: () => string = readStdin,
    credential: TokenCredential = armCredential(),
    stdinIsTerminal: () => boolean = () => process.stdin.isTTY === true,
): Promise<{ code: number; stdout: string; stderr: string }> {
    let values: {
        stack?: string;
        outputs?: string;
        timeout?: string;
        ca?: string;
        "allow-host"?: string[];
        "wait-for-access"?: string;
        help?: boolean;
    };
    try {
        ({ values } = parseArgs({
            args: argv,
            options: {
                stack: { type: "string", short: "s" },
                outputs: { type: "string" },
                timeout: { type: "string" },
                ca: { type: "string" },
                "allow-host": { type: "string", multiple: true },
                "wait-for-access": { type: "string" },
                help: { type: "boolean", short: "h" },
            },
            strict: true,
        }));
    } catch (e) {
        return { code: 2, stdout: "", stderr: `${argumentError(e, optionsIn(USAGE))}\n${USAGE}\n` };
    }
    if (values.help) return { code: 0, stdout: `${USAGE}\n`, stderr: "" };
    if (!values.stack) return { code: 2, stdout: "", stderr: `--stack is required\n${USAGE}\n` };
    // Nothing piped in and no --outputs: reading the terminal would wait silently for input that never comes.
    if (values.outputs === undefined && stdinIsTerminal())
        return {
            code: 2,
            stdout: "",
            stderr: `no stack outputs: pipe \`pulumi stack output --json --show-secrets\` into it, or pass --outputs FILE\n${USAGE}\n`,
        };
    const timeoutSeconds = values.timeout === undefined ? 60 : Number(values.timeout);
    if (!Number.isFinite(timeoutSeconds) || timeoutSeconds <= 0)
        return {
            code: 2,
            stdout: "",
            stderr: `--timeout ${JSON.stringify(values.timeout)} is not a number of seconds\n`,
        };
    const waitForAccessSeconds = values["wait-for-access"] === undefined ? 0 : Number(values["wait-for-access"]);
    if (!Number.isFinite(waitForAccessSeconds) || waitForAccessSeconds < 0)
        return {
            code: 2,
            stdout: "",
            stderr: `--wait-for-access ${JSON.stringify(values["wait-for-access"])} is not a number of seconds\n`,
        };
    let outputs: unknown;
    let ca: string | undefined;
    try {
        const text = values.outputs ? readFileSync(values.outputs, "utf8") : input();
        outputs = JSON.parse(text);
        ca = values.ca ? readFileSync(values.ca, "utf8") : undefined;
    } catch (e) {
        return { code: 2, stdout: "", stderr: `cannot read the stack outputs: ${(e as Error).message}\n${USAGE}\n` };
    }
    try {
        const report = await smoke(outputs, {
            timeoutSeconds,
            ca,
            credential,
            waitForAccessSeconds,
            allowedHosts: values["allow-host"] ?? [],
        });
        const text = redact(renderReport(report, values.stack), secretsOf(outputs));
        return { code: report.passed ? 0 : 1, stdout: `${text}\n`, stderr: "" };
    } catch (e) {
        if (e instanceof OutputsError) return { code: 2, stdout: "", stderr: `${e.message}\n` };
        throw e;
    }
}

if (require.main === module) {
    main(process.argv.slice(2)).then(
        ({ code, stdout, stderr }) => {
            process.stdout.write(stdout);
            process.stderr.write(stderr);
            process.exit(code);
        },
        (e: unknown) => {
            process.stderr.write(`smoke failed: ${e instanceof Error ? e.message : String(e)}\n`);
            process.exit(3);
        },
    );
}
