/** Facts several records share: the ARM rules every resource follows, and the parents most resources name. */
import type { FixedInput, ParentInput } from "./types";

/** Where the rules "the name is part of the resource id" and "the parent is part of the resource id" come from. */
export const ARM_PATH_SOURCE =
    "ARM REST: the name is part of the resource id (the PUT path); another name is another resource";
export const ARM_GROUP_SOURCE = "ARM REST: the resource group is part of the Azure resource id (the PUT path)";
const ARM_LOCATION_SOURCE =
    "ARM: a resource cannot move region; a PUT with another location fails with InvalidResourceLocation (pulumi/pulumi-azure-native#3053)";

/** The resource group a resource lives in. */
export const IN_RESOURCE_GROUP: ParentInput = { input: "resourceGroupName", what: "resource group" };

/** `location`: Azure cannot move a resource to another region. */
export const LOCATION: FixedInput = {
    path: "location",
    reason: "Azure cannot move a resource to another region",
    source: ARM_LOCATION_SOURCE,
};

/** A resource group's own location. */
export const GROUP_LOCATION: FixedInput = {
    path: "location",
    reason: "a resource group's location cannot change",
    source: ARM_LOCATION_SOURCE,
};

type Inputs = Record<string, unknown>;

/** An input as a string for ids and URLs (`""` when absent). */
export const str = (v: unknown): string => (typeof v === "string" ? v : String(v ?? ""));

/** `properties` of the inputs, as an object. */
export const propsOf = (inputs: Inputs): Inputs => (inputs.properties ?? {}) as Inputs;
