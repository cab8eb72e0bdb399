import { z } from "zod";

// Messages are translation keys, resolved in the person's language when shown.
export const signInSchema = z.object({
  email: z
    .string({ error: "validation:email.required" })
    .trim()
    .min(1, "validation:email.required")
    .max(254, "validation:email.tooLong")
    .pipe(z.email({ error: "validation:email.invalid" })),
  password: z.string({ error: "validation:password.required" }).min(1, "validation:password.required").max(1024, "validation:password.tooLong"),
  redirectTo: z.string().optional(),
});

export const newPasswordSchema = z.object({
  password: z
    .string({ error: "validation:newPassword.required" })
    .min(1, "validation:newPassword.required")
    .min(8, "validation:newPassword.tooShort")
    .max(256, "validation:newPassword.tooLong"),
});

/** The second step of signing in: a code from the app or a recovery code (checked by the model). */
export const secondStepSchema = z.object({
  code: z.string({ error: "auth:secondStep.required" }).trim().min(1, "auth:secondStep.required").max(40, "auth:secondStep.invalid"),
  redirectTo: z.string().optional(),
});

export const recoveryStepSchema = z.object({
  code: z.string({ error: "auth:recoveryStep.required" }).trim().min(1, "auth:recoveryStep.required").max(40, "auth:recoveryStep.invalid"),
  redirectTo: z.string().optional(),
});

export const changePasswordSchema = z.object({
  current: z.string({ error: "validation:password.required" }).min(1, "validation:password.required").max(1024, "validation:password.tooLong"),
  password: newPasswordSchema.shape.password,
});

/** Setting up an app: the sealed key the page showed and the code the app made from it. */
export const enrolSchema = z.object({
  // The sealed key travels in a hidden field: if it is missing or mangled, the key is no longer usable.
  key: z.string({ error: "auth:authenticator.expired" }).min(1, "auth:authenticator.expired").max(200, "auth:authenticator.expired"),
  code: z.string({ error: "auth:authenticator.codeRequired" }).trim().min(1, "auth:authenticator.codeRequired").max(40, "auth:authenticator.invalid"),
});

/** The current password alone, asked again before a change to how someone signs in (NHS login, decision 066). */
export const currentPasswordSchema = changePasswordSchema.pick({ current: true });
