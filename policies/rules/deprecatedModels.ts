/**
 * Rule 6b (advisory): a warning for models in their legacy or deprecated stage. Legacy: new deployments are not
 * recommended; deprecated: no new deployments (MS docs `model-lifecycle-retirement.md`). Retired models are
 * `no-retired-models`' business.
 */
import { describe } from "../lib/azure";
import { offerStage, replacementHint, sourceNote, today, TODAY_SCHEMA } from "../lib/lifecycle";
import { defineResourceRule, list } from "../lib/rule";

export type WarnStage = "legacy" | "deprecated";

export interface DeprecatedModelsConfig {
    today?: string;
    stages: WarnStage[];
}

const MEANING: Record<WarnStage, string> = {
    legacy: "new deployments are not recommended",
    deprecated: "Azure accepts no new deployments",
};

export const deprecatedModels = defineResourceRule<DeprecatedModelsConfig>({
    name: "deprecated-models",
    description:
        "Warns when a serverless endpoint, Marketplace subscription, managed deployment or Foundry model deployment uses a model in its legacy or deprecated stage.",
    enforcementLevel: "advisory",
    severity: "medium",
    configSchema: {
        properties: {
            today: { ...TODAY_SCHEMA },
            stages: {
                type: "array",
                items: { type: "string", enum: ["legacy", "deprecated"] },
                default: ["legacy", "deprecated"],
                description: "The lifecycle stages that are reported.",
            },
        },
    },
    remediationSteps:
        "Plan the move to the model's replacement (named in the message when Microsoft names one) before its retirement date.",
    check: (resource, config) => {
        const day = today(config.today);
        const s = offerStage(resource, day);
        if (!s || (s.stage !== "legacy" && s.stage !== "deprecated") || !config.stages.includes(s.stage)) return [];
        const retires = s.lifecycle.retired ? `; it retires on ${s.lifecycle.retired}` : "";
        return [
            `${describe(resource)} uses ${s.displayName} (${s.modelId}), whose ${s.offer} offer is ${s.stage} since ` +
                `${s.lifecycle[s.stage]} (${MEANING[s.stage]})${retires} ${sourceNote(s.lifecycle)}. ` +
                `${replacementHint(s, day)}; reported stages: ${list(config.stages)}.`,
        ];
    },
});
