/**
 * The shape of one record of the resource-type registry: everything the package knows about one resource type it
 * creates, judges or diffs. The plan tool, the policy pack and the library read these records; nothing else keeps a
 * per-type table. See `index.ts` for the list and the views built from it.
 */
import type { NameRule } from "../names";
import type { Source } from "../types";

type Inputs = Record<string, unknown>;

/** An input that names the Azure parent a resource lives in (its resource group, account, workspace, endpoint). */
export interface ParentInput {
    /** The input (dotted path): `resourceGroupName`, `accountName`. */
    input: string;
    /** What the parent is called in messages: `resource group`, `Foundry account`, `workspace`. */
    what: string;
}

/** An input Azure cannot change in place: a change replaces the resource. */
export interface FixedInput {
    /** Dotted input path; a change at the path, below it or of an object holding it matches. `*`: any input. */
    path: string;
    /** Why Azure cannot change it in place, for the reader of the diff. */
    reason: string;
    /** Where the fact comes from. */
    source: string;
}

/** Where the resource's ARM id sits, for the ids the offline plan synthesises. */
export interface ArmId {
    /**
     * What the id starts with: the subscription (`/subscriptions/<id>/<path>`), the resource group
     * (`.../resourceGroups/<rg>/providers/<path>`, the group from the `resourceGroupName` input) or the ARM id held
     * by an input (`<input>/providers/<path>`: extension resources such as role assignments).
     */
    under: "subscription" | "resource group" | { input: string };
    /** The rest of the id, from the inputs and the Azure name: `Microsoft.KeyVault/vaults/${name}`. */
    path: (inputs: Inputs, name: string) => string;
}

/** Why deleting or replacing a resource of this type must be reviewed, in the words the diff prints. */
export interface Destructive {
    /** What the resource is called: `storage account`; a function when its kind decides (`hub`, `project`). */
    what: string | ((inputs: Inputs) => string);
    /**
     * What goes with it, completing "<what> <name> is deleted: ...": `its data goes with it`. Omitted when the type
     * has a {@link ResourceType.clientUrl}: the diff then says which URL clients lose or move to.
     */
    consequence?: string | ((inputs: Inputs) => string);
    /** Where the consequence comes from. */
    source: string;
}

/** A URL clients call, derived from the resource's Azure name and region. */
export interface ClientUrl {
    /** `https://<name>.<region>.models.ai.azure.com` */
    url: (name: string, region: string) => string;
    source: Source;
}

/** Secret values Azure hands out for the resource and the component outputs that carry them. */
export interface SecretOutputs {
    /** The azure-native function that lists them: `azure-native:cognitiveservices:listAccountKeys`. */
    listFunction: string;
    /** The published components that return them, wrapped in `pulumi.secret`, and under which output names. */
    publishedBy: readonly { component: string; outputs: readonly string[] }[];
}

/** What the offline plan's mocks are given to compute a resource's outputs. */
export interface MockContext {
    inputs: Inputs;
    /** The resource's Azure name. */
    name: string;
    /** Its region (`location` input, `eastus2` when absent). */
    location: string;
    /** Wraps a value only Azure knows: the value itself after `up`, unknown during a preview. */
    unknown: (value: unknown) => unknown;
    /** A stand-in for a value Azure draws, `length` characters, the same for the same resource. */
    random: (length: number) => string;
    tenantId: string;
}

/**
 * One resource type. Only `type`, `title` and `keyInputs` are required; every other field is "none" when absent:
 * no Azure name input, no parent, nothing fixed, not destructive, no secrets, no client URL, outputs = inputs.
 */
export interface ResourceType {
    /** The Pulumi type token in azure-native's default module: `azure-native:cognitiveservices:Account`. */
    type: string;
    /**
     * Other tokens that mean the same type. Tokens of azure-native's API-version modules
     * (`azure-native:cognitiveservices/v20250601:Account`) always resolve to the record without being listed.
     */
    aliases?: readonly string[];
    /** What the type is, for people: `Cognitive Services account (Foundry resource, Content Safety)`. */
    title: string;
    /** The input that holds the Azure name (the last segment of the resource id). */
    nameInput?: string;
    /** Azure's rule for that name (from the catalog's name table). */
    nameRule?: NameRule;
    /** Other inputs that hold names with a rule of their own, such as an account's custom subdomain. */
    otherNames?: readonly { input: string; rule: NameRule }[];
    /** The ARM id the offline plan synthesises. */
    armId?: ArmId;
    /** Inputs naming the Azure parent: a change replaces the resource, and a replaced parent takes it along. */
    parents?: readonly ParentInput[];
    /** Inputs besides the name and the parents that Azure cannot change in place, each with its source. */
    fixedInputs?: readonly FixedInput[];
    /** Set when deleting or replacing it loses something a reviewer must see. */
    destructive?: Destructive;
    /** Keys Azure hands out for it, and which component outputs carry them. */
    secretOutputs?: SecretOutputs;
    /** The inputs (dotted paths) a reader needs in the plan's resource tree, in order. */
    keyInputs: readonly string[];
    /** The URL clients call, when the name and region decide it. */
    clientUrl?: ClientUrl;
    /** What Azure computes beyond the inputs it echoes, as the offline plan's mocks answer it. */
    mockOutputs?: (context: MockContext) => Inputs;
}
