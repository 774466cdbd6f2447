/**
 * The Foundry components constructed directly, as a library user would (`new FoundryAccount(...)`), under the
 * repository's Azure mocks: the exact child resources and the inputs Azure receives, the chain of deployments, the
 * outputs a client uses, keys only with local auth and then secret, and argument errors thrown before anything is
 * registered. Mocks cannot prove that Azure accepts these inputs.
 */
import * as pulumi from "@pulumi/pulumi";
import { describe, expect, it } from "vitest";
import { ContentFilter, FoundryAccount, FoundryModelDeployment, FoundryProject } from "../../infra/components";
import { captureProgram, type Capture } from "../../plan/run/capture";
import { SECRET } from "../../plan/run/types";
import { byName, output, resourceSet } from "../helpers/stack";

const RG = "rg-aimf";
const PRINCIPAL = "6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f";

function run(program: () => unknown, preview = false): Promise<Capture> {
    return captureProgram(program, { project: "lib", stack: "test", preview });
}

describe("FoundryAccount", () => {
    it("creates an AIServices account with project management, identity, closed network, no keys, diagnostics and Foundry User", async () => {
        const c = await run(() => {
            const a = new FoundryAccount("aimf", {
                accountName: "aimf",
                location: "swedencentral",
                foundryUsers: [{ principalId: PRINCIPAL, principalType: "Group" }],
            });
            return {
                sub: a.customSubDomain,
                endpoint: a.endpoint,
                base: a.openAiBaseUrl,
                scope: a.entraScope,
                key: a.primaryKey,
            };
        });
        expect(c.error).toBeUndefined();
        expect(resourceSet(c)).toEqual(
            [
                "azure-ai-models:index:FoundryAccount aimf",
                "random:index/randomString:RandomString aimf-suffix",
                "azure-native:resources:ResourceGroup aimf-rg",
                "azure-native:cognitiveservices:Account aimf-account",
                "azure-native:operationalinsights:Workspace aimf-log",
                "azure-native:monitor:DiagnosticSetting aimf-diagnostics",
                `azure-native:authorization:RoleAssignment aimf-user-${PRINCIPAL}`,
            ].sort(),
        );
        const account = byName(c, "aimf-account");
        const sub = account.inputs.accountName as string;
        expect(sub).toMatch(/^aimf-[a-z0-9]{6}$/);
        expect(account.inputs).toEqual({
            accountName: sub,
            resourceGroupName: RG,
            location: "swedencentral",
            kind: "AIServices",
            sku: { name: "S0" },
            identity: { type: "SystemAssigned" },
            properties: {
                customSubDomainName: sub,
                allowProjectManagement: true,
                disableLocalAuth: true,
                publicNetworkAccess: "Disabled",
                networkAcls: { defaultAction: "Deny", bypass: "AzureServices", ipRules: [], virtualNetworkRules: [] },
            },
        });
        expect(account.options.replaceOnChanges).toEqual(["properties.customSubDomainName"]);
        expect(byName(c, "aimf-diagnostics").inputs).toMatchObject({
            logs: [{ categoryGroup: "allLogs", enabled: true }],
            metrics: [{ category: "AllMetrics", enabled: true }],
        });
        const role = byName(c, `aimf-user-${PRINCIPAL}`).inputs;
        expect(role.roleDefinitionId).toMatch(/\/roleDefinitions\/53ca6127-db72-4b80-b1b0-d745d6d5456d$/);
        expect(role).toMatchObject({ principalId: PRINCIPAL, principalType: "Group" });
        expect(role.roleAssignmentName).toMatch(
            /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
        );
        expect(output(c, "sub")?.value).toBe(sub);
        expect(output(c, "endpoint")?.value).toBe(`https://${sub}.services.ai.azure.com/`);
        expect(output(c, "base")?.value).toBe(`https://${sub}.openai.azure.com/openai/v1/`);
        expect(output(c, "scope")?.value).toBe("https://cognitiveservices.azure.com/.default");
        // No local auth, no key: the output is undefined, so the stack has no "key" output at all.
        expect(c.outputs.map((o) => o.name).sort()).toEqual(["base", "endpoint", "scope", "sub"]);
    });

    it("gives the same role assignment name on every run (deterministic GUID)", async () => {
        const program = () => {
            new FoundryAccount("aimf", {
                accountName: "aimf",
                location: "swedencentral",
                foundryUsers: [{ principalId: PRINCIPAL }],
            });
        };
        const [a, b] = [await run(program), await run(program)];
        const name = (c: Capture) => byName(c, `aimf-user-${PRINCIPAL}`).inputs.roleAssignmentName;
        expect(name(a)).toBe(name(b));
    });

    it("uses a resource group given by name and plans none; creates it only when createResourceGroup says so", async () => {
        const build = (createResourceGroup?: boolean) =>
            run(() => {
                new FoundryAccount("aimf", {
                    accountName: "aimf",
                    location: "swedencentral",
                    resourceGroupName: "rg-team",
                    createResourceGroup,
                });
            });
        const children = [
            "azure-ai-models:index:FoundryAccount aimf",
            "random:index/randomString:RandomString aimf-suffix",
            "azure-native:cognitiveservices:Account aimf-account",
            "azure-native:operationalinsights:Workspace aimf-log",
            "azure-native:monitor:DiagnosticSetting aimf-diagnostics",
        ];
        const used = await build();
        expect(used.error).toBeUndefined();
        expect(resourceSet(used)).toEqual(children.sort());
        expect(byName(used, "aimf-account").inputs.resourceGroupName).toBe("rg-team");
        expect(byName(used, "aimf-log").inputs.resourceGroupName).toBe("rg-team");
        const created = await build(true);
        expect(resourceSet(created)).toEqual([...children, "azure-native:resources:ResourceGroup aimf-rg"].sort());
        expect(byName(created, "aimf-rg").inputs).toMatchObject({ resourceGroupName: "rg-team" });
    });

    it("returns keys only with local auth on, and then as secrets", async () => {
        const c = await run(() => {
            const a = new FoundryAccount("keys", {
                accountName: "keys",
                location: "eastus2",
                customSubDomain: "contoso-keys",
                disableLocalAuth: false,
                createResourceGroup: false,
                resourceGroupName: "rg-shared",
            });
            return { primaryKey: a.primaryKey, secondaryKey: a.secondaryKey };
        });
        expect(c.error).toBeUndefined();
        expect(resourceSet(c)).not.toContain("azure-native:resources:ResourceGroup keys-rg");
        expect(byName(c, "keys-account").inputs).toMatchObject({
            accountName: "contoso-keys",
            resourceGroupName: "rg-shared",
            properties: { customSubDomainName: "contoso-keys", disableLocalAuth: false },
        });
        expect(output(c, "primaryKey")).toMatchObject({
            secret: true,
            value: SECRET,
            rawValue: "key1-of-contoso-keys",
        });
        expect(output(c, "secondaryKey")).toMatchObject({
            secret: true,
            value: SECRET,
            rawValue: "key2-of-contoso-keys",
        });
    });

    it("throws one error listing every bad argument, registering nothing", async () => {
        const c = await run(() => {
            new FoundryAccount("bad", {
                foundryUsers: [{ principalId: "alice@contoso.com" }],
                accountName: "-bad",
                location: "eastus2",
                customSubDomain: "Bad_Sub",
                logRetentionDays: 7,
            });
        });
        expect(pulumi.InputPropertiesError.isInstance(c.error)).toBe(true);
        expect((c.error as Error).message).toBe(
            [
                "FoundryAccount bad: invalid arguments:",
                `accountName: "-bad": gives names Azure refuses (xxxxxx stands for the 6-character random suffix): the Cognitive Services account name "-bad-xxxxxx" breaks Azure's rule: 2-64 characters: letters, digits and '-', starting and ending with a letter or digit (unique in the resource group); the Cognitive Services custom subdomain name "-bad-xxxxxx" breaks Azure's rule: 2-64 characters: letters, digits and '-', starting and ending with a letter or digit (unique in all of Azure)`,
                `customSubDomain: "Bad_Sub" is not valid; expected 2-64 lowercase letters, digits and '-', starting and ending with a letter or digit`,
                "logRetentionDays: 7 is out of range; expected at least 30",
                `foundryUsers[0].principalId: "alice@contoso.com" is not valid; expected a GUID (the principal's object id)`,
            ].join("\n"),
        );
        expect(resourceSet(c)).toEqual([]);
    });
});

describe("FoundryProject", () => {
    it("creates a project on the account with its identity, and outputs its endpoint", async () => {
        const c = await run(() => {
            const p = new FoundryProject("chat", {
                resourceGroupName: RG,
                accountName: "aimf-abc123",
                projectName: "chat",
                location: "swedencentral",
                description: "Chat assistants",
            });
            return { endpoint: p.endpoint };
        });
        expect(resourceSet(c)).toEqual([
            "azure-ai-models:index:FoundryProject chat",
            "azure-native:cognitiveservices:Project chat-project",
        ]);
        expect(byName(c, "chat-project").inputs).toEqual({
            accountName: "aimf-abc123",
            resourceGroupName: RG,
            projectName: "chat",
            location: "swedencentral",
            identity: { type: "SystemAssigned" },
            properties: { displayName: "chat", description: "Chat assistants" },
        });
        expect(output(c, "endpoint")?.value).toBe("https://aimf-abc123.services.ai.azure.com/api/projects/chat");
    });

    it("refuses a bad project name", async () => {
        const c = await run(() => {
            new FoundryProject("p", {
                resourceGroupName: RG,
                accountName: "a",
                projectName: "-x",
                location: "eastus2",
            });
        });
        expect((c.error as Error).message).toBe(
            "FoundryProject p: invalid arguments:\nprojectName: \"-x\" is not valid; expected 2-64 characters: letters, digits, '_', '.' and '-', starting with a letter or digit",
        );
        expect(resourceSet(c)).toEqual([]);
    });
});

describe("ContentFilter", () => {
    it("creates a RaiPolicy from the rules, on the default base policy", async () => {
        const c = await run(() => {
            const f = new ContentFilter("strict", {
                resourceGroupName: RG,
                accountName: "aimf-abc123",
                filterName: "strict",
                filters: [
                    { category: "Hate", source: "Prompt", severityThreshold: "Low" },
                    { category: "Jailbreak", source: "Prompt", blocking: true },
                ],
            });
            return { name: f.raiPolicyName };
        });
        expect(byName(c, "strict-policy").inputs).toEqual({
            accountName: "aimf-abc123",
            resourceGroupName: RG,
            raiPolicyName: "strict",
            properties: {
                basePolicyName: "Microsoft.DefaultV2",
                mode: "Default",
                contentFilters: [
                    { name: "Hate", source: "Prompt", severityThreshold: "Low", blocking: true, enabled: true },
                    { name: "Jailbreak", source: "Prompt", blocking: true, enabled: true },
                ],
            },
        });
        expect(output(c, "name")?.value).toBe("strict");
    });

    it("refuses a harm category without severity and a switch with one, together", async () => {
        const c = await run(() => {
            new ContentFilter("f", {
                resourceGroupName: RG,
                accountName: "a",
                filterName: "f1",
                filters: [
                    { category: "Violence", source: "Completion" },
                    { category: "Jailbreak", source: "Prompt", severityThreshold: "High" },
                ],
            });
        });
        expect((c.error as Error).message).toBe(
            [
                "ContentFilter f: invalid arguments:",
                "filters[0].severityThreshold: is required for Violence: Low, Medium or High (the lowest severity that is filtered)",
                'filters[1].severityThreshold: "High": Jailbreak is on or off and takes no severity; remove severityThreshold',
            ].join("\n"),
        );
    });
});

describe("FoundryModelDeployment", () => {
    const common = { resourceGroupName: RG, accountName: "aimf-abc123", location: "swedencentral" };

    it("deploys the catalog's format, name and version with the SKU, capacity and filter, and outputs what a client needs", async () => {
        const c = await run(() => {
            const d = new FoundryModelDeployment("large", {
                ...common,
                deploymentName: "mistral-large",
                model: "mistral-large-3",
                sku: "GlobalStandard",
                capacity: 100,
                raiPolicyName: "strict",
                versionUpgradeOption: "NoAutoUpgrade",
            });
            return {
                base: d.openAiBaseUrl,
                model: d.model,
                scope: d.entraScope,
                endpoint: d.endpoint,
                name: d.modelName,
            };
        });
        expect(resourceSet(c)).toEqual([
            "azure-ai-models:index:FoundryModelDeployment large",
            "azure-native:cognitiveservices:Deployment large-deployment",
        ]);
        expect(byName(c, "large-deployment").inputs).toEqual({
            accountName: "aimf-abc123",
            resourceGroupName: RG,
            deploymentName: "mistral-large",
            sku: { name: "GlobalStandard", capacity: 100 },
            properties: {
                model: { format: "Mistral AI", name: "Mistral-Large-3", version: "1" },
                raiPolicyName: "strict",
                versionUpgradeOption: "NoAutoUpgrade",
            },
        });
        expect(Object.fromEntries(c.outputs.map((o) => [o.name, o.value]))).toEqual({
            base: "https://aimf-abc123.openai.azure.com/openai/v1/",
            model: "mistral-large",
            scope: "https://cognitiveservices.azure.com/.default",
            endpoint: "https://aimf-abc123.services.ai.azure.com/",
            name: "Mistral-Large-3",
        });
    });

    it("chains deployments of one account: the second PUT waits for the first", async () => {
        const c = await run(() => {
            const a = new FoundryModelDeployment("a", {
                ...common,
                deploymentName: "a1",
                model: "Ministral-3B",
                sku: "GlobalStandard",
                capacity: 1,
            });
            new FoundryModelDeployment(
                "b",
                {
                    ...common,
                    deploymentName: "b1",
                    model: "Llama-3.3-70B-Instruct",
                    sku: "GlobalStandard",
                    capacity: 1,
                },
                { dependsOn: [a] },
            );
        });
        expect(byName(c, "b-deployment").dependencies).toContain(byName(c, "a-deployment").urn);
        expect(byName(c, "b-deployment").inputs.properties).toMatchObject({
            model: { format: "Meta", name: "Llama-3.3-70B-Instruct", version: "4" },
            raiPolicyName: "Microsoft.DefaultV2",
        });
    });

    it("refuses a model, SKU and region the catalog does not offer, all at once, registering nothing", async () => {
        const c = await run(() => {
            new FoundryModelDeployment("bad", {
                ...common,
                location: "japanwest",
                deploymentName: "x",
                model: "Llama-4-Scout-17B-16E-Instruct",
                sku: "DataZoneStandard",
                capacity: 0,
            });
        });
        expect((c.error as Error).message).toBe(
            [
                "FoundryModelDeployment bad: invalid arguments:",
                `deploymentName: "x" is not valid; expected 2-64 characters: letters, digits, '_', '.' and '-', starting with a letter or digit`,
                "capacity: 0 is out of range; expected at least 1",
                `sku: "DataZoneStandard": Llama-4-Scout-17B-16E-Instruct is not offered with this SKU on Foundry; SKUs: GlobalStandard (MicrosoftDocs/azure-ai-docs articles/foundry/foundry-models/includes/model-matrix/marketplace-deployments-standard.md @1b8d987c, 2026-09-02)`,
            ].join("\n"),
        );
        expect(resourceSet(c)).toEqual([]);
    });

    it("reports a SKU Foundry does not have once, by the field rule", async () => {
        const c = await run(() => {
            new FoundryModelDeployment("bad", {
                ...common,
                deploymentName: "scout",
                model: "Llama-4-Scout-17B-16E-Instruct",
                sku: "ProvisionedManaged" as never,
                capacity: 10,
            });
        });
        expect((c.error as Error).message).toBe(
            [
                "FoundryModelDeployment bad: invalid arguments:",
                'sku: "ProvisionedManaged" is not allowed; allowed: GlobalStandard, DataZoneStandard, Standard, GlobalProvisionedManaged',
            ].join("\n"),
        );
        expect(resourceSet(c)).toEqual([]);
    });

    it("refuses a provisioned size Azure does not accept, and deploys one it does without a quota warning", async () => {
        const ptu = (name: string, capacity: number) =>
            new FoundryModelDeployment(name, {
                ...common,
                deploymentName: name,
                model: "Llama-3.3-70B-Instruct",
                sku: "GlobalProvisionedManaged",
                capacity,
            });
        const bad = await run(() => void ptu("odd", 250));
        expect((bad.error as Error).message).toBe(
            [
                "FoundryModelDeployment odd: invalid arguments:",
                "capacity: 250 PTUs: a GlobalProvisionedManaged deployment of Llama-3.3-70B-Instruct takes 100 PTUs or more, in steps of 100 " +
                    "(MicrosoftDocs/azure-ai-docs articles/foundry/openai/how-to/provisioned-throughput-onboarding.md @040c3859 (PTU sizes per model), 2026-04-07)",
            ].join("\n"),
        );
        expect(resourceSet(bad)).toEqual([]);
        const good = await run(() => void ptu("ptu", 500));
        expect(good.error).toBeUndefined();
        expect(good.warnings).toEqual([]);
        expect(byName(good, "ptu-deployment").inputs.sku).toEqual({ name: "GlobalProvisionedManaged", capacity: 500 });
    });

    it("warns, and deploys, when capacity is above the default quota", async () => {
        const c = await run(() => {
            new FoundryModelDeployment("big", {
                ...common,
                deploymentName: "big",
                model: "Mistral-Large-3",
                sku: "GlobalStandard",
                capacity: 450,
            });
        });
        expect(c.error).toBeUndefined();
        expect(c.warnings).toEqual([
            expect.stringMatching(
                /^capacity: this deployment asks 450 capacity units .* request a quota increase for Mistral-Large-3 GlobalStandard in swedencentral before deploying$/,
            ),
        ]);
    });
});
