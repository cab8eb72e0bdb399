import { z } from "zod";
import { isCommonPassword } from "~/utils/passwords.server";
import { newPasswordSchema } from "./auth.server";
import { emailField } from "./invitation.server";
import { dateInput } from "./plan.server";

/** "I look after someone" (decision 060): the carer's own name and email; nothing about the person they look after. */
export const carerSignUpSchema = z.object({
  displayName: z
    .string({ error: "validation:carerSignUp.name" })
    .trim()
    .min(1, "validation:carerSignUp.name")
    .max(100, "validation:name.tooLong"),
  email: emailField,
});

/** The last step: the same answers, carried, and a new password as every other new password (not a common one). */
export const carerSignUpPasswordSchema = carerSignUpSchema.extend(newPasswordSchema.shape).refine((v) => !isCommonPassword(v.password), {
  path: ["password"],
  message: "validation:newPassword.common",
});

/** Telling the team about someone by name, from a carer no one has linked yet. */
export function carerNoteSchema(today?: () => Date) {
  return z.object({
    personName: z
      .string({ error: "validation:carerNote.personName" })
      .trim()
      .min(1, "validation:carerNote.personName")
      .max(200, "validation:carerNote.tooLong200"),
    personBirthDate: dateInput({ optional: true, notInFuture: true, messages: "carerNote.birthDate", today }),
    personDetails: z.string().trim().max(1000, "validation:carerNote.tooLong1000").optional().transform((v) => v ?? ""),
    body: z
      .string({ error: "validation:carerMessage.required" })
      .trim()
      .min(1, "validation:carerMessage.required")
      .max(5000, "validation:carerMessage.tooLong"),
  });
}

/** Staff look for the person on their caseload by name. */
export const carerLinkSchema = z.object({ serviceUserId: z.uuid({ error: "validation:serviceUser.required" }) });
