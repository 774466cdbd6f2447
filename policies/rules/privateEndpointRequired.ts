/**
 * Rule (network, mandatory, stack): a Foundry account or a hub / workspace that is closed to the public has a way
 * in: a private endpoint (`network.PrivateEndpoint`) of the same stack whose connection targets it, by the target's
 * id (`privateLinkServiceConnections[].privateLinkServiceId`, or the manual list) or because the id came from it
 * (`privateLinkServiceId: account.id`: the input depends on the account's URN). A closed resource without one cannot
 * be called by anyone. An endpoint whose target is unknown during the preview and did not come from a closed resource
 * might be its way in: the rule then judges nothing and the offline plan lists the endpoint as not judged offline.
 * Access provided by another team or stack is named in `accessManagedElsewhere`.
 *
 * It judges only where the policy config sets `required`: in many organisations the endpoints come from a network
 * team or a landing zone's policy, outside the stack the pack sees. This package's own stacks are held to the same
 * by config validation (a closed section needs `network.privateEndpoints` or `network.accessManagedElsewhere`).
 */
import { describe } from "../lib/azure";
import { PRIVATE_LINK } from "../lib/catalog";
import {
    accountKindsOption,
    endpointConnections,
    leadsTo,
    networkSubject,
    publicAccessPath,
    publicSide,
    requiredOption,
} from "../lib/network";
import { defineStackRule, matchesAnyGlob, stringList, type Finding } from "../lib/rule";

export interface PrivateEndpointRequiredConfig {
    required: boolean;
    accountKinds: string[];
    accessManagedElsewhere: string[];
}

const NAME = "private-endpoint-required";

export const privateEndpointRequired = defineStackRule<PrivateEndpointRequiredConfig>({
    name: NAME,
    description:
        "A Foundry account or a hub / workspace closed to the public has a private endpoint in the stack that connects to it, or access named as managed elsewhere.",
    enforcementLevel: "mandatory",
    severity: "high",
    configSchema: {
        properties: {
            required: requiredOption(
                "Judge closed accounts and workspaces (nothing is judged otherwise): turn on where the stack itself is expected to create the private endpoints.",
            ),
            accountKinds: accountKindsOption(),
            accessManagedElsewhere: stringList(
                "Pulumi resource names of closed accounts and workspaces whose way in another team or stack provides (an endpoint a platform team manages, a landing zone that creates them by policy); globs, `*` for any characters, case-insensitive.",
                [],
            ),
        },
    },
    remediationSteps:
        "Add a network.PrivateEndpoint whose privateLinkServiceConnections target the resource's id, or list the resource in the private-endpoint-required config (accessManagedElsewhere) when another team provides the way in.",
    check: (stack, config) => {
        if (!config.required) return [];
        const connections = endpointConnections(stack.resources);
        const findings: Finding[] = [];
        for (const resource of stack.resources) {
            const subject = networkSubject(resource, config.accountKinds);
            if (!subject || matchesAnyGlob(resource.name, config.accessManagedElsewhere)) continue;
            const side = publicSide(subject);
            if (side.state !== "closed") continue;
            const links = connections.map((c) => leadsTo(c, subject));
            if (links.includes("yes") || links.includes("unknown")) continue;
            const path = publicAccessPath(subject.what);
            const closedBy =
                side.publicNetworkAccess?.toLowerCase() === "disabled"
                    ? `${path} "${side.publicNetworkAccess}"`
                    : `properties.networkAcls.defaultAction "${side.defaultAction}" with no IP or virtual network rule`;
            const target = subject.what === "account" ? PRIVATE_LINK.foundryAccount : PRIVATE_LINK.mlWorkspace;
            findings.push({
                urn: resource.urn,
                message:
                    `${describe(resource)} (kind ${subject.kind}) is closed to the public (${closedBy}) and no private endpoint of the stack connects to it, so no client can call it. ` +
                    `Add a network.PrivateEndpoint whose privateLinkServiceConnections[].privateLinkServiceId is its id (groupIds ["${target.groupId}"]), with private DNS for ${target.zones.join(", ")}; ` +
                    `or, when another team provides the way in, list it in the ${NAME} config (accessManagedElsewhere).`,
            });
        }
        return findings;
    },
});
