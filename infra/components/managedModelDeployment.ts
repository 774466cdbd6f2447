import * as machinelearningservices from "@pulumi/azure-native/machinelearningservices";
import * as pulumi from "@pulumi/pulumi";
import type { PublicNetworkAccess, ScaleType } from "./enums";
import { resolveWorkspace } from "./workspaceRef";
import { MANAGED_DEPLOYMENT_ARGS } from "../config/args";
import { checkArgs } from "./checkArgs";

/** Health probe settings, in seconds; Azure's defaults apply to what is left out. */
export interface ProbeArgs {
    /** Seconds after the container starts before the first probe. */
    initialDelaySeconds?: number;
    /** Seconds between probes. */
    periodSeconds?: number;
    /** Seconds a probe may take before it counts as failed. */
    timeoutSeconds?: number;
    /** Failed probes in a row before the container counts as unhealthy. */
    failureThreshold?: number;
    /** Successful probes in a row before the container counts as healthy again. */
    successThreshold?: number;
}

/** Arguments of {@link ManagedModelDeployment}. */
export interface ManagedModelDeploymentArgs {
    /** Resource group of the project or workspace (with `workspaceName`, unless `workspaceId` is given). */
    resourceGroupName?: pulumi.Input<string>;
    /** The project or workspace that hosts it (with `resourceGroupName`, unless `workspaceId` is given). */
    workspaceName?: pulumi.Input<string>;
    /**
     * ARM id of the project or workspace to deploy into (`/subscriptions/.../workspaces/<name>`), which may belong to
     * another stack. Give this, or `resourceGroupName` and `workspaceName`.
     */
    workspaceId?: pulumi.Input<string>;
    /** Azure region of the endpoint. */
    location: pulumi.Input<string>;
    /** The online endpoint (its full name) that hosts the deployment. */
    endpointName: pulumi.Input<string>;
    /** 3-32 characters, letters, digits and single dashes, starting with a letter; unique in the endpoint. */
    deploymentName: string;
    /** Registry model id with its version: `azureml://registries/<registry>/models/<asset>/versions/<n>`. */
    model: pulumi.Input<string>;
    /** VM size, e.g. `Standard_NC24ads_A100_v4`. */
    instanceType: pulumi.Input<string>;
    /** Instances (the sku capacity); with autoscale, the count to start with. @default 1 */
    instanceCount?: pulumi.Input<number>;
    /** `Default` (fixed count) or `TargetUtilization` (autoscale between min and max). @default "Default" */
    scaleType?: ScaleType;
    /** Fewest instances autoscale keeps, with `TargetUtilization`. @default 1 */
    minInstances?: pulumi.Input<number>;
    /** Most instances autoscale adds, with `TargetUtilization`. */
    maxInstances?: pulumi.Input<number>;
    /** CPU utilisation autoscale aims at, in percent, with `TargetUtilization`. @default 70 */
    targetUtilizationPercentage?: pulumi.Input<number>;
    /** Seconds between autoscale checks, with `TargetUtilization`. @default 60 */
    pollingIntervalSeconds?: pulumi.Input<number>;
    /** Requests one instance serves at once. @default - Azure's (1) */
    maxConcurrentRequestsPerInstance?: pulumi.Input<number>;
    /** Seconds a scoring request may take. @default - Azure's (5 seconds) */
    requestTimeoutSeconds?: pulumi.Input<number>;
    /** Seconds a request may wait in the queue before it is refused. @default - Azure's (0.5 seconds) */
    maxQueueWaitSeconds?: pulumi.Input<number>;
    /** Probe of whether the container is alive; Azure restarts a container that fails it. @default - Azure's */
    livenessProbe?: ProbeArgs;
    /** Probe of whether the container is ready for requests; Azure routes none to one that fails it. @default - Azure's */
    readinessProbe?: ProbeArgs;
    /** Collect inference inputs and outputs. @default false */
    dataCollection?: boolean;
    /** Send the deployment's logs and metrics to the workspace's Application Insights. @default false */
    appInsightsEnabled?: pulumi.Input<boolean>;
    /**
     * Whether the deployment's container may reach the public internet; `Enabled` opens it deliberately.
     * @default "Disabled"
     */
    egressPublicNetworkAccess?: PublicNetworkAccess;
    /** Environment variables of the scoring container. @default - none */
    environmentVariables?: pulumi.Input<{ [key: string]: pulumi.Input<string> }>;
    /** Tags on the deployment. @default - none */
    tags?: pulumi.Input<{ [key: string]: pulumi.Input<string> }>;
}

/** ISO 8601 duration of a number of seconds (`PT90S`), the form Azure's deployment settings take. */
function isoSeconds(seconds: number): string {
    return `PT${seconds}S`;
}

function probe(p: ProbeArgs | undefined) {
    if (!p) return undefined;
    return {
        initialDelay: p.initialDelaySeconds === undefined ? undefined : isoSeconds(p.initialDelaySeconds),
        period: p.periodSeconds === undefined ? undefined : isoSeconds(p.periodSeconds),
        timeout: p.timeoutSeconds === undefined ? undefined : isoSeconds(p.timeoutSeconds),
        failureThreshold: p.failureThreshold,
        successThreshold: p.successThreshold,
    };
}

/**
 * A model deployed on managed compute behind an online endpoint (`endpointComputeType: Managed`): the model
 * pinned to a version, the VM size and instance count (or autoscale), request settings, probes, data collection,
 * Application Insights, egress and environment variables. Replaced delete-first, because a deployment's name is
 * fixed within its endpoint; move traffic off a deployment (blue/green) before changing what forces a replacement.
 */
export class ManagedModelDeployment extends pulumi.ComponentResource {
    /** Deployment name, unique in its endpoint. */
    public readonly deploymentName: pulumi.Output<string>;
    /** ARM id of the deployment. */
    public readonly deploymentId: pulumi.Output<string>;
    /** Registry model id with its version, as deployed. */
    public readonly model: pulumi.Output<string>;
    /** VM size of the instances. */
    public readonly instanceType: pulumi.Output<string>;

    constructor(name: string, args: ManagedModelDeploymentArgs, opts?: pulumi.ComponentResourceOptions) {
        checkArgs("ManagedModelDeployment", name, args, MANAGED_DEPLOYMENT_ARGS);
        super("azure-ai-models:index:ManagedModelDeployment", name, {}, opts);
        const ws = resolveWorkspace("ManagedModelDeployment", args);
        const autoscale = args.scaleType === "TargetUtilization";
        const s = pulumi.output;
        const requestSettings =
            args.maxConcurrentRequestsPerInstance === undefined &&
            args.requestTimeoutSeconds === undefined &&
            args.maxQueueWaitSeconds === undefined
                ? undefined
                : {
                      maxConcurrentRequestsPerInstance: args.maxConcurrentRequestsPerInstance,
                      requestTimeout:
                          args.requestTimeoutSeconds === undefined
                              ? undefined
                              : s(args.requestTimeoutSeconds).apply(isoSeconds),
                      maxQueueWait:
                          args.maxQueueWaitSeconds === undefined
                              ? undefined
                              : s(args.maxQueueWaitSeconds).apply(isoSeconds),
                  };
        const deployment = new machinelearningservices.OnlineDeployment(
            `${name}-deployment`,
            {
                deploymentName: args.deploymentName,
                endpointName: args.endpointName,
                resourceGroupName: ws.resourceGroupName,
                workspaceName: ws.workspaceName,
                location: args.location,
                sku: { name: "Default", capacity: args.instanceCount ?? (autoscale ? (args.minInstances ?? 1) : 1) },
                properties: {
                    endpointComputeType: "Managed",
                    model: args.model,
                    instanceType: args.instanceType,
                    scaleSettings: autoscale
                        ? {
                              scaleType: "TargetUtilization",
                              minInstances: args.minInstances ?? 1,
                              maxInstances: args.maxInstances,
                              targetUtilizationPercentage: args.targetUtilizationPercentage ?? 70,
                              pollingInterval: s(args.pollingIntervalSeconds ?? 60).apply(isoSeconds),
                          }
                        : { scaleType: "Default" },
                    requestSettings,
                    livenessProbe: probe(args.livenessProbe),
                    readinessProbe: probe(args.readinessProbe),
                    dataCollector: args.dataCollection
                        ? {
                              collections: {
                                  model_inputs: { dataCollectionMode: "Enabled" },
                                  model_outputs: { dataCollectionMode: "Enabled" },
                              },
                          }
                        : undefined,
                    appInsightsEnabled: args.appInsightsEnabled ?? false,
                    egressPublicNetworkAccess: args.egressPublicNetworkAccess ?? "Disabled",
                    environmentVariables: args.environmentVariables,
                },
                tags: args.tags,
            },
            { parent: this, deleteBeforeReplace: true },
        );
        this.deploymentName = deployment.name;
        this.deploymentId = deployment.id;
        this.model = pulumi.output(args.model);
        this.instanceType = pulumi.output(args.instanceType);
        this.registerOutputs({
            deploymentName: this.deploymentName,
            model: this.model,
            instanceType: this.instanceType,
        });
    }
}
