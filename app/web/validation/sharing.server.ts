import { z } from "zod";
import { shareableScopes } from "~/models/vocabulary/relationships";
import { contactMethods, needsParts, optionSets, type NeedsField, type NeedsPart } from "~/models/vocabulary/carer-needs";
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

/** What a carer tells the team: anything, in their own words, up to a long letter. */
export const carerMessageSchema = z.object({
  body: z
    .string({ error: "validation:carerMessage.required" })
    .trim()
    .min(1, "validation:carerMessage.required")
    .max(5000, "validation:carerMessage.tooLong"),
});

/** The questions of one part of "my needs as a carer": all optional, text up to 5,000 characters. */
export function needsPartSchema(part: NeedsPart) {
  const shape: Record<string, z.ZodType> = {};
  for (const field of needsParts[part] as readonly NeedsField[]) {
    shape[field.name] =
      field.type === "text"
        ? z.string().trim().max(5000, "validation:carerNeeds.tooLong").optional().transform((v) => v ?? "")
        : z
            .enum(optionSets[field.options] as unknown as [string, ...string[]], { error: "validation:carerNeeds.choose" })
            .optional()
            .transform((v) => v ?? "");
  }
  return z.object(shape).transform((v) => v as Record<string, string>);
}


/** Asking for a carer's assessment: who it is about, how to reach the carer, and whether they want an advocate (CR-06, CR-08). */
export const assessmentRequestSchema = z.object({
  serviceUserId: z.uuid({ error: "validation:assessment.person" }),
  contactBy: z.enum(contactMethods, { error: "validation:assessment.contactBy" }),
  bestTime: z.string().trim().max(500, "validation:assessment.bestTimeTooLong").optional().transform((v) => v ?? ""),
  wantsAdvocate: z.enum(["yes", "no"], { error: "validation:assessment.advocate" }).transform((v) => v === "yes"),
});

export const assessmentStatusSchema = z.object({
  // A hidden field: only a changed page can get it wrong.
  requestId: z.uuid({ error: "validation:generic" }),
  status: z.enum(["received", "in_progress", "completed"], { error: "validation:assessment.status" }),
  note: z.string().trim().max(2000, "validation:assessment.noteTooLong").optional().transform((v) => v ?? ""),
});

/** A child or other dependant: a first name or initials is enough. */
export const dependantSchema = z.object({
  name: z.string({ error: "validation:dependant.name" }).trim().min(1, "validation:dependant.name").max(100, "validation:dependant.nameTooLong"),
  age: z
    .string()
    .trim()
    .optional()
    .transform((v, ctx) => {
      if (!v) return null;
      if (!/^\d{1,3}$/.test(v) || Number(v) > 120) {
        ctx.addIssue({ code: "custom", message: "validation:dependant.age" });
        return z.NEVER;
      }
      return Number(v);
    }),
  livesWithMe: z.enum(["yes", "no"], { error: "validation:dependant.livesWithMe" }).transform((v) => v === "yes"),
  whoLooksAfter: z.string().trim().max(1000, "validation:dependant.whoTooLong").optional().transform((v) => v ?? ""),
});

export const youngCarerSchema = z.object({
  answer: z.enum(["yes", "no", "not_sure"], { error: "validation:youngCarer.answer" }),
});

/** The person lets their advocate or attorney fill in forms for them, or stops it. */
export const actingConsentSchema = z.object({
  act: z.enum(["yes", "no"], { error: "validation:acting.choose" }),
});

/** "Stop sharing everything": one button, nothing to choose (its version is checked on its own). */
export const stopSharingSchema = z.object({ intent: z.literal("stop", { error: "validation:generic" }) });

/**
 * Staff record acting on behalf without the person's agreement: who, on what legal basis, for
 * which decision, and until when. An end date is required: it is never open-ended.
 */
export function actingOnBehalfSchema(today: () => Date = () => new Date()) {
  return z.object({
    relationshipId: z.string({ error: "validation:acting.who" }).uuid("validation:acting.who"),
    basis: z.enum(["best_interests", "lasting_power_of_attorney"], { error: "validation:acting.basis" }),
    decision: z
      .string({ error: "validation:acting.decision" })
      .trim()
      .min(1, "validation:acting.decision")
      .max(500, "validation:acting.decisionTooLong"),
    endsOn: dateInput({ optional: false, notInPast: true, messages: "acting.endsOn", today }),
  });
}
