/**
 * A built-in role granted to a principal at a scope, under a name that is the same on every run (a name-based GUID
 * of scope, principal and role), so a re-run never duplicates it. `AiWorkspace`, `FoundryAccount` and
 * `ManagedOnlineEndpoint` grant their roles through it.
 */
import * as authorization from "@pulumi/azure-native/authorization";
import * as pulumi from "@pulumi/pulumi";
import type { RoleFact } from "../catalog/roles";
import type { PrincipalType } from "./enums";
import { deterministicGuid } from "./names";

/** Who gets which role where. */
export interface RoleGrant {
    /** ARM id of the scope (a resource group or a resource); its subscription is the role definition's. */
    scope: pulumi.Output<string>;
    /** Object id of the user, group or service principal. */
    principalId: pulumi.Input<string>;
    principalType: PrincipalType;
    /** The built-in role, from the catalog. */
    role: Pick<RoleFact, "id">;
    /** Shown on the assignment in the portal. */
    description: string;
}

/** The role assignment `resourceName`, a child of `parent` (after `dependsOn`, when the scope orders its writes). */
export function assignRole(
    resourceName: string,
    grant: RoleGrant,
    parent: pulumi.Resource,
    dependsOn?: pulumi.Resource[],
): authorization.RoleAssignment {
    const { scope, role } = grant;
    return new authorization.RoleAssignment(
        resourceName,
        {
            roleAssignmentName: pulumi
                .all([scope, grant.principalId])
                .apply(([scopeId, principalId]) => deterministicGuid(scopeId, principalId, role.id)),
            scope,
            principalId: grant.principalId,
            principalType: grant.principalType,
            roleDefinitionId: scope.apply(
                (id) =>
                    `/subscriptions/${id.split("/")[2]}/providers/Microsoft.Authorization/roleDefinitions/${role.id}`,
            ),
            description: grant.description,
        },
        { parent, dependsOn },
    );
}
