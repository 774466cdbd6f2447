/**
 * Azure's name rules, in one table, each with its source (the resource-type registry, `resourceTypes/`, says which
 * type's input follows which rule), and the functions
 * that derive each Azure name from a base name (the name in the stack config) plus a 6-character random suffix.
 * Config validation checks every derived name against the rule of the resource that gets it, the components check
 * their base names, and the offline plan checks every planned name: all of them read this table.
 */
import type { Source } from "./types";

/** Where a name must be unique. `parent`: within the resource it belongs to (a workspace, an endpoint, a scope). */
export type NameScope = "global" | "region" | "subscription" | "resource group" | "parent";

export interface NameRule {
    /** What the resource is called in messages. */
    resource: string;
    min: number;
    max: number;
    /** The whole rule (characters, first and last character, length) as one pattern. */
    pattern: RegExp;
    /** The characters and shape, in words, for messages. */
    characters: string;
    scope: NameScope;
    source: Source;
}

const NAME_SOURCES = {
    mlSpec: {
        document:
            "Azure/azure-rest-api-specs Microsoft.MachineLearningServices stable/2025-12-01 openapi.json, path parameter workspaceName (extract in test/restspec/spec)",
        date: "2026-12-01",
    },
    serverlessSpec: {
        document:
            "Azure/azure-rest-api-specs Microsoft.MachineLearningServices serverlessEndpoints: resource name pattern ^[a-zA-Z][a-zA-Z0-9-]{0,51}$ (as generated into Azure/bicep-types-az)",
        date: "2026-12-01",
    },
    mlEndpointDocs: {
        document:
            "MS docs Azure Machine Learning online endpoints: endpoint and deployment names start with a letter, 3-32 letters, digits and dashes; endpoint names are unique in the region (Azure/azure-rest-api-specs Microsoft.MachineLearningServices 2025-12-01, endpointName and deploymentName path parameters)",
        date: "2026-11-21",
    },
    marketplaceSpec: {
        document:
            "Azure/azure-rest-api-specs Microsoft.MachineLearningServices marketplaceSubscriptions: name pattern ^[a-zA-Z0-9][a-zA-Z0-9\\-_]{0,254}$",
        date: "2026-11-21",
    },
    cognitiveSpec: {
        document:
            "Azure/azure-rest-api-specs Microsoft.CognitiveServices stable/2025-06-01 cognitiveservices.json, accountName 2-64 ^[a-zA-Z0-9][a-zA-Z0-9_.-]*$ (extract in test/restspec/spec), narrowed by MS docs resource-name-rules.md (alphanumerics and hyphens, start and end with alphanumeric)",
        date: "2026-12-01",
    },
    cognitiveChildSpec: {
        document:
            "Azure/azure-rest-api-specs Microsoft.CognitiveServices stable/2025-06-01 cognitiveservices.json (extract in test/restspec/spec): projectNameParameter 2-64 ^[a-zA-Z0-9][a-zA-Z0-9_.-]*$; raiPolicyNameParameter ^[a-zA-Z0-9][a-zA-Z0-9_.-]*$ with no length; deploymentNameParameter with no pattern. The package holds content filters and deployments to the project rule (assumed, stricter than the spec)",
        date: "2026-12-06",
    },
    commonSpec: {
        document:
            "Azure/azure-rest-api-specs common-types resource-management v3 types.json, ResourceGroupNameParameter 1-90 ^[-\\w\\._\\(\\)]+$, and MS docs resource-name-rules.md (cannot end in a period)",
        date: "2026-12-01",
    },
    nameRulesDoc: {
        document: "MS docs azure-resource-manager/management/resource-name-rules.md (Naming rules and restrictions)",
        date: "2026-12-01",
    },
} as const satisfies Record<string, Source>;

/** Letters, digits and single dashes, starting with a letter and ending with a letter or digit, `min`-`max` long. */
function singleDashes(min: number, max: number): RegExp {
    return new RegExp(`^[a-zA-Z](?:[a-zA-Z0-9]|-(?=[a-zA-Z0-9])){${min - 1},${max - 1}}$`);
}

export const NAME_RULES = {
    resourceGroup: {
        resource: "resource group",
        min: 1,
        max: 90,
        pattern: /^[-\w.()]{0,89}[-\w()]$/,
        characters: "letters, digits, '_', '-', '.', '(', ')', not ending in '.'",
        scope: "subscription",
        source: NAME_SOURCES.commonSpec,
    },
    storageAccount: {
        resource: "storage account",
        min: 3,
        max: 24,
        pattern: /^[a-z0-9]{3,24}$/,
        characters: "lowercase letters and digits",
        scope: "global",
        source: NAME_SOURCES.nameRulesDoc,
    },
    keyVault: {
        resource: "key vault",
        min: 3,
        max: 24,
        pattern: singleDashes(3, 24),
        characters: "letters, digits and single dashes, starting with a letter, ending with a letter or digit",
        scope: "global",
        source: NAME_SOURCES.nameRulesDoc,
    },
    logAnalytics: {
        resource: "Log Analytics workspace",
        min: 4,
        max: 63,
        pattern: /^[a-zA-Z0-9][a-zA-Z0-9-]{2,61}[a-zA-Z0-9]$/,
        characters: "letters, digits and '-', starting and ending with a letter or digit",
        scope: "resource group",
        source: NAME_SOURCES.nameRulesDoc,
    },
    appInsights: {
        resource: "Application Insights component",
        min: 1,
        max: 260,
        pattern: /^[^%&\\?/\u0000-\u001f]{0,259}[^%&\\?/\u0000-\u001f. ]$/,
        characters: "any characters but % & \\ ? / and control characters, not ending in a space or '.'",
        scope: "resource group",
        source: NAME_SOURCES.nameRulesDoc,
    },
    containerRegistry: {
        resource: "container registry",
        min: 5,
        max: 50,
        pattern: /^[a-zA-Z0-9]{5,50}$/,
        characters: "letters and digits",
        scope: "global",
        source: NAME_SOURCES.nameRulesDoc,
    },
    mlWorkspace: {
        resource: "Machine Learning workspace",
        min: 3,
        max: 33,
        pattern: /^[a-zA-Z0-9][a-zA-Z0-9_-]{2,32}$/,
        characters: "letters, digits, '_' and '-', starting with a letter or digit",
        scope: "resource group",
        source: NAME_SOURCES.mlSpec,
    },
    serverlessEndpoint: {
        resource: "serverless endpoint",
        min: 1,
        max: 52,
        pattern: /^[a-zA-Z][a-zA-Z0-9-]{0,51}$/,
        characters: "letters, digits and '-', starting with a letter",
        scope: "region",
        source: NAME_SOURCES.serverlessSpec,
    },
    onlineEndpoint: {
        resource: "online endpoint",
        min: 3,
        max: 32,
        pattern: singleDashes(3, 32),
        characters: "letters, digits and single dashes, starting with a letter",
        scope: "region",
        source: NAME_SOURCES.mlEndpointDocs,
    },
    onlineDeployment: {
        resource: "online deployment",
        min: 3,
        max: 32,
        pattern: singleDashes(3, 32),
        characters: "letters, digits and single dashes, starting with a letter",
        scope: "parent",
        source: NAME_SOURCES.mlEndpointDocs,
    },
    marketplaceSubscription: {
        resource: "Marketplace subscription",
        min: 1,
        max: 255,
        pattern: /^[a-zA-Z0-9][a-zA-Z0-9_-]{0,254}$/,
        characters: "letters, digits, '_' and '-', starting with a letter or digit",
        scope: "parent",
        source: NAME_SOURCES.marketplaceSpec,
    },
    cognitiveServicesAccount: {
        resource: "Cognitive Services account",
        min: 2,
        max: 64,
        pattern: /^[a-zA-Z0-9][a-zA-Z0-9-]{0,62}[a-zA-Z0-9]$/,
        characters: "letters, digits and '-', starting and ending with a letter or digit",
        scope: "resource group",
        source: NAME_SOURCES.cognitiveSpec,
    },
    foundryProject: {
        resource: "Foundry project",
        min: 2,
        max: 64,
        pattern: /^[a-zA-Z0-9][a-zA-Z0-9_.-]{1,63}$/,
        characters: "letters, digits, '_', '.' and '-', starting with a letter or digit",
        scope: "parent",
        source: NAME_SOURCES.cognitiveChildSpec,
    },
    foundryDeployment: {
        resource: "Foundry deployment",
        min: 2,
        max: 64,
        pattern: /^[a-zA-Z0-9][a-zA-Z0-9_.-]{1,63}$/,
        characters: "letters, digits, '_', '.' and '-', starting with a letter or digit",
        scope: "parent",
        source: NAME_SOURCES.cognitiveChildSpec,
    },
    contentFilter: {
        resource: "content filter",
        min: 2,
        max: 64,
        pattern: /^[a-zA-Z0-9][a-zA-Z0-9_.-]{1,63}$/,
        characters: "letters, digits, '_', '.' and '-', starting with a letter or digit",
        scope: "parent",
        source: NAME_SOURCES.cognitiveChildSpec,
    },
    customSubdomain: {
        resource: "Cognitive Services custom subdomain",
        min: 2,
        max: 64,
        pattern: /^[a-zA-Z0-9][a-zA-Z0-9-]{0,62}[a-zA-Z0-9]$/,
        characters: "letters, digits and '-', starting and ending with a letter or digit",
        scope: "global",
        source: NAME_SOURCES.cognitiveSpec,
    },
    roleAssignment: {
        resource: "role assignment",
        min: 36,
        max: 36,
        pattern: /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/,
        characters: "a GUID",
        scope: "parent",
        source: NAME_SOURCES.nameRulesDoc,
    },
} as const satisfies Record<string, NameRule>;

export type NameRuleKey = keyof typeof NAME_RULES;

/** The rule in words: `3-33 characters: letters, ... (unique in the resource group)`. */
export function describeRule(rule: NameRule): string {
    const length = rule.min === rule.max ? `${rule.max} characters` : `${rule.min}-${rule.max} characters`;
    const scope =
        rule.scope === "parent" ? "its parent" : rule.scope === "global" ? "all of Azure" : `the ${rule.scope}`;
    return `${length}: ${rule.characters} (unique in ${scope})`;
}

/** Why a name breaks its rule, or undefined when it follows it. */
export function nameProblem(rule: NameRule, name: string): string | undefined {
    if (rule.pattern.test(name)) return undefined;
    const length = name.length < rule.min || name.length > rule.max ? ` has ${name.length} characters and` : "";
    return `the ${rule.resource} name ${JSON.stringify(name)}${length} breaks Azure's rule: ${describeRule(rule)}`;
}

// ---- derived names -------------------------------------------------------------------------------------------

/** Length of the random suffix the components append (`-` plus these characters). */
export const SUFFIX_LENGTH = 6;
/** The suffix shown in messages about names that do not exist yet (a valid suffix: lowercase letters). */
export const SAMPLE_SUFFIX = "x".repeat(SUFFIX_LENGTH);

/** Letters and digits only, lower-cased (storage accounts, container registries). */
export function alphanumeric(value: string): string {
    return value.toLowerCase().replace(/[^a-z0-9]/g, "");
}

/** `<base>-<suffix>`: workspaces, projects, serverless and online endpoints. */
export function suffixedName(base: string, suffix: string): string {
    return `${base}-${suffix}`;
}

/** A Foundry account: `<base>-<suffix>` in lower case, which is also its custom subdomain (a DNS label). */
export function foundryAccountName(base: string, suffix: string): string {
    return suffixedName(base, suffix).toLowerCase();
}

/** The resource group a workspace or Foundry resource creates when none is named. */
export function defaultResourceGroupName(base: string): string {
    return `rg-${base}`;
}

/** Storage account: `st` + up to 16 letters and digits of the base + suffix. */
export function storageAccountName(base: string, suffix: string): string {
    return `st${alphanumeric(base).slice(0, 16)}${suffix}`;
}

/** Key vault: `kv-` + up to 14 characters of the base (single dashes) + `-` + suffix. */
export function keyVaultName(base: string, suffix: string): string {
    const clean = base
        .replace(/[^a-zA-Z0-9-]/g, "-")
        .replace(/-+/g, "-")
        .replace(/^-|-$/g, "")
        .slice(0, 14)
        .replace(/-$/, "");
    return `kv-${clean}-${suffix}`.toLowerCase();
}

export function logAnalyticsName(base: string): string {
    return `log-${base}`;
}

export function appInsightsName(base: string): string {
    return `appi-${base}`;
}

/** Container registry: `cr` + up to 40 letters and digits of the base + suffix. */
export function containerRegistryName(base: string, suffix: string): string {
    return `cr${alphanumeric(base).slice(0, 40)}${suffix}`;
}

/** Content Safety account of an online endpoint (also its custom subdomain). */
export function contentSafetyAccountName(base: string, suffix: string): string {
    return `cs-${alphanumeric(base).slice(0, 40)}-${suffix}`;
}

/**
 * Marketplace subscription names, derived from the model id's last segment without dots, e.g.
 * `AI21-Jamba-1.5-Large` becomes `AI21-Jamba-1-5-Large`.
 */
export function marketplaceSubscriptionName(modelId: string): string {
    const last = modelId.split("/").filter(Boolean).pop() ?? "model";
    const clean = last.replace(/[^a-zA-Z0-9_-]/g, "-").replace(/^[^a-zA-Z0-9]+/, "");
    return (clean || "model").slice(0, 255);
}

/** One Azure name derived from a base name. */
export interface DerivedName {
    rule: NameRuleKey;
    derive: (base: string, suffix: string) => string;
}

/** The names each kind of base name in the config gives to Azure resources. */
export const DERIVED_NAMES = {
    /** A hub or classic workspace: the workspace and the resources it depends on. */
    workspace: [
        { rule: "mlWorkspace", derive: suffixedName },
        { rule: "storageAccount", derive: storageAccountName },
        { rule: "keyVault", derive: keyVaultName },
        { rule: "logAnalytics", derive: logAnalyticsName },
        { rule: "appInsights", derive: appInsightsName },
        { rule: "containerRegistry", derive: containerRegistryName },
    ],
    /** A workspace's default resource group (when the config names none). */
    workspaceResourceGroup: [{ rule: "resourceGroup", derive: defaultResourceGroupName }],
    project: [{ rule: "mlWorkspace", derive: suffixedName }],
    serverlessEndpoint: [{ rule: "serverlessEndpoint", derive: suffixedName }],
    onlineEndpoint: [{ rule: "onlineEndpoint", derive: suffixedName }],
    /** An online endpoint's Content Safety account (with `contentSafety: true`). */
    onlineEndpointContentSafety: [
        { rule: "cognitiveServicesAccount", derive: contentSafetyAccountName },
        { rule: "customSubdomain", derive: contentSafetyAccountName },
    ],
    onlineDeployment: [{ rule: "onlineDeployment", derive: (base: string) => base }],
    /** A Foundry resource: the account (its name is also its custom subdomain) and its Log Analytics workspace. */
    foundryAccount: [
        { rule: "cognitiveServicesAccount", derive: foundryAccountName },
        { rule: "customSubdomain", derive: foundryAccountName },
        { rule: "logAnalytics", derive: logAnalyticsName },
    ],
} as const satisfies Record<string, readonly DerivedName[]>;

export type BaseNameKind = keyof typeof DERIVED_NAMES;

/**
 * The longest base name of this kind whose derived names all fit their length limits (the characters aside),
 * for messages: e.g. 26 for a workspace (26 + `-` + 6 = 33).
 */
export function maxBaseLength(kind: BaseNameKind): number {
    let n = 0;
    while (n < 300 && fitsLength(kind, "a".repeat(n + 1))) n++;
    return n;
}

function fitsLength(kind: BaseNameKind, base: string): boolean {
    return DERIVED_NAMES[kind].every((d) => d.derive(base, SAMPLE_SUFFIX).length <= NAME_RULES[d.rule].max);
}

/**
 * One message for every name a base name gives that Azure would refuse, or undefined when they all follow their
 * rules: what config validation and the components report.
 */
export function baseNameProblem(base: string, ...kinds: BaseNameKind[]): string | undefined {
    const problems = kinds.flatMap((k) => derivedNameProblems(k, base));
    if (problems.length === 0) return undefined;
    return `gives names Azure refuses (${SAMPLE_SUFFIX} stands for the 6-character random suffix): ${[...new Set(problems)].join("; ")}`;
}

/**
 * Every problem of the names a base name gives, one message each (empty when all follow their rules), checked with
 * {@link SAMPLE_SUFFIX}: the real suffix has the same length and characters.
 */
export function derivedNameProblems(kind: BaseNameKind, base: string): string[] {
    const problems: string[] = [];
    for (const d of DERIVED_NAMES[kind]) {
        const problem = nameProblem(NAME_RULES[d.rule], d.derive(base, SAMPLE_SUFFIX));
        if (problem) problems.push(problem);
    }
    const max = maxBaseLength(kind);
    if (problems.length > 0 && base.length > max) problems.push(`this name may have at most ${max} characters`);
    return problems;
}
