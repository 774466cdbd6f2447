/**
 * Rule 10e (advisory): a hub-based project (`kind: Project`) references its hub through `hubResourceId`. Without it
 * Azure cannot create the project, and serverless deployments need a hub-based project (MS docs deploy-models-serverless.md).
 */
import { describe, isKind } from "../lib/azure";
import { defineResourceRule } from "../lib/rule";
import { read } from "../lib/unknown";
import { isProject } from "../lib/workspaces";

export type ProjectReferencesHubConfig = Record<string, never>;

export const projectReferencesHub = defineResourceRule<ProjectReferencesHubConfig>({
    name: "project-references-hub",
    description: "A workspace of kind Project sets hubResourceId to its hub's resource id.",
    enforcementLevel: "advisory",
    severity: "medium",
    configSchema: { properties: {} },
    remediationSteps: "Set hubResourceId on the project to the hub workspace's id (hub.id).",
    check: (resource) => {
        if (!isKind(resource, "Workspace") || !isProject(resource)) return [];
        const hub = read(resource.props, "hubResourceId");
        if (hub.state === "unknown" || (hub.state === "known" && String(hub.value) !== "")) return [];
        return [
            `${describe(resource)} is a project (kind "Project") but sets no hubResourceId. ` +
                `Set hubResourceId to the id of its hub workspace (kind "Hub"), e.g. hubResourceId: hub.id.`,
        ];
    },
});
