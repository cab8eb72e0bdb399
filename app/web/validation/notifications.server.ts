import { z } from "zod";
import { ukMobile } from "~/utils/phone";

/**
 * How someone wants to hear about changes (decision 057). An address is needed only for a channel
 * chosen; a mobile number, when given, must be a UK mobile (it is kept as +447…).
 */
export const notificationSettingsSchema = z
  .object({
    channels: z
      .array(z.enum(["email", "sms"], { error: "validation:notifications.choose" }))
      .optional()
      .transform((v) => v ?? []),
    email: z.string().trim().max(254, "validation:email.tooLong").optional(),
    mobile: z.string().trim().max(40, "validation:notifications.mobileInvalid").optional(),
  })
  .superRefine((value, ctx) => {
    if (value.email && !z.email().safeParse(value.email).success) {
      ctx.addIssue({ code: "custom", path: ["email"], message: "validation:email.invalid" });
    } else if (value.channels.includes("email") && !value.email) {
      ctx.addIssue({ code: "custom", path: ["email"], message: "validation:notifications.emailRequired" });
    }
    if (value.mobile && !ukMobile(value.mobile)) {
      ctx.addIssue({ code: "custom", path: ["mobile"], message: "validation:notifications.mobileInvalid" });
    } else if (value.channels.includes("sms") && !value.mobile) {
      ctx.addIssue({ code: "custom", path: ["mobile"], message: "validation:notifications.mobileRequired" });
    }
  })
  .transform((value) => ({
    email: value.channels.includes("email"),
    sms: value.channels.includes("sms"),
    emailAddress: value.email ? value.email.toLowerCase() : null,
    mobile: value.mobile ? ukMobile(value.mobile) : null,
  }));

/** Staff say they posted a letter to someone who needs letters or large print (decision 057): a tick, as a check. */
export const letterPostedSchema = z
  .object({ posted: z.array(z.string({ error: "validation:notifications.postedRequired" })).optional() })
  .superRefine((value, ctx) => {
    if (!value.posted?.includes("yes")) ctx.addIssue({ code: "custom", path: ["posted"], message: "validation:notifications.postedRequired" });
  });
