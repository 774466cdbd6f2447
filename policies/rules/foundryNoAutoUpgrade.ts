/**
 * Rule (Foundry, advisory): in a stack marked as production, every model deployment sets
 * `properties.versionUpgradeOption: NoAutoUpgrade`. Left unset, Azure applies `OnceNewDefaultVersionAvailable` and
 * moves the deployment to a new model version on its own schedule, so a production client meets a new version without
 * a change in code or review. With NoAutoUpgrade the version changes only when the stack changes it (and Azure still
 * retires it on the schedule's date: the lifecycle watch warns ahead of that).
 */
import { describe } from "../lib/azure";
import { deploymentModel, describeModel, isFoundryDeployment } from "../lib/foundry";
import { defineResourceRule, matchesAnyGlob, productionRuleConfig } from "../lib/rule";
import { read } from "../lib/unknown";

export interface FoundryNoAutoUpgradeConfig {
    production: boolean;
    exemptDeployments: string[];
}

const PATH = "properties.versionUpgradeOption";
const PINNED = "NoAutoUpgrade";

export const foundryNoAutoUpgrade = defineResourceRule<FoundryNoAutoUpgradeConfig>({
    name: "foundry-no-auto-upgrade",
    description: `In a stack marked as production, Foundry deployments set ${PATH} to ${PINNED}, so a model version changes only when the stack changes it.`,
    enforcementLevel: "advisory",
    severity: "medium",
    configSchema: productionRuleConfig(),
    remediationSteps: `Set ${PATH} to ${PINNED} on the deployment (versionUpgradeOption: ${PINNED} in the stack config), and change its version in the stack when you move to a new one.`,
    check: (resource, config) => {
        if (!config.production || !isFoundryDeployment(resource)) return [];
        if (matchesAnyGlob(resource.name, config.exemptDeployments)) return [];
        const value = read(resource.props, PATH);
        if (value.state === "unknown" || (value.state === "known" && value.value === PINNED)) return [];
        const given =
            value.state === "absent"
                ? `leaves ${PATH} unset (Azure's default: OnceNewDefaultVersionAvailable)`
                : `sets ${PATH} to ${JSON.stringify(value.value)}`;
        return [
            `${describe(resource)} (${describeModel(deploymentModel(resource))}) ${given} in a stack marked as production, so Azure may move it to a new model version on its own. ` +
                `Set ${PATH} to "${PINNED}", or exempt the deployment in the foundry-no-auto-upgrade config (exemptDeployments).`,
        ];
    },
});
