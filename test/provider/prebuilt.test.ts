/**
 * The provider of the installed package: no TypeScript sources to analyze there, so it serves the schema `npm run
 * build` wrote (`dist/provider-schema.json`, built by the test run's global setup) and constructs from it.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { captureProgram } from "../../plan/run/capture";
import {
    AzureAiModelsProvider,
    componentToken,
    hasSources,
    PACKAGE_DIR,
    type PrebuiltSchema,
} from "../../infra/provider";
import { DIST, ensureDist } from "../package/dist";
import { engineInputs, engineOptions } from "./engine";

beforeAll(() => ensureDist(inject("azureAiModelsDistBuilt")), 300_000);

/** A folder laid out as the installed package: package.json, no sources. */
function installedLayout(): string {
    const dir = mkdtempSync(path.join(tmpdir(), "aim-installed-provider-"));
    cpSync(path.join(PACKAGE_DIR, "package.json"), path.join(dir, "package.json"));
    return dir;
}

describe("the provider without the package's sources", () => {
    it("tells a checkout from the installed package", () => {
        expect(hasSources(PACKAGE_DIR)).toBe(true);
        expect(hasSources(installedLayout())).toBe(false);
    });

    it("serves the prebuilt schema, secret outputs marked, and constructs from its definitions", async () => {
        const file = path.join(DIST, "provider-schema.json");
        const prebuilt = JSON.parse(readFileSync(file, "utf8")) as PrebuiltSchema;
        const provider = new AzureAiModelsProvider({ dirname: installedLayout(), prebuilt: file });
        expect(JSON.parse(await provider.getSchema())).toEqual(prebuilt.schema);
        const account = prebuilt.schema.resources["azure-ai-models:index:FoundryAccount"] as {
            properties: Record<string, { secret?: boolean }>;
        };
        expect(account.properties.primaryKey.secret).toBe(true);
        const capture = await captureProgram(
            async () => {
                const inputs = await engineInputs({
                    resourceGroupName: "rg-ai",
                    accountName: "aim-foundry",
                    location: "swedencentral",
                });
                const r = await provider.construct(
                    "foundry",
                    componentToken("FoundryAccount"),
                    inputs,
                    engineOptions(),
                );
                return { state: r.state };
            },
            { project: "consumer", stack: "test", preview: false },
        );
        expect(capture.error).toBeUndefined();
        const state = capture.outputs.find((o) => o.name === "state")!.value as Record<string, unknown>;
        // The outputs the definitions list (the keys among them, secret, come back as secrets).
        expect(Object.keys(prebuilt.components.FoundryAccount.outputs)).toEqual(
            expect.arrayContaining(Object.keys(state)),
        );
        expect(state).toMatchObject({
            accountName: expect.stringMatching(/^aim-foundry-[0-9a-f]{6}$/),
            resourceGroupName: "rg-ai",
        });
    });

    it("says what is missing when the prebuilt schema is", async () => {
        const missing = path.join(installedLayout(), "provider-schema.json");
        expect(existsSync(missing)).toBe(false);
        const provider = new AzureAiModelsProvider({ dirname: installedLayout(), prebuilt: missing });
        await expect(provider.getSchema()).rejects.toThrow(
            `${missing} is missing: the package's schema is built with it (npm run build) from the components' sources`,
        );
    });
});
