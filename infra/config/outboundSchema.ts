/**
 * Outbound settings: the hub's managed network outbound rules (`workspace.managedNetwork.outboundRules`) and their
 * checks. A rule gives the fields of its `type` and no others; FQDN and ServiceTag rules need the isolation mode
 * `AllowOnlyApprovedOutbound` (the catalog's `MANAGED_NETWORK_RULES`, with its source).
 *
 * ```yaml
 * managedNetwork:
 *   isolationMode: AllowOnlyApprovedOutbound
 *   outboundRules:
 *     - { name: pypi, type: FQDN, fqdn: pypi.org }
 *     - { name: data, type: PrivateEndpoint, serviceResourceId: /subscriptions/.../storageAccounts/stdata, subresourceTarget: blob }
 *     - { name: adf, type: ServiceTag, serviceTag: DataFactory, protocol: TCP, portRanges: "443" }
 * ```
 */
import { z } from "zod";
import { choice } from "../catalog/choice";
import { OUTBOUND_RULE_ACTIONS, OUTBOUND_RULE_PROTOCOLS, OUTBOUND_RULE_TYPES } from "../catalog/vocabulary";
import { MANAGED_NETWORK_RULES } from "../catalog/encryption";
import { show } from "./issues";
import { arr, isObject, str, type Loose } from "./loose";

/** A host name, or a wildcard one (`*.pythonhosted.org`). */
export const FQDN = /^(\*\.)?([a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\.)+[a-zA-Z]{2,63}$/;
const FQDN_RULE = "a host name such as pypi.org or *.pythonhosted.org";
const ARM_ID = /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/[^/]+\/.+$/i;
const RULE_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_-]{0,62}$/;

export const outboundRuleSchema = z.strictObject({
    /** Rule name, unique in the workspace. */
    name: z.string().regex(RULE_NAME, "1-63 letters, digits, '_' and '-', starting with a letter or digit"),
    /** `FQDN`, `PrivateEndpoint` or `ServiceTag`. */
    type: choice(OUTBOUND_RULE_TYPES),
    /** FQDN: the host name. */
    fqdn: z.string().regex(FQDN, FQDN_RULE).optional(),
    /** PrivateEndpoint: ARM id of the resource. */
    serviceResourceId: z.string().regex(ARM_ID, "an ARM resource id").optional(),
    /** PrivateEndpoint: its sub-resource (`blob`, `vault`, `account`, ...). */
    subresourceTarget: z.string().min(1).optional(),
    /** PrivateEndpoint: also for Spark jobs. @default false */
    sparkEnabled: z.boolean().optional(),
    /** PrivateEndpoint: host names resolved through the endpoint. @default - none */
    fqdns: z.array(z.string().regex(FQDN, FQDN_RULE)).optional(),
    /** ServiceTag: the Azure service tag. */
    serviceTag: z.string().min(1).optional(),
    /** ServiceTag: the protocol. */
    protocol: choice(OUTBOUND_RULE_PROTOCOLS).optional(),
    /** ServiceTag: ports, `443`, `80, 8080` or `1024-2048`. */
    portRanges: z
        .string()
        .regex(
            /^(\*|\d{1,5}(-\d{1,5})?)(\s*,\s*\d{1,5}(-\d{1,5})?)*$/,
            "ports such as 443, 80, 8080 or 1024-2048, or *",
        )
        .optional(),
    /** ServiceTag: @default "Allow" */
    action: choice(OUTBOUND_RULE_ACTIONS).optional(),
});

export type OutboundRuleConfig = z.output<typeof outboundRuleSchema>;

/** The fields each rule type needs, and the ones it takes. */
const FIELDS: Record<string, { required: string[]; optional: string[] }> = {
    FQDN: { required: ["fqdn"], optional: [] },
    PrivateEndpoint: { required: ["serviceResourceId", "subresourceTarget"], optional: ["sparkEnabled", "fqdns"] },
    ServiceTag: { required: ["serviceTag", "protocol", "portRanges"], optional: ["action"] },
};
const ALL_FIELDS = [...new Set(Object.values(FIELDS).flatMap((f) => [...f.required, ...f.optional]))];

/** Checks the raw `workspace.managedNetwork` block: each rule's fields for its type, names, and the isolation mode. */
export function validateOutboundRules(ws: Loose, err: (path: PropertyKey[], message: string) => void): void {
    const network = isObject(ws.managedNetwork) ? ws.managedNetwork : undefined;
    const mode = str(network?.isolationMode) ?? "AllowOnlyApprovedOutbound";
    const rules = arr(network?.outboundRules);
    const base: PropertyKey[] = ["workspace", "managedNetwork", "outboundRules"];
    if (rules.length > 0 && mode === "Disabled")
        err(
            base,
            `has ${rules.length} rule(s), but isolationMode is "Disabled": a workspace without a managed network has no outbound rules; set isolationMode to AllowOnlyApprovedOutbound or AllowInternetOutbound, or remove them`,
        );
    const seen = new Map<string, number>();
    rules.forEach((rule, i) => {
        if (!isObject(rule)) return;
        const type = str(rule.type);
        const fields = type !== undefined ? FIELDS[type] : undefined;
        const name = str(rule.name);
        if (name !== undefined) {
            const prior = seen.get(name.toLowerCase());
            if (prior !== undefined)
                err(
                    [...base, i, "name"],
                    `${show(name)} is the name of outboundRules[${prior}] too: rule names are unique`,
                );
            else seen.set(name.toLowerCase(), i);
        }
        if (!fields) return;
        for (const f of fields.required)
            if (rule[f] === undefined) err([...base, i, f], `is required for a ${type} rule`);
        for (const f of ALL_FIELDS)
            if (rule[f] !== undefined && !fields.required.includes(f) && !fields.optional.includes(f))
                err(
                    [...base, i, f],
                    `${show(rule[f])} is not a field of a ${type} rule; it takes ${[...fields.required, ...fields.optional].join(", ")}`,
                );
        if (
            mode === "AllowInternetOutbound" &&
            (MANAGED_NETWORK_RULES.approvedOutboundOnly as readonly string[]).includes(type!)
        )
            err(
                [...base, i, "type"],
                `${show(type)} rules are valid only with isolationMode AllowOnlyApprovedOutbound (the mode is "AllowInternetOutbound", which allows every destination already); use a PrivateEndpoint rule, or change the mode`,
            );
    });
}
