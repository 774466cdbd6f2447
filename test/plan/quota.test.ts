/** The quota section of the plan: cores per region and VM family, from the catalog's VM size table. */
import { describe, expect, it } from "vitest";
import { findVmSize, quotaCores, VM_SIZES } from "../../infra/catalog";
import { validateStackConfig } from "../../infra/config";
import { quotaReport } from "../../plan/checks/quota";
import { UNKNOWN, type PlannedResource } from "../../plan/run/types";
import { plannedResource } from "../helpers/planned";

function deployment(name: string, instanceType: string, instances: number, location = "eastus2"): PlannedResource {
    return plannedResource("azure-native:machinelearningservices:OnlineDeployment", name, {
        endpointName: "llama",
        deploymentName: name,
        location,
        sku: { capacity: instances },
        properties: { instanceType },
    });
}

describe("H100 sizes (MS docs VM SKU list of 2025-10-18)", () => {
    it("are in the catalog with vCPUs, GPUs, quota family and reserve exemption", () => {
        const h100 = VM_SIZES.filter((s) => s.gpuType.startsWith("H100")).map((s) => [
            s.name,
            s.vCPUs,
            s.gpus,
            s.family,
            s.reserveExempt,
        ]);
        expect(h100).toEqual([
            ["Standard_NC40ads_H100_v5", 40, 1, "standardNCADSH100v5Family", true],
            ["Standard_NC80adis_H100_v5", 80, 2, "standardNCADSH100v5Family", true],
            ["Standard_ND96is_H100_v5", 96, 8, "standardNDv5H100Family", true],
            ["Standard_ND96isr_H100_v5", 96, 8, "standardNDv5H100Family", true],
        ]);
        for (const s of VM_SIZES.filter((x) => x.gpuType.startsWith("H100")))
            expect(s.source.document).toContain("reference-managed-online-endpoints-vm-sku-list.md@43dc14ea");
        expect(findVmSize("standard_nd96isr_h100_v5")?.name).toBe("Standard_ND96isr_H100_v5");
    });

    it("need no 20% reserve: instances x vCPUs", () => {
        expect(quotaCores(findVmSize("Standard_NC40ads_H100_v5")!, 3)).toBe(120);
        expect(quotaCores(findVmSize("Standard_NC12s_v3")!, 3)).toBe(48);
    });

    it("are counted by the plan's quota section per region and family", () => {
        const report = quotaReport([
            deployment("blue", "Standard_NC40ads_H100_v5", 2),
            deployment("green", "Standard_NC80adis_H100_v5", 1),
            deployment("big", "Standard_ND96isr_H100_v5", 1, "Sweden Central"),
        ]);
        expect(report.skipped).toEqual([]);
        expect(report.rows).toEqual([
            {
                region: "eastus2",
                family: "standardNCADSH100v5Family",
                deployments: ["llama/blue", "llama/green"],
                instances: 3,
                cores: 160,
                reserveApplied: false,
            },
            {
                region: "swedencentral",
                family: "standardNDv5H100Family",
                deployments: ["llama/big"],
                instances: 1,
                cores: 96,
                reserveApplied: false,
            },
        ]);
    });
});

describe("the quota section's instance count", () => {
    const base = deployment("blue", "Standard_NC40ads_H100_v5", 2);
    const count = (inputs: Record<string, unknown>) => {
        const report = quotaReport([{ ...base, inputs: { ...base.inputs, ...inputs } }]);
        return report.rows.length ? report.rows[0].instances : report.skipped[0].reason;
    };

    it("is sku.capacity, 1 when it is not set, the maximum with autoscale", () => {
        expect(count({})).toBe(2);
        expect(count({ sku: undefined })).toBe(1);
        expect(count({ sku: { name: "Default" } })).toBe(1);
        expect(
            count({
                properties: {
                    instanceType: "Standard_NC40ads_H100_v5",
                    scaleSettings: { scaleType: "TargetUtilization", maxInstances: 4 },
                },
            }),
        ).toBe(4);
    });

    it("is not known when the sku is not, or a part of it is not", () => {
        const unknown = "instance type, count or region not known before Azure creates it";
        expect(count({ sku: UNKNOWN })).toBe(unknown);
        expect(count({ sku: { capacity: UNKNOWN } })).toBe(unknown);
    });
});

describe("H100 sizes in stack config", () => {
    const config = (model: string, instanceType: string) => ({
        workspace: {
            name: "aim",
            location: "eastus2",
            projects: [{ name: "chat" }],
            network: { accessManagedElsewhere: true },
        },
        onlineEndpoints: [
            { name: "llama", project: "chat", deployments: [{ name: "blue", model, version: 3, instanceType }] },
        ],
    });

    it("are known sizes: no quota warning, and their facts reach the deployment", () => {
        const r = validateStackConfig(config("Meta-Llama-3-70B-Instruct", "Standard_ND96isr_H100_v5"), {
            today: new Date("2026-12-01T00:00:00Z"),
        });
        expect(r.errors).toEqual([]);
        expect(r.warnings).toEqual([]);
        expect(r.config?.onlineEndpoints[0].deployments[0].vmSize).toMatchObject({
            vCPUs: 96,
            gpus: 8,
            family: "standardNDv5H100Family",
        });
    });

    it("still respect the sizes a model's asset allows", () => {
        const r = validateStackConfig(config("Mixtral-8x7B-Instruct-v01", "Standard_NC40ads_H100_v5"), {
            today: new Date("2026-12-01T00:00:00Z"),
        });
        expect(r.errors.map((e) => e.message)).toEqual([
            '"Standard_NC40ads_H100_v5" is not among the sizes mistralai-Mixtral-8x7B-Instruct-v01\'s asset allows: Standard_ND40rs_v2, Standard_NC96ads_A100_v4, Standard_ND96amsr_A100_v4, Standard_ND96asr_v4. Set allowInstanceType: true to use it anyway',
        ]);
    });
});
