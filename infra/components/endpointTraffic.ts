import * as pulumi from "@pulumi/pulumi";
import type { TrafficClientOptions } from "../traffic/client";
import { applyTraffic, clearTraffic, readTraffic, type EndpointRef, type LiveTraffic } from "../traffic/operations";
import { sameSplit, trafficProblems } from "../catalog/traffic";
import { isPlain } from "../config/args";
import { checkArgs } from "./checkArgs";

/** Arguments of {@link EndpointTraffic}. */
export interface EndpointTrafficArgs {
    /**
     * Subscription of the endpoint. Optional. Pass the endpoint's own when the azure-native provider is not the
     * default one: `endpoint.id.apply((id) => id.split("/")[2])`.
     * @default - config `azure-native:subscriptionId`, else the `ARM_SUBSCRIPTION_ID` or `AZURE_SUBSCRIPTION_ID`
     * environment variable (the subscription the default azure-native provider uses); none of them is an error
     */
    subscriptionId?: pulumi.Input<string>;
    /** Required. Resource group of the workspace. */
    resourceGroupName: pulumi.Input<string>;
    /** Required. Workspace (or hub-based project) that holds the endpoint. */
    workspaceName: pulumi.Input<string>;
    /**
     * Required. Name of the online endpoint: pass the OnlineEndpoint resource's `name` output, so this resource
     * depends on it.
     */
    endpointName: pulumi.Input<string>;
    /**
     * Required. Percentage of requests each deployment serves: integers from 0 to 100 that add up to 100, or `{}` /
     * all 0 to route nothing. Every deployment named must exist: make this resource depend on the deployments
     * (`dependsOn`), or Azure answers 400.
     */
    traffic: pulumi.Input<Record<string, pulumi.Input<number>>>;
    /**
     * Optional. Percentage of requests copied to each deployment, whose answers are dropped: integers adding up to at
     * most 50, never to a deployment with live traffic.
     * @default - no mirroring: a mirror set outside Pulumi is removed on the next apply
     */
    mirrorTraffic?: pulumi.Input<Record<string, pulumi.Input<number>>>;
    /**
     * Optional. A string derived from the endpoint resource's inputs (a hash of them, such as ManagedOnlineEndpoint's
     * `revision`). When the endpoint's inputs change, this changes, so this resource updates after the endpoint does
     * and re-applies the split that the endpoint's PUT may have reset.
     * @default - none: after an endpoint update the split is re-applied only by the next `pulumi up` whose diff finds
     * the live split different
     */
    endpointRevision?: pulumi.Input<string>;
    /**
     * Optional. Deadline of each operation on Azure (read, write, waiting for the long-running operation, retries),
     * in seconds: past it the operation fails, saying so, instead of holding `pulumi up`. Changing it alone changes
     * nothing in Azure.
     * @default 1200 (20 minutes)
     */
    timeoutSeconds?: pulumi.Input<number>;
}

/** The inputs the provider receives: {@link EndpointTrafficArgs} resolved, subscription filled in. */
export interface EndpointTrafficInputs extends EndpointRef {
    traffic: Record<string, number>;
    mirrorTraffic?: Record<string, number>;
    endpointRevision?: string;
    timeoutSeconds?: number;
}

/** The state the provider keeps: the coordinates and revision as given, the split as Azure holds it. */
export interface EndpointTrafficOutputs extends EndpointRef {
    traffic: Record<string, number>;
    mirrorTraffic: Record<string, number>;
    endpointRevision?: string;
    timeoutSeconds?: number;
}

/**
 * The traffic split of an Azure Machine Learning online endpoint, applied once its deployments exist. Azure refuses
 * endpoint traffic that names a deployment that does not exist yet, so the OnlineEndpoint is created without
 * `traffic` and this resource sets it afterwards, the way `az ml online-endpoint update --traffic` does: it GETs the
 * endpoint and PUTs it back whole with the new split, through `@azure/arm-machinelearning` and
 * `DefaultAzureCredential`. Its update runs before Pulumi deletes a deployment it depended on, so a split that drops
 * a deployment moves traffic off it first; deleting this resource routes nothing (`traffic: {}`), so the
 * deployments can go.
 *
 * Limit: the OnlineEndpoint resource does not manage `traffic`, yet its PUT replaces the endpoint whole and may reset
 * the split. Passing `endpointRevision` (derived from the endpoint's inputs) makes every endpoint change update
 * this resource right after, which re-applies the split; between the two, for the seconds the endpoint update
 * takes to finish plus one GET and PUT, the endpoint may route no traffic. `pulumi refresh` and every diff read the
 * live split, so a reset or an edit made outside Pulumi shows as a change and the next `pulumi up` repairs it.
 */
export class EndpointTraffic extends pulumi.dynamic.Resource {
    declare public readonly subscriptionId: pulumi.Output<string>;
    declare public readonly resourceGroupName: pulumi.Output<string>;
    declare public readonly workspaceName: pulumi.Output<string>;
    declare public readonly endpointName: pulumi.Output<string>;
    /** The split Azure held after the last apply or refresh. */
    declare public readonly traffic: pulumi.Output<Record<string, number>>;
    /** The mirror Azure held after the last apply or refresh (`{}` when none). */
    declare public readonly mirrorTraffic: pulumi.Output<Record<string, number>>;
    declare public readonly endpointRevision: pulumi.Output<string | undefined>;

    constructor(name: string, args: EndpointTrafficArgs, opts?: pulumi.CustomResourceOptions) {
        const subscriptionId = args.subscriptionId ?? defaultSubscriptionId();
        checkArgs("EndpointTraffic", name, args, {}, plainArgProblems(args, subscriptionId));
        super(
            endpointTrafficProvider(),
            name,
            {
                subscriptionId,
                resourceGroupName: args.resourceGroupName,
                workspaceName: args.workspaceName,
                endpointName: args.endpointName,
                traffic: args.traffic,
                mirrorTraffic: args.mirrorTraffic,
                endpointRevision: args.endpointRevision,
                timeoutSeconds: args.timeoutSeconds,
            },
            opts,
            undefined,
            "EndpointTraffic",
        );
    }
}

const SUBSCRIPTION_REQUIRED =
    "is required: pass subscriptionId, or set config azure-native:subscriptionId or ARM_SUBSCRIPTION_ID";

let sharedProvider: pulumi.dynamic.ResourceProvider<EndpointTrafficInputs, EndpointTrafficOutputs> | undefined;

// What the engine sends for a value not known yet (preview): `unknownValue` of @pulumi/pulumi/runtime/rpc, repeated
// here so the serialized provider does not capture that module.
const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
const COORDINATES = ["subscriptionId", "resourceGroupName", "workspaceName", "endpointName"] as const;

function hasUnknown(v: unknown): boolean {
    return v === UNKNOWN || (typeof v === "object" && v !== null && Object.values(v).some(hasUnknown));
}

function outputs(inputs: EndpointTrafficInputs, live: LiveTraffic): EndpointTrafficOutputs {
    return {
        subscriptionId: inputs.subscriptionId,
        resourceGroupName: inputs.resourceGroupName,
        workspaceName: inputs.workspaceName,
        endpointName: inputs.endpointName,
        traffic: live.traffic,
        mirrorTraffic: live.mirrorTraffic,
        ...(inputs.endpointRevision === undefined ? {} : { endpointRevision: inputs.endpointRevision }),
        ...(inputs.timeoutSeconds === undefined ? {} : { timeoutSeconds: inputs.timeoutSeconds }),
    };
}

/** The client options of one operation: the provider's, with the resource's deadline when it sets one. */
function withTimeout(options: TrafficClientOptions, r: { timeoutSeconds?: number }): TrafficClientOptions {
    return typeof r.timeoutSeconds === "number" ? { ...options, timeoutMs: r.timeoutSeconds * 1000 } : options;
}

/**
 * Whether two coordinates name the same Azure resource: ARM compares subscription, resource group, workspace and
 * endpoint names without case, so a change of case alone is the same endpoint (no replacement).
 */
function sameCoordinate(a: unknown, b: unknown): boolean {
    return typeof a === "string" && typeof b === "string" && a.toLowerCase() === b.toLowerCase();
}

function idOf(r: EndpointRef): string {
    return (
        `/subscriptions/${r.subscriptionId}/resourceGroups/${r.resourceGroupName}/providers/` +
        `Microsoft.MachineLearningServices/workspaces/${r.workspaceName}/onlineEndpoints/${r.endpointName}`
    );
}

/** The provider's `check`: coordinates present, revision a string, and the split by the shared traffic rule. */
function inputFailures(news: EndpointTrafficInputs): pulumi.dynamic.CheckFailure[] {
    const failures: pulumi.dynamic.CheckFailure[] = [];
    for (const key of COORDINATES) {
        const v: unknown = news[key];
        if (v !== UNKNOWN && (typeof v !== "string" || v.trim() === "")) {
            failures.push({
                property: key,
                reason:
                    key === "subscriptionId"
                        ? SUBSCRIPTION_REQUIRED
                        : `is required: a non-empty string; got ${JSON.stringify(v)}`,
            });
        }
    }
    const rev: unknown = news.endpointRevision;
    if (rev !== undefined && rev !== UNKNOWN && typeof rev !== "string") {
        failures.push({ property: "endpointRevision", reason: `must be a string; got ${JSON.stringify(rev)}` });
    }
    const timeout: unknown = news.timeoutSeconds;
    if (timeout !== undefined && timeout !== UNKNOWN && !(typeof timeout === "number" && timeout > 0)) {
        failures.push({
            property: "timeoutSeconds",
            reason: `must be a positive number of seconds; got ${JSON.stringify(timeout)}`,
        });
    }
    if (!hasUnknown(news.traffic) && !hasUnknown(news.mirrorTraffic)) {
        failures.push(...trafficProblems(news).map(({ property, reason }) => ({ property, reason })));
    }
    return failures;
}

/**
 * The provider's `diff`: a new endpoint replaces (a coordinate changed other than in case); changed inputs update (a
 * change of case alone included, which only records the new spelling); unchanged inputs are compared with what Azure
 * routes now, so a reset or an edit outside Pulumi shows.
 */
async function diffTraffic(
    olds: EndpointTrafficOutputs,
    news: EndpointTrafficInputs,
    clientOptions: TrafficClientOptions,
): Promise<pulumi.dynamic.DiffResult> {
    const replaces = COORDINATES.filter((k) => news[k] === UNKNOWN || !sameCoordinate(olds[k], news[k]));
    if (replaces.length > 0) return { changes: true, replaces, deleteBeforeReplace: false };
    const changed =
        COORDINATES.some((k) => olds[k] !== news[k]) ||
        hasUnknown(news.traffic) ||
        hasUnknown(news.mirrorTraffic) ||
        news.endpointRevision === UNKNOWN ||
        !sameSplit(olds.traffic, news.traffic) ||
        !sameSplit(olds.mirrorTraffic, news.mirrorTraffic) ||
        (olds.endpointRevision ?? "") !== (news.endpointRevision ?? "");
    if (changed) return { changes: true };
    const live = await readTraffic(news, withTimeout(clientOptions, news));
    const drift =
        live === undefined ||
        !sameSplit(live.traffic, news.traffic) ||
        !sameSplit(live.mirrorTraffic, news.mirrorTraffic);
    return { changes: drift };
}

/**
 * The dynamic provider behind {@link EndpointTraffic}; `options` inject the SDK client (tests). Pulumi serializes
 * it with the functions it calls, so it stays small and loads the Azure SDK only inside those functions. The default
 * one is shared, so Pulumi serializes it once per program.
 */
export function endpointTrafficProvider(
    options?: TrafficClientOptions,
): pulumi.dynamic.ResourceProvider<EndpointTrafficInputs, EndpointTrafficOutputs> {
    if (options === undefined && sharedProvider !== undefined) return sharedProvider;
    const clientOptions = options ?? {};
    const provider: pulumi.dynamic.ResourceProvider<EndpointTrafficInputs, EndpointTrafficOutputs> = {
        async check(_olds, news) {
            return { inputs: news, failures: inputFailures(news) };
        },

        async diff(_id, olds, news) {
            return diffTraffic(olds, news, clientOptions);
        },

        async create(inputs) {
            const live = await applyTraffic(inputs, withTimeout(clientOptions, inputs));
            return { id: idOf(inputs), outs: outputs(inputs, live) };
        },

        async read(id, props) {
            if (props === undefined) {
                throw new Error(`EndpointTraffic cannot be read from its id alone (${id}): import is not supported`);
            }
            const live = await readTraffic(props, withTimeout(clientOptions, props));
            // No endpoint, no traffic resource: an empty id tells the engine it is gone.
            if (live === undefined) return { id: "", props: {} as EndpointTrafficOutputs };
            return { id, props: outputs(props, live) };
        },

        async update(_id, _olds, news) {
            // The new split goes out first and whole: a deployment it drops stops serving before Pulumi deletes it
            // (deletions run after the updates of the resources that depended on them).
            const live = await applyTraffic(news, withTimeout(clientOptions, news));
            return { outs: outputs(news, live) };
        },

        async delete(_id, props) {
            await clearTraffic(props, withTimeout(clientOptions, props));
        },
    };
    if (options === undefined) sharedProvider = provider;
    return provider;
}

/** The subscription the default azure-native provider uses, or undefined. */
function defaultSubscriptionId(): string | undefined {
    return (
        new pulumi.Config("azure-native").get("subscriptionId") ||
        process.env.ARM_SUBSCRIPTION_ID ||
        process.env.AZURE_SUBSCRIPTION_ID ||
        undefined
    );
}

/** Problems with the arguments known now (plain values); Outputs are checked by the provider's `check`. */
function plainArgProblems(
    args: EndpointTrafficArgs,
    subscriptionId: pulumi.Input<string> | undefined,
): pulumi.InputPropertyErrorDetails[] {
    const errors: pulumi.InputPropertyErrorDetails[] = [];
    if (subscriptionId === undefined) errors.push({ propertyPath: "subscriptionId", reason: SUBSCRIPTION_REQUIRED });
    if (isPlain(args.traffic) && (args.mirrorTraffic === undefined || isPlain(args.mirrorTraffic))) {
        for (const p of trafficProblems({ traffic: args.traffic, mirrorTraffic: args.mirrorTraffic })) {
            errors.push({ propertyPath: p.property, reason: p.reason });
        }
    }
    return errors;
}
