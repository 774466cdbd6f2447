/**
 * The provider namespaces the pack governs and how to read what generic ARM resources and ARM templates create
 * under them (rules `no-opaque-ai-resources` and `known-governed-types`).
 */
import { isUnknown } from "./unknown";
/** The ARM provider namespaces the pack governs, with the azure-native modules that type them. */
export const GOVERNED_PROVIDERS: readonly { namespace: string; module: string }[] = [
    { namespace: "Microsoft.CognitiveServices", module: "cognitiveservices" },
    { namespace: "Microsoft.MachineLearningServices", module: "machinelearningservices" },
];

export const GENERIC_RESOURCE = "azure-native:resources:Resource";
export const TEMPLATE_DEPLOYMENT = "azure-native:resources:Deployment";

/** `azure-native:<module>[/v<version>]:<Type>` split into module and type name. */
const TOKEN = /^azure-native:([a-z0-9]+)(?:\/v[0-9a-z]+)?:([A-Za-z0-9]+)$/;

export function moduleOf(type: string): { module: string; name: string } | undefined {
    const m = TOKEN.exec(type);
    return m ? { module: m[1], name: m[2] } : undefined;
}

/** True when the token is `base` in azure-native's default module or in one of its API-version modules. */
export function isType(type: string, base: string): boolean {
    const m = moduleOf(type);
    return m !== undefined && `azure-native:${m.module}:${m.name}` === base;
}

/** The governed namespace an ARM type (`Microsoft.CognitiveServices/accounts`) belongs to, if any. */
export function governedNamespace(armType: string): string | undefined {
    const ns = armType.split("/")[0].toLowerCase();
    return GOVERNED_PROVIDERS.find((p) => p.namespace.toLowerCase() === ns)?.namespace;
}

/**
 * What a template creates under the governed providers: the ARM types, or `unreadable` with the reason when the
 * template (or a nested deployment's) cannot be read offline.
 */
export function templateFindings(template: unknown, at: string): { governed: string[]; unreadable: string[] } {
    const out = { governed: [] as string[], unreadable: [] as string[] };
    if (isUnknown(template)) {
        out.unreadable.push(`${at} is unknown during the preview`);
        return out;
    }
    if (template === null || typeof template !== "object") return out;
    const resources = (template as Record<string, unknown>).resources;
    if (isUnknown(resources)) {
        out.unreadable.push(`${at}.resources is unknown during the preview`);
        return out;
    }
    // Template language 2.0 allows `resources` as an object of symbolic names.
    const entries: [string, unknown][] = Array.isArray(resources)
        ? resources.map((r, i) => [`${at}.resources[${i}]`, r])
        : resources && typeof resources === "object"
          ? Object.entries(resources).map(([k, r]) => [`${at}.resources.${k}`, r])
          : [];
    for (const [path, r] of entries) {
        if (r === null || typeof r !== "object") continue;
        const res = r as Record<string, unknown>;
        if (typeof res.type !== "string") {
            out.unreadable.push(`${path}.type is not a known string`);
            continue;
        }
        if (governedNamespace(res.type)) out.governed.push(res.type);
        // A nested template deployment creates what its own template does.
        if (res.type.toLowerCase() === "microsoft.resources/deployments") {
            const props = (res.properties ?? {}) as Record<string, unknown>;
            if (props.templateLink !== undefined) out.unreadable.push(`${path}.properties.templateLink is set`);
            const inner = templateFindings(props.template, `${path}.properties.template`);
            out.governed.push(...inner.governed);
            out.unreadable.push(...inner.unreadable);
        }
    }
    return out;
}
