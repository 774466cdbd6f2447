/**
 * Rule 12 (Foundry): every model deployment names its content filter (`properties.raiPolicyName`). Left unset,
 * Azure applies its default filter silently (`DEFAULT_RAI_POLICY` in the catalog), so what filters a deployment is
 * not visible in code or review. A deployment naming a custom filter (RaiPolicy) this stack creates on the same
 * account must also depend on it: the name alone creates no dependency, and Azure refuses a deployment whose
 * filter does not exist yet.
 */
import { describe } from "../lib/azure";
import { DEFAULT_RAI_POLICY } from "../lib/catalog";
import { deploymentModel, describeModel, foundryIndex } from "../lib/foundry";
import { defineStackRule, list, matchesAnyGlob, stringList, type Finding } from "../lib/rule";
import { read } from "../lib/unknown";
import type { ResourceView } from "../lib/view";

export interface FoundryContentFilterConfig {
    allowedRaiPolicies: string[];
    exemptDeployments: string[];
}

const PATH = "properties.raiPolicyName";

function dependsOn(resource: ResourceView, target: ResourceView): boolean {
    return (
        resource.dependencies.includes(target.urn) ||
        Object.values(resource.propertyDependencies).some((urns) => urns.includes(target.urn))
    );
}

export const foundryContentFilter = defineStackRule<FoundryContentFilterConfig>({
    name: "foundry-content-filter",
    description:
        "Every Foundry model deployment names its content filter (properties.raiPolicyName), an allowed one, and depends on it when the stack creates it.",
    enforcementLevel: "mandatory",
    severity: "high",
    configSchema: {
        properties: {
            allowedRaiPolicies: stringList(
                `Content filter names a deployment may use (globs, \`*\` for any characters, case-insensitive), e.g. \`["${DEFAULT_RAI_POLICY.name}", "strict-*"]\`.`,
                ["*"],
            ),
            exemptDeployments: stringList(
                "Pulumi resource names of deployments not judged (globs, `*` for any characters, case-insensitive).",
                [],
            ),
        },
    },
    remediationSteps: `Set properties.raiPolicyName on the deployment to an allowed content filter (${DEFAULT_RAI_POLICY.name} or a cognitiveservices.RaiPolicy of the same account), and put that RaiPolicy in the deployment's dependsOn.`,
    check: (stack, config) => {
        const index = foundryIndex(stack.resources);
        const findings: Finding[] = [];
        for (const d of index.deployments) {
            if (matchesAnyGlob(d.name, config.exemptDeployments)) continue;
            const name = read(d.props, PATH);
            if (name.state === "unknown") continue;
            const what = `${describe(d)} (${describeModel(deploymentModel(d))})`;
            if (name.state === "absent" || typeof name.value !== "string" || name.value === "") {
                findings.push({
                    urn: d.urn,
                    message:
                        `${what} sets no ${PATH}, so Azure applies its default content filter without the stack saying so. ` +
                        `Set ${PATH} to "${DEFAULT_RAI_POLICY.name}" or to a cognitiveservices.RaiPolicy of the same account.`,
                });
                continue;
            }
            const policyName = name.value;
            if (!matchesAnyGlob(policyName, config.allowedRaiPolicies)) {
                findings.push({
                    urn: d.urn,
                    message:
                        `${what} uses the content filter "${policyName}", which is not allowed (allowed: ${list(config.allowedRaiPolicies)}). ` +
                        `Set ${PATH} to an allowed filter, or add it to the foundry-content-filter config (allowedRaiPolicies).`,
                });
                continue;
            }
            const account = index.accountOf(d);
            const policy = account ? index.raiPolicy(account, policyName) : undefined;
            if (policy && !dependsOn(d, policy)) {
                findings.push({
                    urn: d.urn,
                    message:
                        `${what} uses the content filter "${policyName}" of ${describe(policy)} but does not depend on it: ` +
                        `the name alone creates no dependency, so Pulumi may create the deployment first and Azure refuses it. ` +
                        `Add the RaiPolicy to the deployment's dependsOn.`,
                });
            }
        }
        return findings;
    },
});
