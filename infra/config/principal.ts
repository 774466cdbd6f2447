import { z } from "zod";
import { choice } from "../catalog/choice";
import { PRINCIPAL_TYPES } from "../catalog/vocabulary";

/** An Entra ID object id. */
const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

/** A user, group or service principal a role is granted to. */
export const principalSchema = z.strictObject({
    /** Object id of the user, group or service principal. */
    principalId: z.string().regex(GUID, "a GUID (the principal's object id)"),
    /** @default "User" */
    principalType: choice(PRINCIPAL_TYPES).default("User"),
    description: z.string().max(1024).optional(),
});
