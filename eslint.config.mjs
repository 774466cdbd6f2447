// ESLint flat config: typescript-eslint's recommended rules plus @pulumi/eslint-plugin, whose rules catch
// Outputs interpolated into template literals (use pulumi.interpolate instead), plus the import directions that keep
// the three products apart (see docs/architecture.md):
//
//   infra/catalog <- infra/config <- infra/components <- infra/stack      (the library and the stack program)
//   policies -> infra/catalog only                                         (the policy pack, bundled standalone)
//   plan -> anything                                                       (the offline plan tool)
//   smoke -> infra, never plan or test                                     (the post-deploy smoke check)
//   preflight -> infra, plan, policies, never smoke or test                (the live checks before pulumi up)
//   nothing -> plan, smoke, preflight, test
import pulumi from "@pulumi/eslint-plugin";
import tseslint from "typescript-eslint";

/** An import-path regex and why it is refused; ESLint matches the regex against the import specifier. */
const rule = (regex, message) => ({ regex, message });

const ROOT_AZURE_NATIVE = {
    name: "@pulumi/azure-native",
    message:
        "Import '@pulumi/azure-native/<module>': the package root costs ~50% more load time and twice the type-check memory.",
};
const NO_PLAN = rule(
    "^(\\.\\./)+plan(/|$)",
    "Nothing imports the plan tool: it imports the library and the pack, not the other way.",
);
const NO_TEST = rule("^(\\.\\./)+test(/|$)", "Product code never imports tests or fixtures.");
const NO_SMOKE = rule(
    "^(\\.\\./)+smoke(/|$)",
    "Nothing imports the smoke check: it runs after a deployment, on its own.",
);
const NO_PREFLIGHT = rule(
    "^(\\.\\./)+preflight(/|$)",
    "Nothing imports the preflight: it runs on its own, on top of the plan tool.",
);
const NO_POLICIES = rule("^(\\.\\./)+policies(/|$)", "The library does not import the policy pack.");
/** What no file of the library imports: the tools built on it, the tests, the pack. */
const LIBRARY = [NO_PLAN, NO_SMOKE, NO_PREFLIGHT, NO_TEST, NO_POLICIES];

/** The boundaries, one entry per room: its files and the imports refused there. */
export const BOUNDARIES = [
    { files: ["infra/**/*.ts"], patterns: LIBRARY },
    {
        files: ["infra/catalog/**/*.ts"],
        patterns: [
            ...LIBRARY,
            rule(
                "^\\.\\./(config|components|traffic|util|stack|provider|lib|index)(/|$)",
                "The catalog is the bottom layer: it imports nothing else of infra/.",
            ),
        ],
    },
    {
        files: ["infra/config/**/*.ts"],
        patterns: [
            ...LIBRARY,
            rule(
                "^\\.\\./(components|traffic|stack|provider|lib|index)(/|$)",
                "Config sits below the components: it imports the catalog (and util) only.",
            ),
        ],
    },
    {
        files: ["infra/components/**/*.ts", "infra/traffic/**/*.ts"],
        patterns: [
            ...LIBRARY,
            rule(
                "^\\.\\./(stack|provider|lib|index)(/|$)",
                "Components sit below the stack: they import catalog, config, traffic and util only.",
            ),
        ],
    },
    {
        files: ["policies/**/*.ts"],
        patterns: [
            NO_PLAN,
            NO_SMOKE,
            NO_PREFLIGHT,
            NO_TEST,
            rule(
                "^(\\.\\./)+infra/(?!catalog(/|$))",
                "The policy pack depends on the catalog only (infra/catalog), so it bundles standalone.",
            ),
        ],
    },
    { files: ["plan/**/*.ts", "index.ts", "examples/**/*.ts"], patterns: [NO_SMOKE, NO_PREFLIGHT, NO_TEST] },
    { files: ["bench/**/*.ts"], patterns: [NO_SMOKE, NO_TEST] },
    { files: ["smoke/**/*.ts"], patterns: [NO_PLAN, NO_PREFLIGHT, NO_TEST, NO_POLICIES] },
    { files: ["preflight/**/*.ts"], patterns: [NO_SMOKE, NO_TEST] },
];

export default tseslint.config(
    {
        ignores: [
            "node_modules/",
            "policies/node_modules/",
            "policies/dist/",
            "cli/dist/",
            "dist/",
            "scratch/",
            // Type errors on purpose (the plan's --typecheck test): outside tsconfig.json, so outside typed linting.
            "test/fixtures/stacks/type-error/",
            "**/*.js",
            "**/*.mjs",
        ],
    },
    ...tseslint.configs.recommended,
    {
        files: ["**/*.ts"],
        languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
        plugins: { "@pulumi": pulumi },
        rules: {
            "@pulumi/no-output-in-template-literal": "error",
            "@pulumi/no-output-instance-in-template-literal": "error",
            "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
            "@typescript-eslint/no-floating-promises": "error",
            "no-restricted-imports": ["error", { paths: [ROOT_AZURE_NATIVE] }],
        },
    },
    // Functions with one job each in the library and the pack: none longer than 80 lines.
    {
        files: ["infra/**/*.ts", "policies/**/*.ts"],
        rules: { "max-lines-per-function": ["error", { max: 80, skipBlankLines: true, skipComments: true }] },
    },
    // A later block replaces the rule's options for its files, so each room lists all of its refusals.
    ...BOUNDARIES.map(({ files, patterns }) => ({
        files,
        rules: { "no-restricted-imports": ["error", { paths: [ROOT_AZURE_NATIVE], patterns }] },
    })),
);
