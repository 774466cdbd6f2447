/** `npm run catalog:drift` against loopback answers that match the catalog, and answers that differ from it. */
import { afterEach, describe, expect, it } from "vitest";
import { catalogRegions } from "../../preflight/drift";
import { driftCommand } from "../../preflight/driftCli";
import { startPreflightArm, TEST_SERVER_CERT, type ModelSeed, type PreflightArm } from "../helpers/preflightArm";
import { fakeCredential, SUB } from "./fixtures";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";

let arm: PreflightArm | undefined;
afterEach(async () => {
    await arm?.close();
    arm = undefined;
});

/** What Azure would answer in a region if it matched the catalog exactly. */
function asCatalog(region: string): ModelSeed[] {
    return [...catalogRegions().get(region)!].map(([offer, skus]) => ({
        format: offer.format,
        name: offer.name,
        version: offer.version,
        ...(offer.lifecycle?.deprecated ? { deprecation: `${offer.lifecycle.deprecated}T00:00:00Z` } : {}),
        skus: skus.map((sku) => ({ name: sku, usageName: `AIServices.${sku}.${offer.name}` })),
    }));
}

async function drift(models: ModelSeed[], format = "text") {
    arm = await startPreflightArm({ subscriptionId: SUB, models: { swedencentral: models }, pageSize: 5 });
    const ca = path.join(mkdtempSync(path.join(tmpdir(), "drift-")), "ca.pem");
    writeFileSync(ca, TEST_SERVER_CERT);
    let stdout = "";
    const code = await driftCommand(
        ["--region", "swedencentral", "--arm-endpoint", arm.url, "--ca", ca, "--format", format],
        { stdout: (t) => void (stdout += t), stderr: (t) => void (stdout += t) },
        { env: { ARM_SUBSCRIPTION_ID: SUB }, credential: fakeCredential },
    );
    return { code, stdout };
}

describe("catalog drift", () => {
    it("Azure answers as the catalog says: no difference, exit 0", async () => {
        const { code, stdout } = await drift(asCatalog("swedencentral"));
        expect(stdout).toBe("Catalog drift: 0 difference(s) in 1 region(s)\n");
        expect(code).toBe(0);
    });

    it("a new version, a missing SKU, a deprecation date and a model gone: each printed, exit 1", async () => {
        const models = asCatalog("swedencentral");
        const llama = models.find((m) => m.name === "Llama-4-Scout-17B-16E-Instruct")!;
        llama.skus[0].deprecationDate = "2026-11-15T00:00:00Z";
        const mistral = models.find((m) => m.name === "Mistral-Large-3")!;
        mistral.skus = mistral.skus.filter((s) => s.name === "GlobalStandard");
        const codestral = models.find((m) => m.name === "Codestral-2501")!;
        codestral.version = "3";
        const gone = models.splice(models.indexOf(models.find((m) => m.name === "Ministral-3B")!), 1);
        expect(gone).toHaveLength(1);
        const { code, stdout } = await drift(models);
        expect(code).toBe(1);
        expect(stdout.split("\n").filter(Boolean).sort()).toEqual(
            [
                "Catalog drift: 4 difference(s) in 1 region(s)",
                "  swedencentral  Ministral-3B  offered: catalog offered (GlobalStandard); Azure not offered to this subscription",
                "  swedencentral  Codestral-2501  version: catalog version 2; Azure versions 3",
                "  swedencentral  Mistral-Large-3  sku: catalog DataZoneStandard; Azure SKUs GlobalStandard",
                "  swedencentral  Llama-4-Scout-17B-16E-Instruct  lifecycle: catalog no deprecation date; Azure deprecated 2026-11-15",
            ].sort(),
        );
    });

    it("a region that cannot be read is said, not counted as clean: exit 4", async () => {
        arm = undefined;
        const models = asCatalog("swedencentral");
        const first = await drift(models);
        expect(first.code).toBe(0);
        arm!.fail({
            pathIncludes: "/models",
            status: 403,
            code: "AuthorizationFailed",
            message: "no access",
            times: 5,
        });
        const ca = path.join(mkdtempSync(path.join(tmpdir(), "drift-")), "ca.pem");
        writeFileSync(ca, TEST_SERVER_CERT);
        let stdout = "";
        const code = await driftCommand(
            ["--region", "swedencentral", "--arm-endpoint", arm!.url, "--ca", ca],
            { stdout: (t) => void (stdout += t), stderr: (t) => void (stdout += t) },
            { env: { ARM_SUBSCRIPTION_ID: SUB }, credential: fakeCredential },
        );
        expect(code).toBe(4);
        expect(stdout).toContain("Catalog drift: 0 difference(s) in 1 region(s), 1 region(s) not read");
        expect(stdout).toContain("not read: swedencentral: GET /subscriptions/");
    });
});
