/**
 * Spillover: a provisioned deployment names a standard deployment of the same model and version on the same account
 * (`spilloverTo` → `properties.spilloverDeploymentName`). Validated before anything is registered: provisioned SKU,
 * a model Microsoft documents spillover for (format OpenAI), a target that exists, comes first in the account's
 * write chain, has the matching standard SKU and deploys the same model and version.
 */
import { describe, expect, it } from "vitest";
import { FoundryModelDeployment } from "../../infra/components";
import { ConfigValidationError, validateStackConfig } from "../../infra/config";
import { captureProgram } from "../../plan/run/capture";
import { byName, registered, runStack } from "../helpers/stack";

const today = new Date("2026-11-21T00:00:00Z");
const GPT = { format: "OpenAI", model: "gpt-4o-mini", version: "2024-07-18" };
const SOURCE =
    "MicrosoftDocs/azure-ai-docs articles/ai-foundry/openai/how-to/spillover-traffic-management.md@43dc14ea (spillover for Azure OpenAI provisioned deployments), 2026-01-30";
const P = "azure-ai-models:foundry.deployments";

function foundry(deployments: Record<string, unknown>[]) {
    return { name: "aimf", location: "swedencentral", network: { accessManagedElsewhere: true }, deployments };
}
const standard = { name: "gpt-paygo", ...GPT, sku: "GlobalStandard", capacity: 50 };
const ptu = { name: "gpt-ptu", ...GPT, sku: "GlobalProvisionedManaged", capacity: 15, spilloverTo: "gpt-paygo" };
const errors = (deployments: Record<string, unknown>[]) =>
    validateStackConfig({ foundry: foundry(deployments) }, { today }).errors.map((e) => `${e.path}: ${e.message}`);

describe("spillover on a Foundry deployment", () => {
    it("sends spilloverDeploymentName, after the standard deployment in the account's chain", async () => {
        const run = await runStack({ foundry: foundry([standard, ptu]) });
        expect(run.error).toBeUndefined();
        const p = byName(run, "aimf-gpt-ptu-deployment");
        expect(p.inputs.properties).toEqual({
            model: { format: "OpenAI", name: "gpt-4o-mini", version: "2024-07-18" },
            raiPolicyName: "Microsoft.DefaultV2",
            spilloverDeploymentName: "gpt-paygo",
        });
        expect(p.inputs.sku).toEqual({ name: "GlobalProvisionedManaged", capacity: 15 });
        expect(p.dependencies).toContain(byName(run, "aimf-gpt-paygo-deployment").urn);
        expect(byName(run, "aimf-gpt-paygo-deployment").inputs.properties).not.toHaveProperty(
            "spilloverDeploymentName",
        );
    });

    it("refuses a catalog model Microsoft documents no spillover for, with the source", async () => {
        const llama = { model: "Llama-3.3-70B-Instruct", capacity: 100 };
        const run = await runStack({
            foundry: foundry([
                { ...llama, name: "llama", sku: "GlobalStandard" },
                { ...llama, name: "llama-ptu", sku: "GlobalProvisionedManaged", spilloverTo: "llama" },
            ]),
        });
        expect(run.error).toBeInstanceOf(ConfigValidationError);
        expect((run.error as ConfigValidationError).issues.map((i) => `${i.path}: ${i.message}`)).toEqual([
            `${P}[1].spilloverTo: Microsoft documents spillover only for Azure OpenAI provisioned deployments (format OpenAI); Llama-3.3-70B-Instruct is a catalog model of format "Meta" (${SOURCE}): remove spilloverTo`,
        ]);
        expect(registered(run)).toEqual([]);
    });

    it("refuses a model outside the catalog of another format", () => {
        const cohere = { format: "Cohere", model: "command-a", version: "1" };
        expect(
            errors([
                { name: "cmd", ...cohere, sku: "GlobalStandard", capacity: 10 },
                { name: "cmd-ptu", ...cohere, sku: "GlobalProvisionedManaged", capacity: 15, spilloverTo: "cmd" },
            ]),
        ).toEqual([
            `${P}[1].spilloverTo: Microsoft documents spillover only for Azure OpenAI provisioned deployments (format OpenAI); Cohere/command-a has format "Cohere" (${SOURCE}): remove spilloverTo`,
        ]);
    });

    it("reports every problem with the target at once, each with its path and what is allowed", () => {
        expect(
            errors([
                { ...ptu, name: "aa", spilloverTo: "missing" },
                { ...ptu, name: "bb", spilloverTo: "bb" },
                { ...ptu, name: "cc", spilloverTo: "later" },
                { ...standard, name: "later", version: "2024-05-13" },
                { ...standard, name: "dz", sku: "DataZoneStandard" },
                { ...ptu, name: "ee", spilloverTo: "dz" },
                { ...standard, name: "ff", spilloverTo: "dz" },
            ]),
        ).toEqual([
            `${P}[6].spilloverTo: spillover is set on a provisioned deployment; this one's sku is GlobalStandard (allowed: GlobalProvisionedManaged, DataZoneProvisionedManaged, ProvisionedManaged): remove spilloverTo or use a provisioned SKU`,
            `${P}[0].spilloverTo: "missing" is not a deployment of this account; deployments: bb, cc, later, dz, ee, ff`,
            `${P}[1].spilloverTo: "bb" is this deployment itself; name a standard deployment`,
            `${P}[2].spilloverTo: "later" is deployments[3], after this one: list the spillover target before the provisioned deployment (the account's writes run in that order)`,
            `${P}[2].spilloverTo: "later" deploys OpenAI/gpt-4o-mini version 2024-05-13; spillover needs the same model and version: OpenAI/gpt-4o-mini version 2024-07-18`,
            `${P}[5].spilloverTo: "dz" has sku DataZoneStandard; spillover from GlobalProvisionedManaged goes to a GlobalStandard deployment (the data-processing level must match, ${SOURCE})`,
        ]);
    });

    it("is checked by the component for a library user too", async () => {
        const run = await captureProgram(
            () =>
                new FoundryModelDeployment("d", {
                    resourceGroupName: "rg",
                    accountName: "acct",
                    deploymentName: "llama",
                    model: "Llama-3.3-70B-Instruct",
                    sku: "GlobalStandard",
                    capacity: 10,
                    spilloverTo: "other",
                }),
            { project: "lib", stack: "test", preview: false },
        );
        expect(String(run.error)).toContain(
            "spilloverTo: spillover is set on a provisioned deployment; this one's sku is GlobalStandard (allowed: GlobalProvisionedManaged, DataZoneProvisionedManaged, ProvisionedManaged): remove spilloverTo or use a provisioned SKU\nspilloverTo: Microsoft documents spillover only for Azure OpenAI provisioned deployments",
        );
        expect(run.resources.filter((r) => r.type.startsWith("azure-native"))).toEqual([]);
    });
});
