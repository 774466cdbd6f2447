/**
 * The VM quota managed deployments need, per region and VM family, computed from the planned OnlineDeployment
 * inputs (so it works for any stack, ours or raw azure-native): instances (the maximum, with autoscale) x vCPUs,
 * with the 20% reserve for sizes that are not exempt. Deployments on an endpoint that uses the shared quota pool
 * are left out. A user requests this quota before `pulumi up` fails on `OutOfQuota`.
 */
import { findVmSize, normalizeRegion, quotaCores } from "../../infra/catalog";
import { knownNumber, knownString, read } from "../../policies/lib/unknown";
import type { PlannedResource, QuotaRow } from "../run/types";

const DEPLOYMENT = "azure-native:machinelearningservices:OnlineDeployment";
const ENDPOINT = "azure-native:machinelearningservices:OnlineEndpoint";

export interface QuotaReport {
    rows: QuotaRow[];
    /** Deployments left out, with why (shared quota, a VM size the catalog does not know, unknown values). */
    skipped: { deployment: string; reason: string }[];
}

export function quotaReport(resources: readonly PlannedResource[]): QuotaReport {
    const sharedEndpoints = new Set(
        resources
            .filter(
                (r) =>
                    r.type === ENDPOINT &&
                    knownString(r.inputs, "properties.properties.SharedComputeCapacityEnabled") === "true",
            )
            .map((r) => `${String(r.inputs.workspaceName)}/${String(r.inputs.endpointName)}`),
    );
    const rows = new Map<string, QuotaRow>();
    const skipped: QuotaReport["skipped"] = [];
    for (const r of resources.filter((x) => x.type === DEPLOYMENT)) {
        const label = `${String(r.inputs.endpointName)}/${String(r.inputs.deploymentName ?? r.name)}`;
        if (sharedEndpoints.has(`${String(r.inputs.workspaceName)}/${String(r.inputs.endpointName)}`)) {
            skipped.push({ deployment: label, reason: "shared quota (the endpoint is deleted after 168 hours)" });
            continue;
        }
        const instanceType = knownString(r.inputs, "properties.instanceType");
        // The maximum with autoscale; else sku.capacity, which is 1 when not set.
        const instances =
            knownString(r.inputs, "properties.scaleSettings.scaleType") === "TargetUtilization"
                ? knownNumber(r.inputs, "properties.scaleSettings.maxInstances")
                : read(r.inputs, "sku.capacity").state === "absent"
                  ? 1
                  : knownNumber(r.inputs, "sku.capacity");
        const location = knownString(r.inputs, "location");
        if (instanceType === undefined || instances === undefined || location === undefined) {
            skipped.push({
                deployment: label,
                reason: "instance type, count or region not known before Azure creates it",
            });
            continue;
        }
        const size = findVmSize(instanceType);
        if (!size) {
            skipped.push({ deployment: label, reason: `${instanceType} is not in the catalog's VM size table` });
            continue;
        }
        const region = normalizeRegion(location);
        const key = `${region}|${size.family}`;
        const row = rows.get(key) ?? {
            region,
            family: size.family,
            deployments: [],
            instances: 0,
            cores: 0,
            reserveApplied: false,
        };
        row.deployments.push(label);
        row.instances += instances;
        row.cores += quotaCores(size, instances);
        row.reserveApplied ||= !size.reserveExempt;
        rows.set(key, row);
    }
    for (const row of rows.values()) row.deployments.sort();
    return {
        rows: [...rows.values()].sort((a, b) => a.region.localeCompare(b.region) || a.family.localeCompare(b.family)),
        skipped,
    };
}
