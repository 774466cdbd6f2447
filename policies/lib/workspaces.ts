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

/**
 * The lookups below, computed once per resource list: the Workspace resources, by URN and by name, and each
 * resource's {@link WorkspaceRef} once asked for. Every rule reading the same list (a stack view's `resources`)
 * shares it, so a rule that looks up the workspace of each resource stays linear in the stack's size. The list must
 * not change after its first lookup (views are built once and only read).
 */
interface WorkspaceIndex {
    workspaces: readonly ResourceView[];
    /** Workspaces by URN, with their position in the list. */
    byUrn: Map<string, { workspace: ResourceView; position: number }>;
    /** Workspaces by their known `workspaceName`, lower-cased, in list order. */
    byName: Map<string, ResourceView[]>;
    refs: WeakMap<ResourceView, WorkspaceRef>;
}

const INDEXES = new WeakMap<readonly ResourceView[], WorkspaceIndex>();

function indexOf(all: readonly ResourceView[]): WorkspaceIndex {
    let index = INDEXES.get(all);
    if (index) return index;
    const workspaces = all.filter((r) => isKind(r, "Workspace"));
    const byUrn = new Map(workspaces.map((workspace, position) => [workspace.urn, { workspace, position }]));
    const byName = new Map<string, ResourceView[]>();
    for (const w of workspaces) {
        const name = knownString(w.props, "workspaceName")?.toLowerCase();
        if (name === undefined) continue;
        let list = byName.get(name);
        if (!list) byName.set(name, (list = []));
        list.push(w);
    }
    index = { workspaces, byUrn, byName, refs: new WeakMap() };
    INDEXES.set(all, index);
    return index;
}

/** The Workspace resources in the stack. */
export function workspaces(all: readonly ResourceView[]): ResourceView[] {
    return [...indexOf(all).workspaces];
}

function eq(a: string, b: string): boolean {
    return a.toLowerCase() === b.toLowerCase();
}

/** The first workspace (in stack order) an input of the resource depends on, other than `except`. */
function byDependency(
    resource: ResourceView,
    prop: string,
    index: WorkspaceIndex,
    except?: string,
): ResourceView | undefined {
    let first: { workspace: ResourceView; position: number } | undefined;
    for (const urn of resource.propertyDependencies[prop] ?? []) {
        const hit = urn === except ? undefined : index.byUrn.get(urn);
        if (hit && (!first || hit.position < first.position)) first = hit;
    }
    return first?.workspace;
}

/** The stack's workspaces with that name (any case) whose resource group, when both are known, matches. */
function byName(index: WorkspaceIndex, ws: string, rg: string | undefined): ResourceView[] {
    return (index.byName.get(ws.toLowerCase()) ?? []).filter((c) => {
        const crg = knownString(c.props, "resourceGroupName");
        return rg === undefined || crg === undefined || eq(crg, rg);
    });
}

/** The workspace a resource (endpoint, subscription, deployment) is in. */
export function workspaceOf(resource: ResourceView, all: readonly ResourceView[]): WorkspaceRef {
    const index = indexOf(all);
    const known = index.refs.get(resource);
    if (known) return known;
    const rg = knownString(resource.props, "resourceGroupName");
    const ws = knownString(resource.props, "workspaceName");
    let workspace = byDependency(resource, "workspaceName", index);
    if (!workspace && ws !== undefined) {
        const named = byName(index, ws, rg);
        if (named.length === 1) workspace = named[0];
    }
    const resourceGroupName = rg ?? (workspace ? knownString(workspace.props, "resourceGroupName") : undefined);
    const workspaceName = ws ?? (workspace ? knownString(workspace.props, "workspaceName") : undefined);
    const ref = {
        ...(workspace ? { workspace } : {}),
        ...(resourceGroupName !== undefined ? { resourceGroupName } : {}),
        ...(workspaceName !== undefined ? { workspaceName } : {}),
    };
    index.refs.set(resource, ref);
    return ref;
}

/**
 * Keys under which two references that are surely the same workspace ({@link sameWorkspace} true) always meet: the
 * Workspace resource's URN, and the workspace and resource group names when both are known. For indexing
 * resources by workspace; a shared key alone proves nothing, so test candidates with {@link sameWorkspace}.
 */
export function workspaceKeys(ref: WorkspaceRef): string[] {
    const keys: string[] = [];
    if (ref.workspace) keys.push(`urn:${ref.workspace.urn}`);
    if (ref.workspaceName !== undefined && ref.resourceGroupName !== undefined)
        keys.push(`name:${ref.resourceGroupName.toLowerCase()}/${ref.workspaceName.toLowerCase()}`);
    return keys;
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
    const index = indexOf(all);
    const dep = byDependency(project, "hubResourceId", index, project.urn);
    if (dep) return dep;
    const id = knownString(project.props, "hubResourceId");
    const parts =
        id &&
        /\/resourceGroups\/([^/]+)\/providers\/Microsoft\.MachineLearningServices\/workspaces\/([^/]+)$/i.exec(id);
    if (!parts) return undefined;
    const [, rg, ws] = parts;
    return (index.byName.get(ws.toLowerCase()) ?? []).find((c) => {
        const crg = knownString(c.props, "resourceGroupName");
        return c.urn !== project.urn && crg !== undefined && eq(crg, rg);
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
