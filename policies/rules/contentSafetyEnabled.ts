/**
 * Rule 7: serverless endpoints keep Azure AI Content Safety on. Serverless deployments are protected by it unless
 * an endpoint sets `properties.contentSafety.contentSafetyStatus` to `Disabled` (the MS docs serverless guides: content safety can be turned off per endpoint).
 */
import { describe, isKind } from "../lib/azure";
import { defineResourceRule, matchesAnyGlob, stringList } from "../lib/rule";
import { read } from "../lib/unknown";

export interface ContentSafetyEnabledConfig {
    requireExplicit: boolean;
    exemptEndpoints: string[];
}

const PATH = "properties.contentSafety.contentSafetyStatus";

export const contentSafetyEnabled = defineResourceRule<ContentSafetyEnabledConfig>({
    name: "content-safety-enabled",
    description: "Serverless endpoints keep Azure AI Content Safety enabled.",
    enforcementLevel: "mandatory",
    severity: "high",
    configSchema: {
        properties: {
            requireExplicit: {
                type: "boolean",
                default: false,
                description:
                    "Also report endpoints that leave contentSafetyStatus unset (Azure's default is on); set it to require an explicit `Enabled`.",
            },
            exemptEndpoints: stringList(
                "Pulumi resource names of endpoints allowed to disable content safety (globs, `*` for any characters, case-insensitive).",
                [],
            ),
        },
    },
    remediationSteps: 'Set properties.contentSafety.contentSafetyStatus to "Enabled" on the serverless endpoint.',
    check: (resource, config) => {
        if (!isKind(resource, "ServerlessEndpoint") || matchesAnyGlob(resource.name, config.exemptEndpoints)) return [];
        const status = read(resource.props, PATH);
        if (status.state === "unknown") return [];
        if (status.state === "absent") {
            return config.requireExplicit
                ? [
                      `${describe(resource)} leaves ${PATH} unset; content-safety-enabled requireExplicit asks for it to be set. ` +
                          `Set it to "Enabled".`,
                  ]
                : [];
        }
        if (String(status.value).toLowerCase() === "enabled") return [];
        return [
            `${describe(resource)} sets ${PATH} to ${JSON.stringify(status.value)}; serverless endpoints must keep Azure AI Content Safety on. ` +
                `Set it to "Enabled", or list the endpoint in the content-safety-enabled config (exemptEndpoints).`,
        ];
    },
});
