/**
 * The Log Analytics workspace both `AiWorkspace` (behind Application Insights) and `FoundryAccount` (its diagnostic
 * logs) create: `log-<base name>`, pay-as-you-go, with the component's retention and tags.
 */
import * as operationalinsights from "@pulumi/azure-native/operationalinsights";
import type * as pulumi from "@pulumi/pulumi";
import { logAnalyticsName } from "./names";

/** What the workspace is made from. */
export interface LogAnalyticsArgs {
    /** The component's base name: the workspace is `log-<baseName>`. */
    baseName: string;
    resourceGroupName: pulumi.Input<string>;
    location: pulumi.Input<string>;
    /** Days of retention, 30-730. @default 30 */
    retentionInDays?: number;
    tags?: pulumi.Input<{ [key: string]: pulumi.Input<string> }>;
}

/** A Log Analytics workspace, the component's child `<component>-log`. */
export function logAnalyticsWorkspace(
    component: string,
    args: LogAnalyticsArgs,
    parent: pulumi.Resource,
): operationalinsights.Workspace {
    return new operationalinsights.Workspace(
        `${component}-log`,
        {
            workspaceName: logAnalyticsName(args.baseName),
            resourceGroupName: args.resourceGroupName,
            location: args.location,
            sku: { name: "PerGB2018" },
            retentionInDays: args.retentionInDays ?? 30,
            tags: args.tags,
        },
        { parent },
    );
}
