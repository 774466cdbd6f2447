import * as cognitiveservices from "@pulumi/azure-native/cognitiveservices";
import * as pulumi from "@pulumi/pulumi";
import { FOUNDRY_ENDPOINTS } from "../catalog";
import { FOUNDRY_PROJECT_ARGS } from "../config/args";
import { checkArgs } from "./checkArgs";

/** Arguments of `FoundryProject`. */
export interface FoundryProjectArgs {
    /** Resource group of the Foundry account. */
    resourceGroupName: pulumi.Input<string>;
    /** Name of the Foundry account (a `FoundryAccount`'s `accountName`); it must allow project management. */
    accountName: pulumi.Input<string>;
    /** Project name, 2-64 characters: letters, digits, `_`, `.` and `-`, starting with a letter or digit. */
    projectName: string;
    /** The account's region: a project lives where its account does. */
    location: pulumi.Input<string>;
    /** The account's custom subdomain, for the project endpoint. @default - the account name */
    customSubDomain?: pulumi.Input<string>;
    /** Name shown in the Foundry portal. @default - the project name */
    displayName?: pulumi.Input<string>;
    /** Description shown in the Foundry portal. @default - none */
    description?: pulumi.Input<string>;
    /** Tags on the project. @default - none */
    tags?: pulumi.Input<{ [key: string]: pulumi.Input<string> }>;
}

/**
 * A Foundry project (`accounts/projects`) with a system-assigned identity. Model deployments belong to the account,
 * not to a project: every project of the account reaches them; the project endpoint is where agents and evaluations
 * run.
 */
export class FoundryProject extends pulumi.ComponentResource {
    /** Project name. */
    public readonly projectName: pulumi.Output<string>;
    /** ARM id of the project. */
    public readonly projectId: pulumi.Output<string>;
    /** Project endpoint, `https://<sub>.services.ai.azure.com/api/projects/<project>`. */
    public readonly endpoint: pulumi.Output<string>;
    /** Object id of the project's system-assigned identity. */
    public readonly principalId: pulumi.Output<string>;

    constructor(name: string, args: FoundryProjectArgs, opts?: pulumi.ComponentResourceOptions) {
        checkArgs("FoundryProject", name, args, FOUNDRY_PROJECT_ARGS);
        super("azure-ai-models:index:FoundryProject", name, {}, opts);
        const project = new cognitiveservices.Project(
            `${name}-project`,
            {
                accountName: args.accountName,
                resourceGroupName: args.resourceGroupName,
                projectName: args.projectName,
                location: args.location,
                identity: { type: "SystemAssigned" },
                properties: { displayName: args.displayName ?? args.projectName, description: args.description },
                tags: args.tags,
            },
            // The component's dependsOn (the account's previous write) must hold for the child that PUTs.
            { parent: this, dependsOn: opts?.dependsOn },
        );
        const sub = pulumi.output(args.customSubDomain ?? args.accountName);
        this.projectName = project.name;
        this.projectId = project.id;
        this.endpoint = pulumi.all([sub, project.name]).apply(([s, p]) => FOUNDRY_ENDPOINTS.project(s, p));
        this.principalId = project.identity.apply((i) => i?.principalId ?? "");
        this.registerOutputs({ projectName: this.projectName, projectId: this.projectId, endpoint: this.endpoint });
    }
}
