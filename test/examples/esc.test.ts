/**
 * The Pulumi ESC example (`examples/esc/prod.env.yaml`, docs/esc.md): an Azure OIDC login whose outputs become the
 * ARM_* variables azure-native reads, and `pulumiConfig` with this package's config, which the plan takes as the
 * environment's values (`--config-file`, what `esc env open` would give) and plans without errors.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { runPlan } from "../../plan/run/run";
import { projectFolder, ROOT, TODAY } from "../review/plans";

const ENV = parse(readFileSync(path.join(ROOT, "examples/esc/prod.env.yaml"), "utf8")) as {
    values: {
        azure: { login: Record<string, Record<string, unknown>> };
        environmentVariables: Record<string, string>;
        pulumiConfig: Record<string, unknown>;
    };
};

describe("the ESC environment example", () => {
    it("logs in to Azure with OIDC and hands the credentials to azure-native as ARM_* variables", () => {
        const login = ENV.values.azure.login["fn::open::azure-login"];
        expect(Object.keys(login).sort()).toEqual(["clientId", "oidc", "subscriptionId", "tenantId"]);
        expect(login.oidc).toBe(true);
        expect(ENV.values.environmentVariables).toEqual({
            ARM_USE_OIDC: "true",
            ARM_CLIENT_ID: "${azure.login.clientId}",
            ARM_TENANT_ID: "${azure.login.tenantId}",
            ARM_SUBSCRIPTION_ID: "${azure.login.subscriptionId}",
            ARM_OIDC_TOKEN: "${azure.login.oidc.token}",
        });
    });

    it("holds config the plan accepts for a stack that imports the environment", async () => {
        const dir = projectFolder({}, "prod");
        writeFileSync(path.join(dir, "Pulumi.prod.yaml"), stringify({ environment: ["azure-ai-models/prod"] }));
        const configFile = path.join(mkdtempSync(path.join(tmpdir(), "aim-esc-")), "esc-prod.yaml");
        writeFileSync(configFile, stringify({ config: ENV.values.pulumiConfig }));
        const plan = await runPlan({
            projectDir: dir,
            stack: "prod",
            today: new Date(`${TODAY}T00:00:00Z`),
            configFiles: [configFile],
        });
        expect(plan.errors).toEqual([]);
        expect(
            plan.resources.filter((r) => r.type === "azure-native:cognitiveservices:Deployment").map((r) => r.name),
        ).toEqual(["aimprod-chat-deployment"]);
        expect(Object.keys(ENV.values.pulumiConfig).filter((k) => k.startsWith("azure-ai-models:"))).toEqual([
            "azure-ai-models:foundry",
        ]);
    });
});
