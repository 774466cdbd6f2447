/**
 * Mandatory: a generic ARM resource (`resources.Resource`) or an ARM template deployment (`resources.Deployment`)
 * creates no resource of a governed provider (Microsoft.CognitiveServices, Microsoft.MachineLearningServices). The
 * pack's rules read typed inputs (`properties.disableLocalAuth`, `location`, `properties.model`); inside a generic
 * resource or a template they are opaque, so an unapproved model, keys on or a disallowed region would pass. A
 * template the rule cannot read (a `templateLink`, a template or provider namespace unknown during the preview) is
 * refused too: it may create anything. Exceptions are listed by name in the config.
 */
import {
    GENERIC_RESOURCE,
    GOVERNED_PROVIDERS,
    TEMPLATE_DEPLOYMENT,
    governedNamespace,
    isType,
    templateFindings,
} from "../lib/governed";
import { defineResourceRule, list, matchesAnyGlob, stringList } from "../lib/rule";
import { read } from "../lib/unknown";
import type { ResourceView } from "../lib/view";

export interface NoOpaqueAiResourcesConfig {
    allowedResources: string[];
}

const GOVERNED_LIST = list(GOVERNED_PROVIDERS.map((p) => p.namespace));

export const noOpaqueAiResources = defineResourceRule<NoOpaqueAiResourcesConfig>({
    name: "no-opaque-ai-resources",
    description: `Generic ARM resources (resources.Resource) and ARM template deployments (resources.Deployment) create no ${GOVERNED_LIST} resource: the pack cannot judge what they set.`,
    enforcementLevel: "mandatory",
    severity: "high",
    configSchema: {
        properties: {
            allowedResources: stringList(
                "Pulumi resource names of generic resources or template deployments allowed to create AI resources (globs, `*` for any characters, case-insensitive); the pack does not judge what they create.",
                [],
            ),
        },
    },
    remediationSteps:
        "Create AI resources with their typed azure-native resources (cognitiveservices.Account, cognitiveservices.Deployment, machinelearningservices.*) or this package's components, so the pack can judge them; or list the resource in the no-opaque-ai-resources config (allowedResources).",
    check: (resource, config) => {
        const generic = isType(resource.type, GENERIC_RESOURCE);
        const template = isType(resource.type, TEMPLATE_DEPLOYMENT);
        if (!generic && !template) return [];
        if (matchesAnyGlob(resource.name, config.allowedResources)) return [];
        const what = generic
            ? `Generic ARM resource (resources.Resource) "${resource.name}"`
            : `ARM template deployment (resources.Deployment) "${resource.name}"`;
        const fix =
            "Use the typed azure-native resource (or this package's components) so the pack can judge it, or list it in the no-opaque-ai-resources config (allowedResources).";
        if (generic) return genericFindings(resource, what, fix);
        const props = read(resource.props, "properties");
        if (props.state === "unknown")
            return [`${what}: properties is unknown during the preview, so what it creates cannot be judged. ${fix}`];
        const p = (props.state === "known" ? props.value : {}) as Record<string, unknown>;
        const unreadable: string[] = [];
        if (p.templateLink !== undefined)
            unreadable.push("properties.templateLink is set (the template is not in the program)");
        const found = templateFindings(p.template, "properties.template");
        unreadable.push(...found.unreadable);
        const messages: string[] = [];
        if (found.governed.length)
            messages.push(
                `${what} creates ${list([...new Set(found.governed)])} through an ARM template, which the pack cannot judge (region, local auth, network access, models). ${fix}`,
            );
        if (unreadable.length)
            messages.push(
                `${what} cannot be judged offline: ${list(unreadable)}, so it may create ${GOVERNED_LIST} resources the pack never sees. Put the template inline, or ${fix.charAt(0).toLowerCase()}${fix.slice(1)}`,
            );
        return messages;
    },
});

function genericFindings(resource: ResourceView, what: string, fix: string): string[] {
    const ns = read(resource.props, "resourceProviderNamespace");
    if (ns.state === "unknown")
        return [
            `${what}: resourceProviderNamespace is unknown during the preview, so it may be a ${GOVERNED_LIST} resource the pack cannot judge. ${fix}`,
        ];
    if (ns.state !== "known" || typeof ns.value !== "string") return [];
    const governed = governedNamespace(ns.value);
    if (!governed) return [];
    const type = read(resource.props, "resourceType");
    const armType = `${ns.value}/${type.state === "known" ? String(type.value) : "<unknown>"}`;
    return [
        `${what} creates ${armType}, which the pack cannot judge through a generic resource (region, local auth, network access, models). ${fix}`,
    ];
}
