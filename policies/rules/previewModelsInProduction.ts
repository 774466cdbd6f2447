/**
 * Rule (Foundry, advisory): a stack the policy config marks as production deploys no model the catalog records as
 * Preview. Microsoft's model tables mark such models "Preview" (Mistral-Large-3 on the page of 2026-10-05): previews
 * come without the support commitments of a generally available model, and may change or retire at short notice.
 * Outside production (`production: false`, the default) nothing is judged; a model outside the catalog has no stage
 * the rule could judge (the plan warns that its lifecycle is unchecked).
 */
import { describe } from "../lib/azure";
import { findFoundryModel } from "../lib/catalog";
import { deploymentModel, describeModel, isFoundryDeployment } from "../lib/foundry";
import { defineResourceRule, matchesAnyGlob, productionRuleConfig } from "../lib/rule";

export interface PreviewModelsInProductionConfig {
    production: boolean;
    exemptDeployments: string[];
}

export const previewModelsInProduction = defineResourceRule<PreviewModelsInProductionConfig>({
    name: "preview-models-in-production",
    description:
        "In a stack marked as production, Foundry deployments use no model the catalog records as Preview (previews carry no production support commitment).",
    enforcementLevel: "advisory",
    severity: "medium",
    configSchema: productionRuleConfig(),
    remediationSteps:
        "Deploy a generally available model in production, or list the deployment in the preview-models-in-production config (exemptDeployments) once the team accepts the preview's terms.",
    check: (resource, config) => {
        if (!config.production || !isFoundryDeployment(resource)) return [];
        if (matchesAnyGlob(resource.name, config.exemptDeployments)) return [];
        const model = deploymentModel(resource);
        const offer = findFoundryModel(model);
        if (!offer || offer.stage.stage !== "preview") return [];
        const source = offer.stage.source;
        return [
            `${describe(resource)} deploys ${describeModel(model)}, which is in preview (${source.document}, ${source.date}), in a stack marked as production. ` +
                `Deploy a generally available model, or exempt the deployment in the preview-models-in-production config (exemptDeployments).`,
        ];
    },
});
