/**
 * The resource group a component puts its resources in, shared by `AiWorkspace` and `FoundryAccount`. A group named
 * by the caller is one that exists: the component uses it and never creates it, so destroying the component cannot
 * delete the caller's group. The component creates a group (its child `<name>-rg`) only when no name is given, or
 * when `createResourceGroup: true` says so.
 */
import * as resources from "@pulumi/azure-native/resources";
import * as pulumi from "@pulumi/pulumi";

/** The component arguments that decide the group, as both components spell them. */
export interface ResourceGroupArgs {
    /** The group named by the caller. */
    resourceGroupName?: pulumi.Input<string>;
    /** Whether the component creates the group. */
    createResourceGroup?: boolean;
    /** The group's name when none is given: `rg-<base name>`. */
    defaultName: string;
    location: pulumi.Input<string>;
    tags?: pulumi.Input<{ [key: string]: pulumi.Input<string> }>;
}

/** A resource group the component created (`resource` set) or uses. */
export interface ComponentResourceGroup {
    name: pulumi.Output<string>;
    /** The group's resource, when the component created it. */
    resource?: resources.ResourceGroup;
}

/**
 * Whether the component creates its group: as `createResourceGroup` says, and without it only when no group was
 * named (a named group is used as it is).
 */
export function createsResourceGroup(
    args: Pick<ResourceGroupArgs, "resourceGroupName" | "createResourceGroup">,
): boolean {
    return args.createResourceGroup ?? args.resourceGroupName === undefined;
}

/** The component's resource group: `<component>-rg` when it creates one, else the existing group's name. */
export function resourceGroupFor(
    component: string,
    args: ResourceGroupArgs,
    parent: pulumi.Resource,
): ComponentResourceGroup {
    const name = args.resourceGroupName ?? args.defaultName;
    if (!createsResourceGroup(args)) return { name: pulumi.output(name) };
    const resource = new resources.ResourceGroup(
        `${component}-rg`,
        { resourceGroupName: name, location: args.location, tags: args.tags },
        { parent },
    );
    return { name: resource.name, resource };
}
