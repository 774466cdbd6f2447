/**
 * The resource group a component puts its resources in, shared by `AiWorkspace` and `FoundryAccount`: created as the
 * component's child `<name>-rg`, or an existing one used by name.
 */
import * as resources from "@pulumi/azure-native/resources";
import * as pulumi from "@pulumi/pulumi";

/** What a component knows about its resource group once it has decided whether to create it. */
export interface ResourceGroupChoice {
    /** The group's Azure name. */
    name: pulumi.Input<string>;
    /** Create the group as the component's child; otherwise use the existing group of that name. */
    create: boolean;
    location: pulumi.Input<string>;
    tags?: pulumi.Input<{ [key: string]: pulumi.Input<string> }>;
}

/** A resource group the component created (`resource` set) or uses. */
export interface ComponentResourceGroup {
    name: pulumi.Output<string>;
    /** The group's resource, when the component created it. */
    resource?: resources.ResourceGroup;
}

/** The component's resource group: `<component>-rg` when it creates one, else the existing group's name. */
export function resourceGroupFor(
    component: string,
    group: ResourceGroupChoice,
    parent: pulumi.Resource,
): ComponentResourceGroup {
    if (!group.create) return { name: pulumi.output(group.name) };
    const resource = new resources.ResourceGroup(
        `${component}-rg`,
        { resourceGroupName: group.name, location: group.location, tags: group.tags },
        { parent },
    );
    return { name: resource.name, resource };
}
