import { z } from "zod";
import { grantBases, scopes } from "~/models/vocabulary/relationships";

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

export const inviteSupporterSchema = z.object({
  serviceUserId: z.uuid({ error: "validation:serviceUser.required" }),
  displayName: displayNameField,
  email: emailField,
  scopes: z.array(z.enum(scopes, { error: "validation:sharing.scopes" })).default([]),
  basis: z.enum(grantBases, { error: "validation:basis.required" }),
});
