/**
 * What a stack's own config tells the policy pack: the models its `customModels` add are approved (the stack's
 * authors vouch for them, with a source), so are the models outside the catalog its Foundry deployments name by
 * format, model and version (`<format>/<model>` in allowedFoundryModels), and the Marketplace subscriptions its deployments mark `existing` are
 * managed outside the stack. Without this, two things README documents as supported fail the default pack's
 * mandatory rules (approved-models, serverless-endpoint-has-subscription). The plan merges this config into the one
 * it is given; under `pulumi preview` the same entries go into the `--policy-pack-config` file (docs/fidelity.md).
 */
import { namespaceValues, validateStackConfig } from "../../infra/config";
import { entryLevel, entryProperties, type PolicyConfigEntry, type PolicyPackConfig } from "../../policies/lib/config";

/** Policy config derived from the flat stack config (`namespace:key` to value); empty when there is nothing to add. */
export function stackPolicyConfig(flatConfig: Record<string, string>, today: Date): PolicyPackConfig {
    const result = validateStackConfig(namespaceValues(flatConfig), { today });
    if (!result.config) return {}; // invalid config stops the program before the pack runs
    const approved = [...new Set(result.config.customModels.map((c) => c.modelId))];
    const external = [
        ...new Set(
            result.config.deployments
                .filter((d) => d.marketplaceSubscription === "existing")
                .map((d) => d.catalogModel.serverless!.modelId),
        ),
    ];
    const foundryModels = [
        ...new Set(
            (result.config.foundry?.deployments ?? [])
                .filter((d) => d.offer === undefined)
                .map((d) => `${d.checked.format}/${d.checked.name}`),
        ),
    ];
    const out: PolicyPackConfig = {};
    if (approved.length || foundryModels.length)
        out["approved-models"] = {
            ...(approved.length ? { allowedModelIds: approved } : {}),
            ...(foundryModels.length ? { allowedFoundryModels: foundryModels } : {}),
        };
    if (external.length) out["serverless-endpoint-has-subscription"] = { externalSubscriptionModels: external };
    return out;
}

/** The given config with the stack's entries added: list values are joined, the given levels and settings kept. */
export function mergePolicyConfig(given: PolicyPackConfig, fromStack: PolicyPackConfig): PolicyPackConfig {
    const out: PolicyPackConfig = { ...given };
    for (const [rule, entry] of Object.entries(fromStack)) {
        const mine = entryProperties(given[rule]);
        const level = entryLevel(given[rule]);
        const merged: Record<string, unknown> = { ...mine };
        for (const [key, value] of Object.entries(entryProperties(entry))) {
            const prior = mine[key];
            merged[key] =
                Array.isArray(prior) && Array.isArray(value) ? [...new Set([...prior, ...value])] : (prior ?? value);
        }
        out[rule] = { ...(level ? { enforcementLevel: level } : {}), ...merged } as PolicyConfigEntry;
    }
    return out;
}
