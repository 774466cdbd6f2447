/**
 * The import directions (docs/architecture.md) hold because the lint fails a wrong-way import. Each case lints one
 * import line as if it stood in a file of that room, with the repository's own ESLint config (type-aware rules off,
 * since the file does not exist on disk), and expects `no-restricted-imports` to refuse it, or to let it pass.
 */
import { ESLint } from "eslint";
import * as path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "../..");

const CASES: { file: string; from: string; refused: boolean }[] = [
    // the library: catalog <- config <- components <- stack
    { file: "infra/catalog/x.ts", from: "../config", refused: true },
    { file: "infra/catalog/x.ts", from: "../components/names", refused: true },
    { file: "infra/config/x.ts", from: "../catalog", refused: false },
    { file: "infra/config/x.ts", from: "../components", refused: true },
    { file: "infra/config/x.ts", from: "../stack", refused: true },
    { file: "infra/components/x.ts", from: "../config", refused: false },
    { file: "infra/components/x.ts", from: "../stack", refused: true },
    { file: "infra/stack.ts", from: "./components", refused: false },
    // nothing imports the plan tool or the tests
    { file: "infra/stack.ts", from: "../plan/run", refused: true },
    { file: "infra/components/x.ts", from: "../../plan/run/types", refused: true },
    { file: "policies/lib/x.ts", from: "../../plan/run/types", refused: true },
    { file: "infra/config/x.ts", from: "../../test/helpers/stack", refused: true },
    { file: "plan/x.ts", from: "../test/helpers/stack", refused: true },
    // the policy pack depends on the catalog only
    { file: "policies/lib/x.ts", from: "../../infra/catalog", refused: false },
    { file: "policies/rules/x.ts", from: "../../infra/catalog/suggest", refused: false },
    { file: "policies/lib/x.ts", from: "../../infra/config", refused: true },
    { file: "policies/rules/x.ts", from: "../../infra/util/clock", refused: true },
    { file: "infra/components/x.ts", from: "../../policies/rules", refused: true },
    // the plan tool imports anything
    { file: "plan/x.ts", from: "../infra/config", refused: false },
    { file: "plan/x.ts", from: "../policies/rules", refused: false },
    // the preflight builds on the plan tool; nothing imports it
    { file: "preflight/x.ts", from: "../plan/run", refused: false },
    { file: "preflight/x.ts", from: "../infra/util/armCredential", refused: false },
    { file: "preflight/x.ts", from: "../smoke/run", refused: true },
    { file: "plan/x.ts", from: "../preflight/run", refused: true },
    { file: "infra/util/x.ts", from: "../../preflight/arm", refused: true },
    // and nobody imports the azure-native root
    { file: "infra/components/x.ts", from: "@pulumi/azure-native", refused: true },
    { file: "infra/components/x.ts", from: "@pulumi/azure-native/cognitiveservices", refused: false },
];

let eslint: ESLint;
beforeAll(() => {
    eslint = new ESLint({
        cwd: ROOT,
        overrideConfig: {
            languageOptions: { parserOptions: { projectService: false } },
            rules: {
                "@typescript-eslint/no-floating-promises": "off",
                "@pulumi/no-output-in-template-literal": "off",
                "@pulumi/no-output-instance-in-template-literal": "off",
            },
        },
    });
});

async function restrictedImportMessages(file: string, from: string): Promise<string[]> {
    const [result] = await eslint.lintText(`import * as m from "${from}";\nexport default m;\n`, {
        filePath: path.join(ROOT, file),
    });
    return result.messages.filter((m) => m.ruleId === "no-restricted-imports").map((m) => m.message);
}

describe("import directions", () => {
    it.each(CASES)("$file importing $from: refused=$refused", async ({ file, from, refused }) => {
        const messages = await restrictedImportMessages(file, from);
        expect(messages.length > 0).toBe(refused);
    });

    it("says why an import is refused", async () => {
        expect(await restrictedImportMessages("policies/lib/x.ts", "../../infra/config")).toEqual([
            expect.stringContaining("The policy pack depends on the catalog only"),
        ]);
    });
});
