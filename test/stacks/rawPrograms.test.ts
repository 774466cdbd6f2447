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
    /** The pack config the program is planned with. @default none */
    policies?: PolicyPackConfig;
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

// The network rules: the account and hub of test/fixtures/stacks/rawNetwork.ts.
const ACCOUNT = 'cognitiveservices.Account "foundry" (kind AIServices)';
const HUB = 'Workspace "hub" (kind Hub)';
const NETWORK_REQUIRED: PolicyPackConfig = {
    "foundry-public-network-access": { includeWorkspaces: true },
    "private-endpoint-required": { required: true },
    "customer-managed-key": { enforcementLevel: "mandatory", required: true },
    "outbound-restricted": { enforcementLevel: "mandatory", required: true },
};
const publicFix = (path: string) =>
    `Set ${path} to "Disabled" and reach it through a private endpoint, or, for a development stack opened on purpose, list it in the foundry-public-network-access config (allowedAccounts).`;
const noEndpoint = (what: string, closedBy: string, groupId: string, zones: string) =>
    `${what} is closed to the public (${closedBy}) and no private endpoint of the stack connects to it, so no client can call it. ` +
    `Add a network.PrivateEndpoint whose privateLinkServiceConnections[].privateLinkServiceId is its id (groupIds ["${groupId}"]), with private DNS for ${zones}; ` +
    "or, when another team provides the way in, list it in the private-endpoint-required config (accessManagedElsewhere).";
const CMK_ACCOUNT_FIX =
    'Set properties.encryption to { keySource: "Microsoft.KeyVault", keyVaultProperties: { keyVaultUri, keyName, identityClientId } } with a user-assigned identity that holds the Key Vault Crypto Service Encryption User role on the key, or list it in the customer-managed-key config (exemptResources).';
const CMK_HUB_FIX =
    'Set encryption to { status: "Enabled", keyVaultProperties: { keyVaultArmId, keyIdentifier } } with an identity that may use the key, or list it in the customer-managed-key config (exemptResources).';
const OUTBOUND_EXEMPT = "or list it in the outbound-restricted config (exemptResources).";

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
    {
        name: "keys-at-preview",
        // A preview: the keys are unknown, so only the outputs' provenance shows them. `spare` is secret: no finding.
        mandatory: [
            ["backup", "azure-native:cognitiveservices:listAccountKeys"],
            ["chat.credential", "azure-native:machinelearningservices:listServerlessEndpointKeys"],
        ].map(([output, source]) => ({
            rule: "no-plaintext-keys-in-outputs",
            resourceName: "raw-keys-at-preview-test",
            message:
                `Stack output ${output} is computed from a key returned by ${source} and is not secret, so it is stored in the clear in the stack's state and printed by \`pulumi stack output\`, whatever its name. ` +
                "Wrap the value in pulumi.secret(...) before exporting it, or do not export it.",
        })),
    },
    {
        name: "network-public",
        // The default pack refuses the account; with includeWorkspaces, the hub too.
        policies: { "foundry-public-network-access": { includeWorkspaces: true } },
        mandatory: [
            {
                rule: "foundry-public-network-access",
                resourceName: "foundry",
                message: `${ACCOUNT} sets properties.publicNetworkAccess to "Enabled" and properties.networkAcls.defaultAction to "Allow", so every network on the internet reaches it. ${publicFix("properties.publicNetworkAccess")}`,
            },
            {
                rule: "foundry-public-network-access",
                resourceName: "hub",
                message: `${HUB} sets publicNetworkAccess to "Enabled", so every network on the internet reaches it. ${publicFix("publicNetworkAccess")}`,
            },
        ],
        allowedBy: {
            "foundry-public-network-access": { includeWorkspaces: true, allowedAccounts: ["foundry", "hub"] },
        },
    },
    {
        name: "network-no-endpoint",
        policies: { "private-endpoint-required": { required: true } },
        mandatory: [
            {
                rule: "private-endpoint-required",
                resourceName: "foundry",
                message: noEndpoint(
                    ACCOUNT,
                    'properties.publicNetworkAccess "Disabled"',
                    "account",
                    "privatelink.cognitiveservices.azure.com, privatelink.openai.azure.com, privatelink.services.ai.azure.com",
                ),
            },
            {
                rule: "private-endpoint-required",
                resourceName: "hub",
                message: noEndpoint(
                    HUB,
                    'publicNetworkAccess "Disabled"',
                    "amlworkspace",
                    "privatelink.api.azureml.ms, privatelink.notebooks.azure.net",
                ),
            },
        ],
        allowedBy: { "private-endpoint-required": { required: true, accessManagedElsewhere: ["foundry", "hub"] } },
    },
    {
        name: "network-no-cmk",
        policies: { "customer-managed-key": { enforcementLevel: "mandatory", required: true } },
        mandatory: [
            {
                rule: "customer-managed-key",
                resourceName: "foundry",
                message: `${ACCOUNT} sets properties.encryption.keySource to "Microsoft.CognitiveServices" (Microsoft-managed keys), but the policy config requires customer-managed keys. ${CMK_ACCOUNT_FIX}`,
            },
            {
                rule: "customer-managed-key",
                resourceName: "hub",
                message: `${HUB} leaves encryption unset (Microsoft-managed keys), but the policy config requires customer-managed keys. ${CMK_HUB_FIX}`,
            },
        ],
        allowedBy: {
            "customer-managed-key": {
                enforcementLevel: "mandatory",
                required: true,
                exemptResources: ["foundry", "hub"],
            },
        },
    },
    {
        name: "network-outbound-open",
        policies: { "outbound-restricted": { enforcementLevel: "mandatory", required: true } },
        mandatory: [
            {
                rule: "outbound-restricted",
                resourceName: "foundry",
                message: `${ACCOUNT} leaves properties.restrictOutboundNetworkAccess unset (outbound traffic unrestricted), but the policy config requires restricted outbound traffic. Set properties.restrictOutboundNetworkAccess to true and list the destinations it needs in properties.allowedFqdnList, ${OUTBOUND_EXEMPT}`,
            },
            {
                rule: "outbound-restricted",
                resourceName: "hub",
                message: `${HUB} sets managedNetwork.isolationMode to "AllowInternetOutbound", but the policy config requires restricted outbound traffic. Set managedNetwork.isolationMode to "AllowOnlyApprovedOutbound" and add outbound rules for what it needs, ${OUTBOUND_EXEMPT}`,
            },
        ],
        allowedBy: {
            "outbound-restricted": {
                enforcementLevel: "mandatory",
                required: true,
                exemptResources: ["foundry", "hub"],
            },
        },
    },
    // Closed, behind private endpoints (linked by URN: the ids are unknown in a preview), keys and outbound set.
    { name: "network-compliant", policies: NETWORK_REQUIRED, mandatory: [] },
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
                ...(way.policies ? { policies: way.policies } : {}),
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
            { urn, resourceName: "second", resourceType: type, path: "properties.networkAcls.defaultAction" },
        ]);
        const text = renderText(plan);
        expect(text).toContain(
            "Not judged offline (4): unknown until Azure creates what they come from; `pulumi preview --policy-pack` judges them\n" +
                `  ? second (${type}): location\n  ? second (${type}): properties.disableLocalAuth\n  ? second (${type}): properties.publicNetworkAccess\n  ? second (${type}): properties.networkAcls.defaultAction`,
        );
        const md = renderMarkdown(plan);
        expect(md).toContain("policies **⚠️ passed (0 mandatory, 0 advisory), 4 not judged offline**");
        expect(md).toContain(
            "**Not judged offline: 4** (unknown during the preview; not a pass)\n\n| resource | input |\n|---|---|\n| `second` | `location` |\n| `second` | `properties.disableLocalAuth` |\n| `second` | `properties.publicNetworkAccess` |\n| `second` | `properties.networkAcls.defaultAction` |",
        );
        expect(md).not.toContain("every policy of the pack passed");
    });
});
