import { z } from "zod";
import { grantBases, scopes } from "~/models/vocabulary";

const name = z
  .string({ error: "validation:name.required" })
  .trim()
  .min(1, "validation:name.required")
  .max(100, "validation:name.tooLong");
const email = z
  .string({ error: "validation:email.required" })
  .trim()
  .min(1, "validation:email.required")
  .max(254, "validation:email.tooLong")
  .pipe(z.email({ error: "validation:email.invalid" }));

export const inviteServiceUserSchema = z.object({
  displayName: name,
  email,
  planLevel: z.enum(["cpa", "lpc"], { error: "validation:planLevel.required" }),
});

export const inviteSupporterSchema = z.object({
  serviceUserId: z.uuid({ error: "validation:serviceUser.required" }),
  displayName: name,
  email,
  scopes: z.array(z.enum(scopes)).default([]),
  basis: z.enum(grantBases, { error: "validation:basis.required" }),
});
