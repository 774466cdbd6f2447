/**
 * The resource-type registry (`infra/catalog/resourceTypes/`): one record per token, API-version aliases resolved,
 * every name rule bound, every fact with a source, and the views built from it (the pack's type lists, the diff's
 * destructive kinds, the component package's secret outputs). test/stack/registryCoverage.test.ts checks that every
 * type the repository registers has a record.
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import {
    NAME_RULES,
    RESOURCE_TYPES,
    destructiveTypes,
    resourceTypeOf,
    secretOutputsByComponent,
    typeName,
} from "../../infra/catalog";
import { SECRET_OUTPUTS } from "../../infra/provider";
import { ML_KINDS } from "../../policies/lib/azure";
import { COGNITIVE_KINDS } from "../../policies/lib/foundry";

const ROOT = path.resolve(__dirname, "../..");

describe("the registry's records", () => {
    it("one record per token", () => {
        const tokens = RESOURCE_TYPES.flatMap((r) => [r.type, ...(r.aliases ?? [])]);
        expect(new Set(tokens).size).toBe(tokens.length);
    });

    it("resolves every API-version alias azure-native declares for a recorded type", () => {
        for (const r of RESOURCE_TYPES.filter((x) => x.type.startsWith("azure-native:"))) {
            const [, module, name] = r.type.split(":");
            const file = path.join(
                ROOT,
                "node_modules/@pulumi/azure-native",
                module,
                `${name[0].toLowerCase()}${name.slice(1)}.js`,
            );
            const aliases = [...readFileSync(file, "utf8").matchAll(/\{ type: "([^"]+)" \}/g)].map((m) => m[1]);
            expect(aliases.length, r.type).toBeGreaterThan(0);
            for (const alias of aliases) expect(resourceTypeOf(alias)?.type, alias).toBe(r.type);
        }
        expect(resourceTypeOf("azure-native:cognitiveservices/v20250601:Account")?.type).toBe(
            "azure-native:cognitiveservices:Account",
        );
        expect(resourceTypeOf("azure-native:cognitiveservices/v20250601:Nope")).toBeUndefined();
    });

    it("binds every rule of the catalog's name table to a type", () => {
        const used = new Set(
            RESOURCE_TYPES.flatMap((r) => [r.nameRule, ...(r.otherNames ?? []).map((n) => n.rule)]).filter(Boolean),
        );
        expect(
            Object.entries(NAME_RULES)
                .filter(([, rule]) => !used.has(rule))
                .map(([key]) => key),
        ).toEqual([]);
    });

    it("gives every fixed input and every destructive record a reason and a source", () => {
        for (const r of RESOURCE_TYPES) {
            for (const f of r.fixedInputs ?? []) {
                expect(f.reason, `${r.type} ${f.path}`).not.toBe("");
                expect(f.source, `${r.type} ${f.path}`).not.toBe("");
            }
            if (!r.destructive) continue;
            expect(r.destructive.source, r.type).not.toBe("");
            // The diff says what goes: the record's consequence, or the client URL that is lost.
            expect(r.destructive.consequence !== undefined || r.clientUrl !== undefined, r.type).toBe(true);
        }
    });

    it("is what the pack's type lists, the plan's gate and the component package's secret outputs are made of", () => {
        expect([...ML_KINDS]).toEqual([
            "Workspace",
            "MarketplaceSubscription",
            "ServerlessEndpoint",
            "OnlineEndpoint",
            "OnlineDeployment",
        ]);
        expect([...COGNITIVE_KINDS]).toEqual([
            "Account",
            "Project",
            "Deployment",
            "RaiPolicy",
            "RaiBlocklist",
            "RaiBlocklistItem",
        ]);
        expect(destructiveTypes().map((r) => typeName(r.type))).toEqual([
            "ResourceGroup",
            "StorageAccount",
            "Vault",
            "UserAssignedIdentity",
            "Workspace",
            "MarketplaceSubscription",
            "ServerlessEndpoint",
            "OnlineEndpoint",
            "OnlineDeployment",
            "Account",
            "Project",
            "Deployment",
            "RaiPolicy",
            "VirtualNetwork",
            "PrivateEndpoint",
            "PrivateZone",
            "EndpointTraffic",
        ]);
        expect(secretOutputsByComponent()).toEqual({
            ServerlessModelEndpoint: ["primaryKey", "secondaryKey"],
            ManagedOnlineEndpoint: ["primaryKey", "secondaryKey"],
            FoundryAccount: ["primaryKey", "secondaryKey"],
        });
        expect(SECRET_OUTPUTS.FoundryAccount).toEqual(["primaryKey", "secondaryKey"]);
        expect(SECRET_OUTPUTS.AiWorkspace).toEqual([]);
    });
});

/** The table of destructive types docs/reviewing.md shows: one row per destructive record. */
function destructiveTable(): string {
    const rows = destructiveTypes().map((r) => {
        const what = typeof r.destructive!.what === "string" ? r.destructive!.what : r.title;
        const goes =
            typeof r.destructive!.consequence === "string"
                ? r.destructive!.consequence
                : r.destructive!.consequence
                  ? "depends on its kind (see the diff)"
                  : "clients lose its URL (the diff prints it)";
        return `| \`${r.type.replace(/^azure-native:/, "")}\` | ${what} | ${goes} |`;
    });
    return ["| type | called | what goes with it |", "|---|---|---|", ...rows].join("\n");
}

describe("docs", () => {
    it("docs/reviewing.md lists exactly the registry's destructive types", () => {
        const doc = readFileSync(path.join(ROOT, "docs/reviewing.md"), "utf8");
        const block = /<!-- destructive-types:start[^>]*-->\n([\s\S]*?)\n<!-- destructive-types:end -->/.exec(doc)?.[1];
        expect(block, "the generated block is missing from docs/reviewing.md").toBeDefined();
        expect(block).toBe(destructiveTable());
    });

    it("docs/policy-pack.md names the kinds the pack reads", () => {
        const doc = readFileSync(path.join(ROOT, "docs/policy-pack.md"), "utf8").replace(/\s+/g, " ");
        expect(doc).toContain(`(${ML_KINDS.map((k) => `\`${k}\``).join(", ")})`);
        expect(doc).toContain(`(${COGNITIVE_KINDS.map((k) => `\`${k}\``).join(", ")})`);
    });
});
