/**
 * One changed resource as the diff records it, before its action is settled: its identity (URN, type, logical name)
 * and the Azure name a report may print (masked when the program made the name input secret).
 */
import { maskedInputs } from "../report/render";
import { azureNameOf } from "../run/azureTypes";
import type { PlannedResource } from "../run/types";
import type { ChangeAction, ResourceChange } from "./model";

/** The Azure name a report may print: `[secret]` when the program made the name input secret. */
export function shownAzureName(r: PlannedResource): string | undefined {
    return azureNameOf({ type: r.type, inputs: maskedInputs(r) });
}

/** A changed resource with no property changes yet. */
export function resourceChange(r: PlannedResource, action: ChangeAction, uncertain = false): ResourceChange {
    const azureName = shownAzureName(r);
    return {
        urn: r.urn,
        type: r.type,
        name: r.name,
        ...(azureName ? { azureName } : {}),
        action,
        uncertain,
        changes: [],
    };
}
