/**
 * Which workspace (or project) a resource lives in, for the stack rules. A resource names its workspace by
 * `resourceGroupName` + `workspaceName`; during a preview those are often unknown (they come from a new
 * workspace's outputs), so the input's dependencies (`propertyDependencies.workspaceName`) name it instead.
 */
import { isKind } from "./azure";
import { knownString } from "./unknown";
import type { ResourceView } from "./view";

/** True, false, or unknown (the rule must not judge). */
export type Tri = true | false | "unknown";

/** What is known of the workspace a resource is in. */
export interface WorkspaceRef {
    /** The Workspace resource in this stack, when one matches. */
    workspace?: ResourceView;
    resourceGroupName?: string;
    workspaceName?: string;
}

/** The Workspace resources in the stack. */
export function workspaces(all: readonly ResourceView[]): ResourceView[] {
    return all.filter((r) => isKind(r, "Workspace"));
}

function eq(a: string, b: string): boolean {
    return a.toLowerCase() === b.toLowerCase();
}

/** Finds the stack resource an input refers to: through the input's dependencies, else by name. */
function byDependency(
    resource: ResourceView,
    prop: string,
    candidates: readonly ResourceView[],
): ResourceView | undefined {
    const urns = resource.propertyDependencies[prop] ?? [];
    return candidates.find((c) => urns.includes(c.urn));
}

/** The workspace a resource (endpoint, subscription, deployment) is in. */
export function workspaceOf(resource: ResourceView, all: readonly ResourceView[]): WorkspaceRef {
    const candidates = workspaces(all);
    const rg = knownString(resource.props, "resourceGroupName");
    const ws = knownString(resource.props, "workspaceName");
    let workspace = byDependency(resource, "workspaceName", candidates);
    if (!workspace && ws !== undefined) {
        const named = candidates.filter((c) => {
            const cws = knownString(c.props, "workspaceName");
            const crg = knownString(c.props, "resourceGroupName");
            return cws !== undefined && eq(cws, ws) && (rg === undefined || crg === undefined || eq(crg, rg));
        });
        if (named.length === 1) workspace = named[0];
    }
    const resourceGroupName = rg ?? (workspace ? knownString(workspace.props, "resourceGroupName") : undefined);
    const workspaceName = ws ?? (workspace ? knownString(workspace.props, "workspaceName") : undefined);
    return {
        ...(workspace ? { workspace } : {}),
        ...(resourceGroupName !== undefined ? { resourceGroupName } : {}),
        ...(workspaceName !== undefined ? { workspaceName } : {}),
    };
}

/** Whether two workspace references are the same workspace. */
export function sameWorkspace(a: WorkspaceRef, b: WorkspaceRef): Tri {
    if (a.workspace && b.workspace) return a.workspace.urn === b.workspace.urn;
    if (a.workspaceName !== undefined && b.workspaceName !== undefined) {
        if (!eq(a.workspaceName, b.workspaceName)) return false;
        if (a.resourceGroupName !== undefined && b.resourceGroupName !== undefined) {
            return eq(a.resourceGroupName, b.resourceGroupName);
        }
    }
    return "unknown";
}

/** `rg/ws` (or the Workspace resource's logical name, or `an unknown workspace`) for messages. */
export function describeWorkspace(ref: WorkspaceRef): string {
    if (ref.workspaceName !== undefined) {
        return ref.resourceGroupName !== undefined
            ? `"${ref.workspaceName}" (resource group "${ref.resourceGroupName}")`
            : `"${ref.workspaceName}"`;
    }
    if (ref.workspace) return `of Workspace resource "${ref.workspace.name}"`;
    return "(unknown during preview)";
}

/** A project's hub: through `hubResourceId`'s dependencies, else by parsing the ARM id it names. */
export function hubOf(project: ResourceView, all: readonly ResourceView[]): ResourceView | undefined {
    const candidates = workspaces(all).filter((w) => w.urn !== project.urn);
    const dep = byDependency(project, "hubResourceId", candidates);
    if (dep) return dep;
    const id = knownString(project.props, "hubResourceId");
    const parts =
        id &&
        /\/resourceGroups\/([^/]+)\/providers\/Microsoft\.MachineLearningServices\/workspaces\/([^/]+)$/i.exec(id);
    if (!parts) return undefined;
    const [, rg, ws] = parts;
    return candidates.find((c) => {
        const cws = knownString(c.props, "workspaceName");
        const crg = knownString(c.props, "resourceGroupName");
        return cws !== undefined && crg !== undefined && eq(cws, ws) && eq(crg, rg);
    });
}

/** True when a Workspace is a hub-based project (`kind: Project`). */
export function isProject(workspace: ResourceView): boolean {
    const kind = knownString(workspace.props, "kind");
    return kind !== undefined && eq(kind, "Project");
}

/**
 * The region a workspace's serverless deployments run in: a project's hub's location (a project lives in its
 * hub's region), else the workspace's own `location` input. Undefined when unknown.
 */
export function workspaceRegion(
    workspace: ResourceView,
    all: readonly ResourceView[],
): { region?: string; from: string } {
    if (isProject(workspace)) {
        const hub = hubOf(workspace, all);
        if (hub) {
            const region = knownString(hub.props, "location");
            return { ...(region !== undefined ? { region } : {}), from: `its hub Workspace "${hub.name}"` };
        }
    }
    const region = knownString(workspace.props, "location");
    return { ...(region !== undefined ? { region } : {}), from: `Workspace "${workspace.name}"` };
}
