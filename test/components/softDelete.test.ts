/**
 * Soft-deleted Foundry accounts: the purge against a loopback ARM that answers like `deletedAccounts` (202, an
 * operation that runs, 404 for nothing to purge, 403 without permission), the DeletedAccountPurge provider, and
 * FoundryAccount's `restore`, `purgeOnDestroy` and its warning for a fixed custom subdomain.
 *
 * What a loopback server cannot prove: Azure's timing, its exact error texts, and that the permission is enough.
 */
import { afterEach, describe, expect, it } from "vitest";
import { deletedAccountPurgeProvider, FoundryAccount } from "../../infra/components";
import { deletedAccountPath, purgeDeletedAccount, type DeletedAccountRef } from "../../infra/softDelete/purge";
import { captureProgram } from "../../plan/run/capture";
import { MOCK_SUBSCRIPTION_ID } from "../../plan/run/mocks";
import { startDeletedAccountsServer, type DeletedAccountsServer } from "../helpers/deletedAccountsServer";
import { byName, runStack } from "../helpers/stack";
import { resourceProblems } from "../restspec/requests";

const REF: DeletedAccountRef = {
    subscriptionId: "11111111-2222-3333-4444-555555555555",
    location: "swedencentral",
    resourceGroupName: "rg-ai",
    accountName: "aimodels-prod",
};
let server: DeletedAccountsServer | undefined;
afterEach(async () => {
    await server?.close();
    server = undefined;
});
const options = (s: DeletedAccountsServer) => ({
    endpoint: s.url,
    getToken: () => Promise.resolve("test-token"),
    pollIntervalMs: 1,
    maxPolls: 5,
});

describe("purging a soft-deleted account", () => {
    it("DELETEs the deleted account and waits for the operation to succeed", async () => {
        server = await startDeletedAccountsServer();
        server.seed(REF.subscriptionId, REF.location, REF.resourceGroupName, REF.accountName);
        expect(await purgeDeletedAccount(REF, options(server))).toBe("purged");
        expect(server.log()).toEqual([
            "DELETE deletedAccounts/aimodels-prod 202",
            "GET operations/op-1 200 InProgress",
            "GET operations/op-1 200 Succeeded",
        ]);
        expect(server.isDeleted(REF.subscriptionId, REF.location, REF.resourceGroupName, REF.accountName)).toBe(false);
    });

    it("finds nothing to purge when the account was never soft-deleted, without failing", async () => {
        server = await startDeletedAccountsServer();
        expect(await purgeDeletedAccount(REF, options(server))).toBe("nothing to purge");
        expect(server.log()).toEqual(["DELETE deletedAccounts/aimodels-prod 404"]);
    });

    it("fails with ARM's code and message when the permission is missing", async () => {
        server = await startDeletedAccountsServer();
        server.seed(REF.subscriptionId, REF.location, REF.resourceGroupName, REF.accountName);
        server.refuseWith(403, "AuthorizationFailed", "no deletedAccounts/delete at the subscription");
        await expect(purgeDeletedAccount(REF, options(server))).rejects.toThrow(
            "purge deleted account aimodels-prod (swedencentral, resource group rg-ai): 403 AuthorizationFailed: no deletedAccounts/delete at the subscription",
        );
    });

    it("the provider calls nothing on create and purges on delete", async () => {
        server = await startDeletedAccountsServer();
        server.seed(REF.subscriptionId, REF.location, REF.resourceGroupName, REF.accountName);
        const provider = deletedAccountPurgeProvider(options(server));
        const created = await provider.create(REF);
        expect(created.id).toBe(
            "/subscriptions/11111111-2222-3333-4444-555555555555/providers/Microsoft.CognitiveServices/locations/swedencentral/resourceGroups/rg-ai/deletedAccounts/aimodels-prod",
        );
        expect(created.id).toBe(deletedAccountPath(REF));
        expect(server.log()).toEqual([]);
        expect(await provider.diff!(created.id, REF, { ...REF, accountName: "other" })).toEqual({
            changes: true,
            replaces: ["accountName"],
            deleteBeforeReplace: false,
        });
        await provider.delete!(created.id, REF);
        expect(server.log()[0]).toBe("DELETE deletedAccounts/aimodels-prod 202");
        expect(server.isDeleted(REF.subscriptionId, REF.location, REF.resourceGroupName, REF.accountName)).toBe(false);
    });
});

describe("FoundryAccount and soft delete", () => {
    const run = (program: () => unknown) => captureProgram(program, { project: "lib", stack: "test", preview: false });

    it("purgeOnDestroy: the account depends on a purge of its own name, region and group", async () => {
        const c = await run(() => {
            new FoundryAccount("aimf", { accountName: "aimf", location: "Sweden Central", purgeOnDestroy: true });
        });
        expect(c.error).toBeUndefined();
        const purge = byName(c, "aimf-purge");
        const account = byName(c, "aimf-account");
        expect(purge.type).toBe("pulumi-nodejs:dynamic:DeletedAccountPurge");
        expect(purge.inputs).toEqual({
            subscriptionId: MOCK_SUBSCRIPTION_ID,
            location: "swedencentral",
            resourceGroupName: "rg-aimf",
            accountName: account.inputs.accountName,
        });
        expect(account.dependencies).toContain(purge.urn);
        expect(account.inputs.properties).not.toHaveProperty("restore");
        expect(c.warnings).toEqual([]);
    });

    it("restore: the account PUT asks Azure to recover the soft-deleted account", async () => {
        const c = await run(() => {
            new FoundryAccount("aimf", { accountName: "aimf", location: "swedencentral", restore: true });
        });
        expect(byName(c, "aimf-account").inputs.properties).toMatchObject({ restore: true });
        expect(c.resources.some((r) => r.name === "aimf-purge")).toBe(false);
    });

    it("warns that a fixed custom subdomain stays taken for 48 hours after a delete", async () => {
        const c = await run(() => {
            new FoundryAccount("aimf", {
                accountName: "aimf",
                location: "swedencentral",
                customSubDomain: "aimf-prod",
            });
        });
        expect(c.warnings).toEqual([
            'customSubDomain: "aimf-prod" is fixed: a deleted account keeps its name and subdomain soft-deleted for 48 hours, and creating the account again meanwhile fails (FlagMustBeSetForRestore); set restore: true to recover it, or purgeOnDestroy: true to purge it on destroy (MicrosoftDocs/azure-ai-docs articles/ai-services/recover-purge-resources.md @2b3c53aa (ms.date 10/02/2025))',
        ]);
    });

    it("the stack config's restore and purgeOnDestroy reach the account, in a body the REST spec accepts", async () => {
        const run = await runStack({
            foundry: {
                name: "aimodels",
                location: "swedencentral",
                customSubDomain: "aimodels-prod",
                restore: true,
                purgeOnDestroy: true,
                network: { accessManagedElsewhere: true },
            },
        });
        expect(run.error).toBeUndefined();
        const account = byName(run, "aimodels-account");
        expect(account.inputs.properties).toMatchObject({ customSubDomainName: "aimodels-prod", restore: true });
        expect(account.dependencies).toContain(byName(run, "aimodels-purge").urn);
        expect(resourceProblems(account)).toEqual([]);
        expect(run.warnings).toEqual([
            expect.stringContaining('customSubDomain: "aimodels-prod" is fixed: a deleted account keeps its name'),
        ]);
        expect(run.warnings[0]).toContain("purgeOnDestroy purges it when the stack deletes the account");
    });
});
