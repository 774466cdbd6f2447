/**
 * Rule 13 (Foundry): model deployments use an allowed deployment SKU. A platform team that needs data residency
 * allows only `DataZoneStandard` (requests stay in the data zone); one that avoids reserved capacity leaves out the
 * provisioned SKUs. The default allows every deployment SKU the catalog knows, so an account SKU given as a
 * deployment SKU (`S0`, which Azure rejects: Azure/bicep-registry-modules#6561) is caught at preview.
 */
import { describe } from "../lib/azure";
import { FOUNDRY_SKU_NAMES } from "../lib/catalog";
import { deploymentModel, deploymentSku, describeModel, isFoundryDeployment } from "../lib/foundry";
import { defineResourceRule, includesIgnoreCase, list, matchesAnyGlob, stringList } from "../lib/rule";
import { read } from "../lib/unknown";

export interface FoundryDeploymentSkusConfig {
    allowedSkus: string[];
    exemptDeployments: string[];
}

export const foundryDeploymentSkus = defineResourceRule<FoundryDeploymentSkusConfig>({
    name: "foundry-deployment-skus",
    description:
        "Foundry model deployments use an allowed deployment SKU (default: the catalog's deployment SKUs; require DataZoneStandard for data residency).",
    enforcementLevel: "mandatory",
    severity: "high",
    configSchema: {
        properties: {
            allowedSkus: {
                ...stringList(
                    'Deployment SKUs (sku.name) allowed, case-insensitive, e.g. `["DataZoneStandard"]` to keep requests in a data zone.',
                    FOUNDRY_SKU_NAMES,
                ),
                minItems: 1,
            },
            exemptDeployments: stringList(
                "Pulumi resource names of deployments not judged (globs, `*` for any characters, case-insensitive).",
                [],
            ),
        },
    },
    remediationSteps:
        "Set the deployment's sku.name to an allowed deployment SKU (one the model is offered with), or add the SKU to the foundry-deployment-skus config (allowedSkus).",
    check: (resource, config) => {
        if (!isFoundryDeployment(resource) || matchesAnyGlob(resource.name, config.exemptDeployments)) return [];
        if (read(resource.props, "sku").state === "unknown" || read(resource.props, "sku.name").state === "unknown")
            return [];
        const sku = deploymentSku(resource).name;
        if (sku !== undefined && includesIgnoreCase(config.allowedSkus, sku)) return [];
        const model = describeModel(deploymentModel(resource));
        const given = sku === undefined ? "sets no sku.name" : `uses SKU "${sku}"`;
        const hint =
            sku !== undefined && !includesIgnoreCase(FOUNDRY_SKU_NAMES, sku)
                ? ` "${sku}" is not a deployment SKU (account SKUs such as S0 are refused for deployments).`
                : "";
        return [
            `${describe(resource)} (${model}) ${given}, which is not allowed. Allowed deployment SKUs: ${list(config.allowedSkus)}.${hint} ` +
                `Set sku.name to one of them, or add it to the foundry-deployment-skus config (allowedSkus).`,
        ];
    },
});
