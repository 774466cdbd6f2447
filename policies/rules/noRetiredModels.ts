/**
 * Rule 6a: no retired models. A retired offer's deployments return 404 (MS docs `model-lifecycle-retirement.md`),
 * so deploying or subscribing to one can only fail or serve nothing.
 */
import { describe } from "../lib/azure";
import { offerStage, replacementHint, sourceNote, today, TODAY_SCHEMA } from "../lib/lifecycle";
import { defineResourceRule } from "../lib/rule";

export interface NoRetiredModelsConfig {
    today?: string;
}

export const noRetiredModels = defineResourceRule<NoRetiredModelsConfig>({
    name: "no-retired-models",
    description:
        "No serverless endpoint, Marketplace subscription, managed deployment or Foundry model deployment uses a model the catalog lists as retired.",
    enforcementLevel: "mandatory",
    severity: "critical",
    configSchema: { properties: { today: { ...TODAY_SCHEMA } } },
    remediationSteps:
        "Deploy the model's replacement (named in the message when Microsoft names one) or another model.",
    check: (resource, config) => {
        const day = today(config.today);
        const s = offerStage(resource, day);
        if (!s || s.stage !== "retired") return [];
        return [
            `${describe(resource)} uses ${s.displayName} (${s.modelId}), whose ${s.offer} offer was retired on ${s.lifecycle.retired}: ` +
                `its deployments return 404 ${sourceNote(s.lifecycle)}. ${replacementHint(s, day)}.`,
        ];
    },
});
