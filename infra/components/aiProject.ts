import * as machinelearningservices from "@pulumi/azure-native/machinelearningservices";
import * as pulumi from "@pulumi/pulumi";
import { randomSuffix } from "./names";
import { AI_PROJECT_ARGS } from "../config/args";
import { checkArgs } from "./checkArgs";

/** Arguments of {@link AiProject}. */
export interface AiProjectArgs {
    /** ARM id of the hub (the `workspaceId` of an `AiWorkspace` of kind `Hub`). */
    hubResourceId: pulumi.Input<string>;
    /** Resource group of the hub. */
    resourceGroupName: pulumi.Input<string>;
    /** The hub's region: a project lives where its hub does. */
    location: pulumi.Input<string>;
    /** Base name (at most 26 characters); a stable random suffix is appended (Azure soft-deletes workspace names). */
    projectName: string;
    /** Name shown in the studio. @default - the project name */
    friendlyName?: pulumi.Input<string>;
    /** Description shown in the studio. @default - none */
    description?: pulumi.Input<string>;
    /** Tags on the project. @default - none */
    tags?: pulumi.Input<{ [key: string]: pulumi.Input<string> }>;
}

/**
 * A hub-based AI Studio / Foundry project: a workspace of kind `Project` that references its hub and inherits the
 * hub's storage, key vault, network isolation and connections. Serverless model endpoints live in projects.
 */
export class AiProject extends pulumi.ComponentResource {
    /** Project (workspace) name, with its random suffix. */
    public readonly workspaceName: pulumi.Output<string>;
    /** ARM id of the project. */
    public readonly workspaceId: pulumi.Output<string>;
    /** Resource group of the project (its hub's). */
    public readonly resourceGroupName: pulumi.Output<string>;
    /** Object id of the project's system-assigned identity. */
    public readonly principalId: pulumi.Output<string>;

    constructor(name: string, args: AiProjectArgs, opts?: pulumi.ComponentResourceOptions) {
        checkArgs("AiProject", name, args, AI_PROJECT_ARGS);
        super("azure-ai-models:index:AiProject", name, {}, opts);
        const suffix = randomSuffix(name, this).result;
        const project = new machinelearningservices.Workspace(
            `${name}-ws`,
            {
                workspaceName: pulumi.interpolate`${args.projectName}-${suffix}`,
                resourceGroupName: args.resourceGroupName,
                location: args.location,
                kind: "Project",
                hubResourceId: args.hubResourceId,
                friendlyName: args.friendlyName ?? args.projectName,
                description: args.description,
                identity: { type: "SystemAssigned" },
                sku: { name: "Basic", tier: "Basic" },
                tags: args.tags,
            },
            // A project cannot move to another hub: a new hub means a new project.
            { parent: this, replaceOnChanges: ["hubResourceId"] },
        );
        this.workspaceName = project.name;
        this.workspaceId = project.id;
        this.resourceGroupName = pulumi.output(args.resourceGroupName);
        this.principalId = project.identity.apply((i) => i?.principalId ?? "");
        this.registerOutputs({ workspaceName: this.workspaceName, workspaceId: this.workspaceId });
    }
}
