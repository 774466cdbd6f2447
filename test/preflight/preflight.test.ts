/**
 * `npm run preflight` for the Foundry example against a loopback ARM that answers with the REST spec's shapes:
 * the findings each with the resource and the fix, a clean subscription's exit 0, and "not run" without a
 * subscription. Loopback only: Azure's real numbers and texts are not proven here.
 */
import { afterEach, describe, expect, it } from "vitest";
import { startPreflightArm, type PreflightArm } from "../helpers/preflightArm";
import { ACCOUNT, cleanSubscription, foundryAgainst, RG, runPreflight, SUB, troubledSubscription } from "./fixtures";

let arm: PreflightArm | undefined;
afterEach(async () => {
    await arm?.close();
    arm = undefined;
});

const run = runPreflight;

describe("npm run preflight -- --stack foundry", () => {
    it("a subscription where pulumi up would fail: every finding with its resource, numbers and fix; exit 1", async () => {
        arm = await startPreflightArm(troubledSubscription());
        const { code, stdout } = await run(foundryAgainst(arm, "--json"));
        expect(code).toBe(1);
        const findings = (
            JSON.parse(stdout) as {
                preflight: {
                    findings: { check: string; severity: string; resource: string; message: string; fix?: string }[];
                };
            }
        ).preflight.findings;
        const blocking = findings.filter((f) => f.severity === "blocking");
        expect(blocking).toEqual([
            {
                check: "model",
                severity: "blocking",
                resource: `${ACCOUNT}/llama-scout`,
                message:
                    "Azure deprecated Llama-4-Scout-17B-16E-Instruct 1 (GlobalStandard) for this subscription on 2026-11-15; the catalog lists no deprecation: new deployments are refused",
                fix: "deploy another version or model (offered versions: 1, 2), and update the catalog's lifecycle of Llama-4-Scout-17B-16E-Instruct",
            },
            {
                check: "quota",
                severity: "blocking",
                resource: "AIServices.GlobalStandard.Mistral-Large-3 in swedencentral",
                message: `the stack asks 100 (${ACCOUNT}/mistral-large; 0 of it already deployed), the subscription uses 350 of 400 (350 by other deployments): 50 short (InsufficientQuota)`,
                fix: "request 50 more of AIServices.GlobalStandard.Mistral-Large-3 in swedencentral (Foundry portal > Quota), lower the capacity, or free units from other deployments",
            },
            {
                check: "deleted-account",
                severity: "blocking",
                resource: ACCOUNT,
                message: `a soft-deleted account ${ACCOUNT} (resource group ${RG}, swedencentral, purged on 2026-12-03T09:00:00Z) holds the name and its subdomain: creating the account fails (FlagMustBeSetForRestore)`,
                fix: `restore it (properties.restore: true) or purge it first: az cognitiveservices account purge --name ${ACCOUNT} --resource-group ${RG} --location swedencentral`,
            },
            {
                check: "subdomain",
                severity: "blocking",
                resource: ACCOUNT,
                message: `subdomain ${ACCOUNT} is not available: Sub domain name '${ACCOUNT}' is not available.`,
                fix: "choose another customSubDomain (it must be unique in all of Azure), or restore the soft-deleted account that holds it",
            },
            {
                check: "permission",
                severity: "blocking",
                resource: "aimodels-user-00000000-0000-0000-0000-000000000001",
                message: `the deployer may not Microsoft.Authorization/roleAssignments/write in resource group ${RG} (AuthorizationFailed at pulumi up)`,
                fix: `grant the deployer Role Based Access Control Administrator (or User Access Administrator) on ${RG}`,
            },
        ]);
        expect(findings.filter((f) => f.severity === "unjudged")).toEqual([]);
    });

    it("a clean subscription: nothing blocking, every check judged, exit 0; the text report says so", async () => {
        arm = await startPreflightArm(cleanSubscription());
        const { code, stdout, stderr } = await run(foundryAgainst(arm));
        expect(stderr).toBe("");
        expect(code).toBe(0);
        expect(stdout).toContain(
            "Preflight: nothing found that would stop pulumi up (0 blocking, 0 not judged, 0 warnings,",
        );
        expect(stdout).toContain(
            `ok          quota            AIServices.GlobalStandard.Mistral-Large-3 in swedencentral: the stack asks 100 (${ACCOUNT}/mistral-large; 100 of it already deployed), the subscription uses 100 of 400 (0 by other deployments): 300 left after the deployment`,
        );
        // Every list is paged (2 items a page): the third usage came from the second page.
        expect(arm.log()).toContain("GET Microsoft.CognitiveServices/locations/swedencentral/usages?$skipToken=2 200");
    });

    it("without --outputs the account name's random suffix is the plan's own: its checks are not judged (exit 4)", async () => {
        arm = await startPreflightArm(cleanSubscription());
        const { code, stdout } = await run(["--stack", "foundry", "--arm-endpoint", arm.url]);
        expect(code).toBe(4);
        expect(stdout).toContain("NOT JUDGED  subdomain        aimodels-account: the name aimodels-");
        expect(stdout).toContain(
            "fix: pass the deployed stack's outputs (--outputs, from pulumi stack output --json) or set customSubDomain",
        );
    });

    it("no subscription: the Markdown report's Preflight section says not run and why (exit 4)", async () => {
        const { code, stdout } = await run(["--stack", "foundry", "--format", "markdown"], {});
        expect(code).toBe(4);
        expect(stdout).toContain(
            "### Preflight\n\n**Not run:** no subscription: pass --subscription ID or set ARM_SUBSCRIPTION_ID (Pulumi ESC azure-login sets it)",
        );
        expect(stdout.indexOf("### Preflight")).toBeLessThan(stdout.indexOf("### Resources"));
    });

    it("the Markdown section lists each blocking finding with resource and fix", async () => {
        arm = await startPreflightArm(troubledSubscription());
        const { code, stdout } = await run(foundryAgainst(arm, "--format", "markdown"));
        expect(code).toBe(1);
        expect(stdout).toContain("**❌ pulumi up would fail (5 blocking, 0 not judged, 0 warnings,");
        expect(stdout).toContain(
            `| ❌ | deleted-account | \`${ACCOUNT}\` | a soft-deleted account ${ACCOUNT} (resource group ${RG}, swedencentral, purged on 2026-12-03T09:00:00Z) holds the name and its subdomain: creating the account fails (FlagMustBeSetForRestore) | restore it (properties.restore: true) or purge it first: az cognitiveservices account purge --name ${ACCOUNT} --resource-group ${RG} --location swedencentral |`,
        );
    });

    it("a read refused (403) is not judged, never passed; a bad --arm-endpoint is a usage error", async () => {
        arm = await startPreflightArm(cleanSubscription());
        arm.fail({
            pathIncludes: "/deletedAccounts",
            status: 403,
            code: "AuthorizationFailed",
            message: "no read access",
            times: 10,
        });
        const { code, stdout } = await run(foundryAgainst(arm));
        expect(code).toBe(4);
        expect(stdout).toContain(
            `NOT JUDGED  deleted-account  ${ACCOUNT}: could not read the soft-deleted accounts: GET /subscriptions/${SUB}/providers/Microsoft.CognitiveServices/deletedAccounts: 403 AuthorizationFailed: no read access`,
        );
        expect(stdout).toContain("fix: give the preflight identity read access (Reader) on the subscription");
        const bad = await run(["--stack", "foundry", "--arm-endpoint", "http://127.0.0.1:1"]);
        expect(bad.code).toBe(2);
        expect(bad.stderr).toContain("--arm-endpoint http://127.0.0.1:1: expected an https:// URL");
    });
});
