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
