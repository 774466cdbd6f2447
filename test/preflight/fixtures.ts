/** Subscription states of the loopback ARM for the Foundry example (Pulumi.foundry.yaml) and the stack outputs. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import type { TokenCredential } from "@azure/identity";
import { preflightCommand } from "../../preflight/command";
import { TEST_SERVER_CERT, type PreflightArm, type PreflightArmState } from "../helpers/preflightArm";

export const SUB = "00000000-1111-2222-3333-444444444444";
export const RG = "rg-aimodels";
export const ACCOUNT = "aimodels-k3x9q2";
export const TODAY = "2026-12-01";
export const ROOT = path.resolve(__dirname, "../..");
export const MISTRAL_USAGE = "AIServices.GlobalStandard.Mistral-Large-3";
export const MAAS_USAGE = "AIServices.GlobalStandard.MaaS";
export const GPT_USAGE = "OpenAI.GlobalStandard.gpt-5.4-mini";
const GPT = { format: "OpenAI", name: "gpt-5.4-mini", version: "2026-03-17" };

export const fakeCredential: TokenCredential = {
    getToken: async () => ({ token: "preflight-test-token", expiresOnTimestamp: Date.now() + 3_600_000 }),
};

/** `pulumi stack output --json` of the deployed Foundry example: the account's real name. */
export function outputsFile(): string {
    const dir = mkdtempSync(path.join(tmpdir(), "preflight-"));
    const file = path.join(dir, "outputs.json");
    writeFileSync(file, JSON.stringify({ foundry: { accountName: ACCOUNT } }));
    return file;
}

let caPath: string | undefined;
/** The loopback ARM's certificate as a file for `--ca`, written once per process. */
function caFile(): string {
    if (caPath) return caPath;
    caPath = path.join(mkdtempSync(path.join(tmpdir(), "preflight-ca-")), "ca.pem");
    writeFileSync(caPath, TEST_SERVER_CERT);
    return caPath;
}

/** `npm run preflight -- ARGS` for this repository on {@link TODAY}, in process, with a fake credential. */
export async function runPreflight(
    args: string[],
    env: Record<string, string | undefined> = { ARM_SUBSCRIPTION_ID: SUB },
) {
    let stdout = "";
    let stderr = "";
    const code = await preflightCommand(
        ["--dir", ROOT, "--today", TODAY, "--ca", caFile(), ...args],
        { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) },
        { env, credential: fakeCredential },
    );
    return { code, stdout, stderr };
}

/** The Foundry example against a loopback ARM, with the deployed account's name from the stack outputs. */
export function foundryAgainst(arm: PreflightArm, ...extra: string[]): string[] {
    return ["--stack", "foundry", "--arm-endpoint", arm.url, "--outputs", outputsFile(), ...extra];
}

const models = (llamaDeprecation?: string) => [
    {
        format: "OpenAI",
        name: "gpt-4o",
        version: "2024-11-20",
        skus: [{ name: "GlobalStandard", usageName: "OpenAI.GlobalStandard.gpt-4o" }],
    },
    {
        format: "Mistral AI",
        name: "Mistral-Large-3",
        version: "1",
        lifecycleStatus: "Preview",
        skus: [{ name: "GlobalStandard", usageName: MISTRAL_USAGE }],
    },
    {
        format: "Meta",
        name: "Llama-4-Scout-17B-16E-Instruct",
        version: "1",
        skus: [
            {
                name: "GlobalStandard",
                usageName: MAAS_USAGE,
                ...(llamaDeprecation ? { deprecationDate: llamaDeprecation } : {}),
            },
        ],
    },
    {
        format: "Meta",
        name: "Llama-4-Scout-17B-16E-Instruct",
        version: "2",
        skus: [{ name: "GlobalStandard", usageName: MAAS_USAGE }],
    },
    { ...GPT, skus: [{ name: "GlobalStandard", usageName: GPT_USAGE }] },
];

const capacities = [
    { format: "Mistral AI", name: "Mistral-Large-3", version: "1", skuName: "GlobalStandard", availableCapacity: 5000 },
    {
        format: "Meta",
        name: "Llama-4-Scout-17B-16E-Instruct",
        version: "1",
        skuName: "GlobalStandard",
        availableCapacity: 5000,
    },
    { ...GPT, skuName: "GlobalStandard", availableCapacity: 5000 },
];

/** Everything the stack needs is there: the account exists with both deployments, quota and rights to spare. */
export function cleanSubscription(): PreflightArmState {
    return {
        subscriptionId: SUB,
        usages: {
            swedencentral: [
                { name: "AccountCount", currentValue: 3, limit: 200 },
                { name: MISTRAL_USAGE, currentValue: 100, limit: 400 },
                { name: MAAS_USAGE, currentValue: 50, limit: 400 },
                { name: GPT_USAGE, currentValue: 20, limit: 1000 },
            ],
        },
        models: { swedencentral: models() },
        capacities: { swedencentral: capacities },
        deletedAccounts: [{ name: "someone-else-1", resourceGroup: "rg-other", location: "eastus" }],
        accounts: {
            [`${RG}/${ACCOUNT}`]: {
                location: "swedencentral",
                deployments: [
                    {
                        name: "mistral-large",
                        model: { format: "Mistral AI", name: "Mistral-Large-3", version: "1" },
                        sku: "GlobalStandard",
                        capacity: 100,
                    },
                    {
                        name: "llama-scout",
                        model: { format: "Meta", name: "Llama-4-Scout-17B-16E-Instruct", version: "1" },
                        sku: "GlobalStandard",
                        capacity: 50,
                    },
                    { name: "gpt-mini", model: GPT, sku: "GlobalStandard", capacity: 20 },
                ],
            },
        },
        permissions: { [RG]: [{ actions: ["*"], notActions: [] }] },
    };
}

/**
 * What the "done when" asks for: someone deleted the account in the portal (soft-deleted, holding the name
 * and subdomain), other deployments in the subscription use 350 of the 400 Mistral-Large-3 units, Azure deprecated
 * Llama-4-Scout version 1 on 2026-11-15 (the catalog lists no deprecation), and the deployer may not create role
 * assignments.
 */
export function troubledSubscription(): PreflightArmState {
    const s = cleanSubscription();
    s.accounts = {};
    s.usages!.swedencentral[1] = { name: MISTRAL_USAGE, currentValue: 350, limit: 400 };
    s.models = { swedencentral: models("2026-11-15T00:00:00Z") };
    s.deletedAccounts!.push({
        name: ACCOUNT,
        resourceGroup: RG,
        location: "swedencentral",
        scheduledPurgeDate: "2026-12-03T09:00:00Z",
    });
    s.takenSubdomains = [ACCOUNT];
    s.permissions = {
        [RG]: [{ actions: ["*"], notActions: ["Microsoft.Authorization/*/Write", "Microsoft.Authorization/*/Delete"] }],
    };
    return s;
}
