/**
 * One name for the principals list: `principals` in the stack config (`workspace`, `foundry`) and on every component
 * (`AiWorkspace`, `FoundryAccount`). The old component names (`aiDevelopers`, `foundryUsers`) and the old config key
 * (`workspace.aiDevelopers`) still work, with one warning per program, and giving both names is refused. Mocks
 * cannot prove what Azure does with the role assignments; they show which ones the components register.
 */
import { describe, expect, it } from "vitest";
import { AiWorkspace, FoundryAccount } from "../../infra/components";
import { validateStackConfig } from "../../infra/config/validate";
import { argErrors, construct } from "./construct";

const ALICE = "6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f";
const TEAM = "a2b3c4d5-e6f7-4890-a1b2-c3d4e5f60718";
const DEPRECATED = (name: string) =>
    `${name} is deprecated: rename it to principals (the name the stack config and every component use); the old name will be removed in a future major version`;

/** The principal ids of the role assignments a construction registered, sorted. */
function grantedTo(c: Awaited<ReturnType<typeof construct>>): string[] {
    return c.resources
        .filter((r) => r.type === "azure-native:authorization:RoleAssignment")
        .map((r) => `${String(r.inputs.principalId)} ${String(r.inputs.principalType)}`)
        .sort();
}

describe("FoundryAccount principals", () => {
    const account = (extra: object) => () =>
        new FoundryAccount("aimf", {
            accountName: "aimf",
            location: "swedencentral",
            accessManagedElsewhere: true,
            ...extra,
        });

    it("grants the Foundry User role to principals, without a warning", async () => {
        const c = await construct(
            account({ principals: [{ principalId: ALICE }, { principalId: TEAM, principalType: "Group" }] }),
        );
        expect(c.error).toBeUndefined();
        expect(grantedTo(c)).toEqual([`${TEAM} Group`, `${ALICE} User`].sort());
        expect(c.warnings.filter((w) => w.includes("deprecated"))).toEqual([]);
    });

    it("takes the deprecated foundryUsers alike, and warns once however many accounts use it", async () => {
        const c = await construct(() => {
            account({ foundryUsers: [{ principalId: ALICE }] })();
            new FoundryAccount("second", {
                accountName: "second",
                location: "swedencentral",
                accessManagedElsewhere: true,
                foundryUsers: [{ principalId: TEAM }],
            });
        });
        expect(c.error).toBeUndefined();
        expect(grantedTo(c)).toEqual([`${ALICE} User`, `${TEAM} User`].sort());
        expect(c.warnings.filter((w) => w.includes("deprecated"))).toEqual([DEPRECATED("FoundryAccount.foundryUsers")]);
    });

    it("refuses both names at once, before registering anything", async () => {
        const c = await construct(
            account({ principals: [{ principalId: ALICE }], foundryUsers: [{ principalId: TEAM }] }),
        );
        expect(argErrors(c).errors).toEqual([
            {
                propertyPath: "foundryUsers",
                reason: "is the deprecated name of principals, which is given too; give the list once, as principals",
            },
        ]);
        expect(c.resources.filter((r) => r.type !== "pulumi:pulumi:Stack")).toEqual([]);
    });

    it("reports a principal listed twice under the name given", async () => {
        const c = await construct(
            account({ principals: [{ principalId: ALICE }, { principalId: ALICE.toUpperCase() }] }),
        );
        expect(argErrors(c).errors.map((e) => e.propertyPath)).toEqual(["principals[1].principalId"]);
    });
});

describe("AiWorkspace principals", () => {
    const workspace = (extra: object) => () =>
        new AiWorkspace("hub", {
            workspaceName: "aimodels",
            location: "eastus2",
            accessManagedElsewhere: true,
            ...extra,
        });

    it("grants the Azure AI Developer role to principals, and to the deprecated aiDevelopers with one warning", async () => {
        const now = await construct(workspace({ principals: [{ principalId: ALICE }] }));
        const old = await construct(workspace({ aiDevelopers: [{ principalId: ALICE }] }));
        expect(now.error).toBeUndefined();
        expect(old.error).toBeUndefined();
        expect(grantedTo(now)).toEqual([`${ALICE} User`]);
        expect(grantedTo(old)).toEqual(grantedTo(now));
        expect(now.warnings.filter((w) => w.includes("deprecated"))).toEqual([]);
        expect(old.warnings.filter((w) => w.includes("deprecated"))).toEqual([DEPRECATED("AiWorkspace.aiDevelopers")]);
    });
});

describe("workspace.principals in the stack config", () => {
    const config = (ws: object) => ({
        workspace: { name: "aim", location: "eastus2", kind: "workspace", publicNetworkAccess: "Enabled", ...ws },
    });
    const today = new Date("2026-11-21T00:00:00Z");

    it("takes principals, and the deprecated aiDevelopers as the same list with a warning", () => {
        const now = validateStackConfig(config({ principals: [{ principalId: ALICE }] }), { today });
        const old = validateStackConfig(config({ aiDevelopers: [{ principalId: ALICE }] }), { today });
        expect(now.errors).toEqual([]);
        expect(old.errors).toEqual([]);
        expect(now.config?.workspace?.principals).toEqual([{ principalId: ALICE, principalType: "User" }]);
        expect(old.config?.workspace?.principals).toEqual(now.config?.workspace?.principals);
        expect(now.warnings).toEqual([]);
        expect(old.warnings).toEqual([
            {
                path: "azure-ai-models:workspace.aiDevelopers",
                message:
                    "is deprecated: rename it to principals (the name azure-ai-models:foundry.principals and every component use)",
            },
        ]);
    });

    it("refuses both", () => {
        const r = validateStackConfig(
            config({ principals: [{ principalId: ALICE }], aiDevelopers: [{ principalId: TEAM }] }),
            { today },
        );
        expect(r.errors).toEqual([
            {
                path: "azure-ai-models:workspace.aiDevelopers",
                message:
                    "is the deprecated name of azure-ai-models:workspace.principals, which is given too; give the list once, as principals",
            },
        ]);
    });
});
