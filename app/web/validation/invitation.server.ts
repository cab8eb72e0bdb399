import { z } from "zod";
import { shareableScopes, staffGrantBases } from "~/models/vocabulary/relationships";

export const displayNameField = z
  .string({ error: "validation:name.required" })
  .trim()
  .min(1, "validation:name.required")
  .max(100, "validation:name.tooLong");
export const emailField = z
  .string({ error: "validation:email.required" })
  .trim()
  .min(1, "validation:email.required")
  .max(254, "validation:email.tooLong")
  .pipe(z.email({ error: "validation:email.invalid" }));

export const inviteServiceUserSchema = z.object({
  displayName: displayNameField,
  email: emailField,
  planLevel: z.enum(["cpa", "lpc"], { error: "validation:planLevel.required" }),
});

/**
 * Staff inviting a carer or advocate. They may share for the person only what the person could
 * share themselves, and only on a legal basis (never "the person agreed": the person shares that
 * themselves, once they have an account). With nothing ticked, no basis is needed.
 */
export const inviteSupporterSchema = z
  .object({
    serviceUserId: z.uuid({ error: "validation:serviceUser.required" }),
    displayName: displayNameField,
    email: emailField,
    scopes: z.array(z.enum(shareableScopes, { error: "validation:sharing.scopes" })).default([]),
    basis: z.enum(staffGrantBases, { error: "validation:basis.required" }).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.scopes.length && !v.basis) ctx.addIssue({ code: "custom", path: ["basis"], message: "validation:basis.required" });
  })
  .transform((v) => ({ ...v, basis: v.scopes.length ? (v.basis ?? null) : null }));
