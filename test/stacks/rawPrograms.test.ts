/**
 * Raw azure-native programs that try to get around the policy pack (`test/fixtures/raw-programs/<name>`): each is
 * planned offline and must fail the mandatory gate with a message naming the resource and the reason; the compliant
 * ones pass. Each program is planned once per process (a module runs once), in `beforeAll`.
 */
import * as path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { renderMarkdown } from "../../plan/report/markdown";
import { evaluatePolicies, type PolicyPackConfig } from "../../plan/checks/policy";
import { renderText } from "../../plan/report/render";
import { runPlan } from "../../plan/run/run";
import { isMandatory, type Plan } from "../../plan/run/types";

const FIXTURES = path.resolve(__dirname, "../fixtures/raw-programs");
const TODAY = "2026-11-21";

interface Way {
    name: string;
    /** Every mandatory violation: rule, resource and exact message. */
    mandatory: { rule: string; resourceName: string; message: string }[];
    /** A pack config under which the program passes (the exception a team would grant). */
    allowedBy?: PolicyPackConfig;
    /** Update semantics (values Azure computes are known). @default true */
    preview?: boolean;
}

const OPAQUE_FIX =
    "Use the typed azure-native resource (or this package's components) so the pack can judge it, or list it in the no-opaque-ai-resources config (allowedResources).";
const unknownType = (type: string, name: string) =>
    `azure-native:machinelearningservices:${type} "${name}" is a machinelearningservices resource type the policy pack does not know, so no rule judges what it deploys (models, region, keys, network access). ` +
    "Use a type the pack knows, or list it in the known-governed-types config (allowedTypes).";
const westeurope = (what: string, name: string) => ({
    rule: "allowed-regions",
    resourceName: name,
    message:
        `${what} "${name}" is in region "westeurope", which is not allowed. Allowed regions: eastus, eastus2, northcentralus, southcentralus, westus, westus3 and swedencentral. ` +
        'Set its location to one of them, or add "westeurope" to the allowed-regions config (allowedRegions).',
});
const RAI = 'cognitiveservices.RaiPolicy "open"';

const WAYS: Way[] = [
    {
        name: "generic-resource",
        mandatory: [
            {
                rule: "allowed-regions",
                resourceName: "foundry-generic",
                message:
                    'azure-native:resources:Resource "foundry-generic" is in region "westeurope", which is not allowed. Allowed regions: eastus, eastus2, northcentralus, southcentralus, westus, westus3 and swedencentral. Set its location to one of them, or add "westeurope" to the allowed-regions config (allowedRegions).',
            },
            {
                rule: "no-opaque-ai-resources",
                resourceName: "foundry-generic",
                message: `Generic ARM resource (resources.Resource) "foundry-generic" creates Microsoft.CognitiveServices/accounts, which the pack cannot judge through a generic resource (region, local auth, network access, models). ${OPAQUE_FIX}`,
            },
        ],
    },
    {
        name: "template-deployment",
        mandatory: [
            {
                rule: "no-opaque-ai-resources",
                resourceName: "foundry-template",
                message: `ARM template deployment (resources.Deployment) "foundry-template" creates Microsoft.CognitiveServices/accounts and Microsoft.CognitiveServices/accounts/deployments through an ARM template, which the pack cannot judge (region, local auth, network access, models). ${OPAQUE_FIX}`,
            },
        ],
        allowedBy: { "no-opaque-ai-resources": { allowedResources: ["foundry-*"] } },
    },
    {
        name: "template-link",
        mandatory: [
            {
                rule: "no-opaque-ai-resources",
                resourceName: "linked-template",
                message:
                    'ARM template deployment (resources.Deployment) "linked-template" cannot be judged offline: properties.templateLink is set (the template is not in the program), so it may create Microsoft.CognitiveServices and Microsoft.MachineLearningServices resources the pack never sees. ' +
                    "Put the template inline, or use the typed azure-native resource (or this package's components) so the pack can judge it, or list it in the no-opaque-ai-resources config (allowedResources).",
            },
        ],
    },
    {
        name: "unknown-hub-type",
        mandatory: [
            { rule: "known-governed-types", resourceName: "batch", message: unknownType("BatchEndpoint", "batch") },
            {
                rule: "known-governed-types",
                resourceName: "batch-cohere",
                message: unknownType("BatchDeployment", "batch-cohere"),
            },
        ],
        allowedBy: { "known-governed-types": { allowedTypes: ["azure-native:machinelearningservices:Batch*"] } },
    },
    {
        name: "foundry-no-format",
        mandatory: [
            {
                rule: "approved-models",
                resourceName: "no-format",
                message:
                    'cognitiveservices.Deployment "no-format" deploys Cohere-command-r-plus version 1 but properties.model.format is not set, so it cannot be approved: an unapproved model. ' +
                    "Set properties.model.format and properties.model.name to a known value of an approved model (approved: registries azureml-mistral, azureml, azureml-ai21 and azureml-meta).",
            },
        ],
    },
    {
        name: "filter-filters-nothing",
        mandatory: [
            {
                rule: "foundry-content-filter-strength",
                resourceName: "open",
                message: `${RAI} is based on Microsoft.Nil, which filters nothing. Base it on Microsoft.DefaultV2, or set allowNilBasePolicy in the foundry-content-filter-strength config.`,
            },
            {
                rule: "foundry-content-filter-strength",
                resourceName: "open",
                message: `${RAI} disables category "Hate" (Prompt) (properties.contentFilters[0].enabled is false), so that category is not filtered.`,
            },
            {
                rule: "foundry-content-filter-strength",
                resourceName: "open",
                message: `${RAI} does not block category "Violence" (Prompt) (properties.contentFilters[1].blocking is false), so flagged content still passes.`,
            },
            {
                rule: "foundry-content-filter-strength",
                resourceName: "open",
                message: `${RAI} filters category "Sexual" (Completion) only from severity "High" (properties.contentFilters[2].severityThreshold); allowed: Low and Medium.`,
            },
        ],
        allowedBy: { "foundry-content-filter-strength": { exemptFilters: ["open"] } },
    },
    {
        name: "resource-transform",
        mandatory: [
            {
                rule: "foundry-local-auth-disabled",
                resourceName: "foundry",
                message:
                    'cognitiveservices.Account "foundry" (kind AIServices) sets properties.disableLocalAuth to false, so its API keys grant every deployment on the account. ' +
                    "Set properties.disableLocalAuth to true and grant clients the Foundry User role (53ca6127-db72-4b80-b1b0-d745d6d5456d), or list the account in the foundry-local-auth-disabled config (exemptAccounts).",
            },
        ],
    },
    { name: "stack-transform", mandatory: [westeurope("cognitiveservices.Account", "foundry")] },
    { name: "location-from-config", mandatory: [westeurope("cognitiveservices.Account", "foundry")] },
    {
        name: "location-from-group",
        mandatory: [
            westeurope("azure-native:resources:ResourceGroup", "group"),
            westeurope("cognitiveservices.Account", "foundry"),
        ],
    },
    {
        name: "keys-renamed",
        // The key-listing call runs once the account exists: under a preview its keys (and the outputs) are unknown.
        preview: false,
        mandatory: ["endpointConfig", "settings.clients.0.first"].map((output) => ({
            rule: "no-plaintext-keys-in-outputs",
            resourceName: "raw-keys-renamed-test",
            message:
                `Stack output ${output} holds a key returned by azure-native:cognitiveservices:listAccountKeys and is not secret, so it is stored in the clear in the stack's state and printed by \`pulumi stack output\`, whatever its name. ` +
                "Wrap the value in pulumi.secret(...) before exporting it, or do not export it.",
        })),
    },
    { name: "compliant-generic", mandatory: [] },
    { name: "compliant-location", mandatory: [] },
];

const plans = new Map<string, Plan>();

beforeAll(async () => {
    for (const way of WAYS) {
        plans.set(
            way.name,
            await runPlan({
                projectDir: path.join(FIXTURES, way.name),
                stack: "test",
                today: new Date(`${TODAY}T00:00:00Z`),
                preview: way.preview ?? true,
            }),
        );
    }
}, 60_000);

describe("raw programs around the pack", () => {
    for (const way of WAYS) {
        it(`${way.name}: ${way.mandatory.length ? "fails the mandatory gate naming the resource and the reason" : "passes"}`, () => {
            const plan = plans.get(way.name)!;
            expect(plan.errors).toEqual([]);
            const mandatory = (plan.policies?.violations ?? []).filter(isMandatory).map((v) => ({
                rule: v.policyName,
                resourceName: v.resourceName,
                message: v.message,
            }));
            expect(mandatory).toEqual(way.mandatory);
            expect(plan.policies?.passed).toBe(way.mandatory.length === 0);
            if (way.allowedBy) {
                const again = evaluatePolicies(plan.resources, plan.outputs, way.allowedBy, { today: plan.today });
                expect(again.filter(isMandatory)).toEqual([]);
            }
        });
    }
});

describe("what the plan cannot see through, it says", () => {
    it("refuses a transform it cannot apply, naming the resource and the transform", async () => {
        const plan = await runPlan({ projectDir: path.join(FIXTURES, "transform-options"), stack: "test" });
        expect(plan.errorKind).toBe("refused");
        expect(plan.errors).toEqual([
            'urn:pulumi:test::raw-transform-options::pulumi:pulumi:Stack$azure-native:cognitiveservices:Account::foundry: transform "ignoreEverything" changes resource options (ignoreChanges), which the offline plan cannot apply; the plan judges what the engine deploys, so it refuses a transform it cannot apply',
        ]);
    });

    it("a location it cannot know is shown as not judged offline", async () => {
        const plan = await runPlan({ projectDir: path.join(FIXTURES, "location-unknown"), stack: "test" });
        expect(plan.resources.find((r) => r.name === "foundry")?.inputs.location).toBe("[unknown]");
        expect(plan.warnings).toContainEqual({
            path: "urn:pulumi:test::raw-location-unknown::pulumi:pulumi:Stack$azure-native:cognitiveservices:Account::foundry",
            message:
                "sets no location and neither azure-native:location nor the location of its resource group is known offline: its region is not judged offline",
        });
    });
});

describe("values unknown at preview on mandatory security inputs", () => {
    it("are listed as not judged offline with their input paths, in the plan and both reports, never as a pass", async () => {
        const plan = await runPlan({ projectDir: path.join(FIXTURES, "unknown-at-preview"), stack: "test" });
        const type = "azure-native:cognitiveservices:Account";
        const urn = `urn:pulumi:test::raw-unknown-at-preview::pulumi:pulumi:Stack$${type}::second`;
        expect(plan.policies?.notJudged).toEqual([
            { urn, resourceName: "second", resourceType: type, path: "location" },
            { urn, resourceName: "second", resourceType: type, path: "properties.disableLocalAuth" },
            // azure-native fills defaults into `properties` through an apply: one unknown member makes all unknown.
            { urn, resourceName: "second", resourceType: type, path: "properties.publicNetworkAccess" },
        ]);
        const text = renderText(plan);
        expect(text).toContain(
            "Not judged offline (3): unknown until Azure creates what they come from; `pulumi preview --policy-pack` judges them\n" +
                `  ? second (${type}): location\n  ? second (${type}): properties.disableLocalAuth\n  ? second (${type}): properties.publicNetworkAccess`,
        );
        const md = renderMarkdown(plan);
        expect(md).toContain("policies **⚠️ passed (0 mandatory, 0 advisory), 3 not judged offline**");
        expect(md).toContain(
            "**Not judged offline: 3** (unknown during the preview; not a pass)\n\n| resource | input |\n|---|---|\n| `second` | `location` |\n| `second` | `properties.disableLocalAuth` |\n| `second` | `properties.publicNetworkAccess` |",
        );
        expect(md).not.toContain("every policy of the pack passed");
    });
});
