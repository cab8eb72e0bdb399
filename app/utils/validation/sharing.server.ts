import { z } from "zod";
import { shareableScopes } from "~/models/vocabulary";
import { dateInput } from "./plan.server";
import { displayNameField, emailField } from "./invitation.server";

/** What one supporter may see, and until when. Nothing chosen is allowed: it means "share nothing". */
export const sharingSchema = z.object({
  scopes: z.array(z.enum(shareableScopes, { error: "validation:sharing.scopes" })).optional().transform((v) => v ?? []),
  endsOn: dateInput({ optional: true, notInPast: true, messages: "sharing.endsOn" }),
});

/** The person invites a carer: their name and email, and what to share from the start. */
export const inviteCarerSchema = sharingSchema.extend({
  displayName: displayNameField,
  email: emailField,
});
