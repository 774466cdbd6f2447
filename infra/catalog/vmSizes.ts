/**
 * VM sizes for managed online deployments: what each costs in quota. Quota is per VM family per region; GPU
 * families default to 0 cores. Sizes that are not exempt from the 20% reserve need `ceil(1.2 x instances) x vCPUs`
 * cores (MS docs `how-to-manage-quotas.md`).
 */
import { SOURCES } from "./sources";
import type { Source } from "./types";

export interface VmSize {
    name: string;
    vCPUs: number;
    gpus: number;
    gpuType: string;
    /** Quota family as Azure's quota pages name it. */
    family: string;
    /** Exempt from the 20% reserve that managed online endpoints keep for upgrades. */
    reserveExempt: boolean;
    source: Source;
}

const SKU_LIST: Source = {
    document: "MS docs reference-managed-online-endpoints-vm-sku-list.md and how-to-manage-quotas.md",
    date: "2026-11-21",
};

/** The H100 sizes hub online endpoints allow since 2025, all exempt from the reserve (MS docs
 * reference-managed-online-endpoints-vm-sku-list.md @43dc14ea). */
const SKU_LIST_2025: Source = SOURCES.vmSkuList2025;

const row = (
    name: string,
    vCPUs: number,
    gpus: number,
    gpuType: string,
    family: string,
    reserveExempt: boolean,
    source: Source = SKU_LIST,
): VmSize => ({
    name,
    vCPUs,
    gpus,
    gpuType,
    family,
    reserveExempt,
    source,
});

export const VM_SIZES: readonly VmSize[] = [
    row("Standard_NC24ads_A100_v4", 24, 1, "A100 80GB", "Standard NCADSA100v4 Family", true),
    row("Standard_NC48ads_A100_v4", 48, 2, "A100 80GB", "Standard NCADSA100v4 Family", true),
    row("Standard_NC96ads_A100_v4", 96, 4, "A100 80GB", "Standard NCADSA100v4 Family", true),
    row("Standard_NC6s_v3", 6, 1, "V100 16GB", "Standard NCSv3 Family", false),
    row("Standard_NC12s_v3", 12, 2, "V100 16GB", "Standard NCSv3 Family", false),
    row("Standard_NC24s_v3", 24, 4, "V100 16GB", "Standard NCSv3 Family", false),
    row("Standard_NC4as_T4_v3", 4, 1, "T4", "Standard NCASv3_T4 Family", false),
    row("Standard_ND96asr_v4", 96, 8, "A100 40GB", "Standard NDASv4_A100 Family", true),
    row("Standard_ND96amsr_A100_v4", 96, 8, "A100 80GB", "Standard NDAMSv4_A100Family", true),
    row("Standard_ND40rs_v2", 40, 8, "V100 32GB", "Standard NDSv2 Family", true),
    // H100: quota families as the 2025 size list names them. No H200 or MI300X size is offered there.
    row("Standard_NC40ads_H100_v5", 40, 1, "H100 NVL 94GB", "standardNCADSH100v5Family", true, SKU_LIST_2025),
    row("Standard_NC80adis_H100_v5", 80, 2, "H100 NVL 94GB", "standardNCADSH100v5Family", true, SKU_LIST_2025),
    row("Standard_ND96is_H100_v5", 96, 8, "H100 80GB", "standardNDv5H100Family", true, SKU_LIST_2025),
    row("Standard_ND96isr_H100_v5", 96, 8, "H100 80GB", "standardNDv5H100Family", true, SKU_LIST_2025),
];

export function findVmSize(name: string): VmSize | undefined {
    return VM_SIZES.find((s) => s.name.toLowerCase() === name.toLowerCase());
}

/** Cores of quota `instances` instances of `size` need, with the 20% reserve where it applies. */
export function quotaCores(size: VmSize, instances: number): number {
    return (size.reserveExempt ? instances : Math.ceil(1.2 * instances)) * size.vCPUs;
}
