/**
 * Mandatory: every resource of azure-native's `cognitiveservices` or `machinelearningservices` module (also through
 * an API-version module) is a type with a record in the resource-type registry (`infra/catalog/resourceTypes`). No
 * rule knows the inputs of any other type, so nothing it sets is judged (a `BatchDeployment` deploys a model no
 * approved-models check sees). Types a team has reviewed are listed in the config.
 */
import { resourceTypeOf } from "../lib/catalog";
import { GOVERNED_PROVIDERS, moduleOf } from "../lib/governed";
import { defineResourceRule, list, matchesAnyGlob, stringList } from "../lib/rule";

export interface KnownGovernedTypesConfig {
    allowedTypes: string[];
}

export const knownGovernedTypes = defineResourceRule<KnownGovernedTypesConfig>({
    name: "known-governed-types",
    description: `Every resource of azure-native's ${list(GOVERNED_PROVIDERS.map((p) => p.module))} modules is a type the pack knows (the resource-type registry); an unknown type is judged by no rule.`,
    enforcementLevel: "mandatory",
    severity: "high",
    configSchema: {
        properties: {
            allowedTypes: stringList(
                "Type tokens allowed although the pack does not know them (globs, `*` for any characters, case-insensitive), e.g. `azure-native:machinelearningservices:Datastore`; nothing they set is judged.",
                [],
            ),
        },
    },
    remediationSteps:
        "Use a resource type the pack knows, or list the type in the known-governed-types config (allowedTypes) once your team has reviewed what it can deploy.",
    check: (resource, config) => {
        const m = moduleOf(resource.type);
        if (!m || !GOVERNED_PROVIDERS.some((p) => p.module === m.module)) return [];
        if (resourceTypeOf(resource.type)) return [];
        if (matchesAnyGlob(resource.type, config.allowedTypes)) return [];
        return [
            `${resource.type} "${resource.name}" is a ${m.module} resource type the policy pack does not know, so no rule judges what it deploys (models, region, keys, network access). ` +
                "Use a type the pack knows, or list it in the known-governed-types config (allowedTypes).",
        ];
    },
});
