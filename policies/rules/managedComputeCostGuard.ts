/**
 * Rule 10c (advisory): a cost guard for managed compute. Managed deployments run on GPU VMs billed per core-hour:
 * the instance type is one of an allowlist (default: the sizes some catalog model's asset allows) and the instance
 * count (`sku.capacity`, and `scaleSettings` bounds) stays within limits.
 */
import { describe, isKind } from "../lib/azure";
import { CATALOG_INSTANCE_TYPES } from "../lib/catalog";
import { defineResourceRule, includesIgnoreCase, list, stringList } from "../lib/rule";
import { knownNumber, knownString } from "../lib/unknown";

export interface ManagedComputeCostGuardConfig {
    allowedInstanceTypes: string[];
    minInstances: number;
    maxInstances: number;
}

export const managedComputeCostGuard = defineResourceRule<ManagedComputeCostGuardConfig>({
    name: "managed-compute-cost-guard",
    description: "Managed online deployments use an allowed VM size and an instance count within bounds.",
    enforcementLevel: "advisory",
    severity: "medium",
    configSchema: {
        properties: {
            allowedInstanceTypes: {
                ...stringList(
                    "Allowed properties.instanceType values (case-insensitive). Default: every VM size a catalog model's asset allows.",
                    CATALOG_INSTANCE_TYPES,
                ),
                minItems: 1,
            },
            minInstances: {
                type: "integer",
                minimum: 0,
                default: 1,
                description: "Fewest instances (sku.capacity, scaleSettings.minInstances).",
            },
            maxInstances: {
                type: "integer",
                minimum: 1,
                default: 2,
                description: "Most instances (sku.capacity, scaleSettings.maxInstances).",
            },
        },
    },
    remediationSteps:
        "Pick an allowed VM size and an instance count within the configured bounds, or widen the managed-compute-cost-guard config.",
    check: (resource, config) => {
        if (!isKind(resource, "OnlineDeployment")) return [];
        const messages: string[] = [];
        const type = knownString(resource.props, "properties.instanceType");
        if (type !== undefined && !includesIgnoreCase(config.allowedInstanceTypes, type)) {
            messages.push(
                `${describe(resource)} uses instance type "${type}", which is not allowed; allowed: ${list(config.allowedInstanceTypes)}. ` +
                    `Pick one of them, or add it to managed-compute-cost-guard allowedInstanceTypes.`,
            );
        }
        const counts: [string, number | undefined][] = [
            ["sku.capacity", knownNumber(resource.props, "sku.capacity")],
            [
                "properties.scaleSettings.minInstances",
                knownNumber(resource.props, "properties.scaleSettings.minInstances"),
            ],
            [
                "properties.scaleSettings.maxInstances",
                knownNumber(resource.props, "properties.scaleSettings.maxInstances"),
            ],
        ];
        for (const [path, n] of counts) {
            if (n === undefined || (n >= config.minInstances && n <= config.maxInstances)) continue;
            messages.push(
                `${describe(resource)} sets ${path} to ${n}; allowed: ${config.minInstances} to ${config.maxInstances} instances. ` +
                    `Set it within those bounds, or change managed-compute-cost-guard minInstances/maxInstances.`,
            );
        }
        return messages;
    },
});
