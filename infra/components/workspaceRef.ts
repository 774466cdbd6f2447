/**
 * How a component names the project or workspace it deploys into: by ARM id (`workspaceId`), or by
 * `resourceGroupName` and `workspaceName`. Either way the workspace may belong to another stack or team: the
 * components never create it.
 */
import * as pulumi from "@pulumi/pulumi";

/** The parts of a workspace ARM id. */
export function parseWorkspaceId(id: string): {
    subscriptionId: string;
    resourceGroupName: string;
    workspaceName: string;
} {
    const m =
        /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\/providers\/Microsoft\.MachineLearningServices\/workspaces\/([^/]+)$/i.exec(
            id,
        );
    if (!m) {
        throw new Error(
            `${JSON.stringify(id)} is not a workspace ARM id: expected /subscriptions/<id>/resourceGroups/<rg>/providers/Microsoft.MachineLearningServices/workspaces/<name>`,
        );
    }
    return { subscriptionId: m[1], resourceGroupName: m[2], workspaceName: m[3] };
}

export interface WorkspaceRefArgs {
    workspaceId?: pulumi.Input<string>;
    resourceGroupName?: pulumi.Input<string>;
    workspaceName?: pulumi.Input<string>;
}

/**
 * The resource group and name of the workspace a component's args point at. Throws an InputPropertiesError (every
 * problem listed) when they name none, or name it twice.
 */
export function resolveWorkspace(
    component: string,
    args: WorkspaceRefArgs,
): { resourceGroupName: pulumi.Output<string>; workspaceName: pulumi.Output<string> } {
    const byName = args.resourceGroupName !== undefined || args.workspaceName !== undefined;
    const errors: { propertyPath: string; reason: string }[] = [];
    if (args.workspaceId !== undefined && byName) {
        errors.push({
            propertyPath: "workspaceId",
            reason: "give either workspaceId or resourceGroupName and workspaceName, not both",
        });
    } else if (args.workspaceId === undefined) {
        if (args.resourceGroupName === undefined)
            errors.push({ propertyPath: "resourceGroupName", reason: "is required unless workspaceId is given" });
        if (args.workspaceName === undefined)
            errors.push({ propertyPath: "workspaceName", reason: "is required unless workspaceId is given" });
    }
    if (errors.length > 0) {
        throw new pulumi.InputPropertiesError({
            message: `${component}: the project or workspace to deploy into is not named`,
            errors,
        });
    }
    if (args.workspaceId !== undefined) {
        const parts = pulumi.output(args.workspaceId).apply(parseWorkspaceId);
        return { resourceGroupName: parts.resourceGroupName, workspaceName: parts.workspaceName };
    }
    return {
        resourceGroupName: pulumi.output(args.resourceGroupName!),
        workspaceName: pulumi.output(args.workspaceName!),
    };
}
