import { z } from "zod";
import { advocateContactMethods, advocateReferrers, advocateRequestKinds, legalStatuses, type AdvocateReferrer } from "~/models/advocacy";
import { formatDeliveries, formatDocuments, interpreterGenders, interpreterModes, interpreterNeeds, languageCodes, requestFormats } from "~/models/vocabulary/communication";
import { dateInput } from "./plan.server";
import { westernDigits } from "~/web/forms.server";
import { evenWithOtherErrors } from "./parse.server";

/**
 * Asking for an interpreter for one appointment. The appointment must be in the future: date
 * and time together, in UK time as the person typed them.
 */
export function interpreterRequestSchema(now: () => Date = () => new Date()) {
  return z
    .object({
      need: z.enum(interpreterNeeds, { error: "validation:interpreter.need" }),
      language: z.string().trim().optional().transform((v) => v ?? ""),
      mode: z.enum(interpreterModes, { error: "validation:interpreter.mode" }),
      gender: z
        .enum(interpreterGenders, { error: "validation:interpreter.gender" })
        .optional()
        .transform((v) => v ?? null),
      dialect: z.string().trim().max(200, "validation:interpreter.dialectTooLong").optional().transform((v) => v ?? ""),
      notSomeoneIKnow: z
        .string()
        .optional()
        .transform((v) => v === "yes"),
      appointment: z
        .string({ error: "validation:interpreter.appointment" })
        .trim()
        .min(1, "validation:interpreter.appointment")
        .max(500, "validation:interpreter.appointmentTooLong"),
      appointmentOn: dateInput({ optional: false, notInPast: true, messages: "interpreter.date", today: now }),
      appointmentTime: z
        .string({ error: "validation:interpreter.time" })
        .trim()
        .transform(westernDigits)
        .pipe(z.string({ error: "validation:interpreter.time" }).regex(/^([01]?\d|2[0-3])[:.][0-5]\d$/, "validation:interpreter.time")),
    })
    // Runs even when other answers have errors, so every problem shows at once (issue 12). Any
    // answer here may be one that did not parse: each is checked before it is used.
    .superRefine((v, ctx) => {
      const language = typeof v.language === "string" ? v.language : "";
      if (v.need === "spoken" && !language) {
        ctx.addIssue({ code: "custom", path: ["language"], message: "validation:interpreter.language" });
      } else if (v.need === "spoken" && !languageCodes.includes(language)) {
        ctx.addIssue({ code: "custom", path: ["language"], message: "validation:interpreter.unknownLanguage" });
      }
      const on = typeof v.appointmentOn === "string" ? v.appointmentOn : null;
      const time = typeof v.appointmentTime === "string" ? v.appointmentTime : "";
      if (on && /^([01]?\d|2[0-3])[:.][0-5]\d$/.test(time) && toInstant(on, time) <= now()) {
        ctx.addIssue({ code: "custom", path: ["appointmentTime"], message: "validation:interpreter.past" });
      }
    }, evenWithOtherErrors)
    .transform((v) => ({
      need: v.need,
      language: v.need === "spoken" ? v.language : null,
      mode: v.mode,
      gender: v.gender,
      dialect: v.dialect,
      notSomeoneIKnow: v.notSomeoneIKnow,
      appointment: v.appointment,
      appointmentAt: toInstant(v.appointmentOn!, v.appointmentTime),
    }));
}

/** A UK wall-clock date and time as an instant (Europe/London, so summer time is right). */
export function toInstant(isoDate: string, time: string): Date {
  const [h, m] = time.split(/[:.]/).map(Number);
  const guess = new Date(`${isoDate}T${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}:00Z`);
  const london = new Date(guess.toLocaleString("en-US", { timeZone: "Europe/London" }));
  const utc = new Date(guess.toLocaleString("en-US", { timeZone: "UTC" }));
  return new Date(guess.getTime() - (london.getTime() - utc.getTime()));
}

export const requestStatusSchema = z
  .object({
    status: z.enum(["seen", "booked", "not_arranged"], { error: "validation:requestStatus.status" }),
    note: z.string().trim().max(2000, "validation:requestStatus.noteTooLong").optional().transform((v) => v ?? ""),
  })
  .superRefine((v, ctx) => {
    if ((v.status === "booked" || v.status === "not_arranged") && !v.note) {
      ctx.addIssue({ code: "custom", path: ["note"], message: `validation:requestStatus.note.${v.status}` });
    }
  }, evenWithOtherErrors);

const yesNo = z.enum(["yes", "no"], { error: "validation:advocateRequest.yesNo" });

/**
 * Asking for an advocate (AD-02): who is asking, which kind (or not sure), what it is about, any
 * legal status the person wants to share, communication needs, a safe way to get in touch, and
 * consent to share the request with the advocacy service. "Who is asking" is only asked of
 * someone asking for another person; the person asking for themselves is "self".
 */
export function advocateRequestSchema(own: boolean) {
  const questions = {
    kind: z.enum(advocateRequestKinds, { error: "validation:advocateRequest.kind" }),
    about: z
      .string({ error: "validation:advocateRequest.about" })
      .trim()
      .min(1, "validation:advocateRequest.about")
      .max(2000, "validation:advocateRequest.aboutTooLong"),
    legalStatus: z
      .enum(legalStatuses, { error: "validation:advocateRequest.legalStatus" })
      .optional()
      .transform((v) => v ?? null),
    // Not answered stays not answered (null): it is never read as a "no".
    shareCommunication: yesNo.optional().transform((v) => (v === undefined ? null : v === "yes")),
    communicationOther: z.string().trim().max(2000, "validation:advocateRequest.communicationTooLong").optional().transform((v) => v ?? ""),
    contactMethod: z.enum(advocateContactMethods, { error: "validation:advocateRequest.contactMethod" }),
    contactDetails: z
      .string({ error: "validation:advocateRequest.contactDetails" })
      .trim()
      .min(1, "validation:advocateRequest.contactDetails")
      .max(500, "validation:advocateRequest.contactDetailsTooLong"),
    contactTimes: z.string().trim().max(500, "validation:advocateRequest.contactTimesTooLong").optional().transform((v) => v ?? ""),
    leaveMessage: yesNo.optional().transform((v) => (v === undefined ? null : v === "yes")),
    consent: z.literal("yes", { error: own ? "validation:advocateRequest.consentOwn" : "validation:advocateRequest.consentOther" }),
  };
  // The person asking for themselves is never asked who is asking: whatever is posted, it is "self".
  // Asking for someone else, it is the first question on the page.
  const asked = own
    ? z.object(questions).transform((v) => ({ ...v, referrer: "self" as AdvocateReferrer }))
    : z
        .object({ referrer: z.enum(advocateReferrers, { error: "validation:advocateRequest.referrer" }), ...questions })
        .transform((v) => ({ ...v, referrer: v.referrer as AdvocateReferrer }));
  return asked.transform(({ consent, ...v }) => ({ ...v, consent: consent === "yes" }));
}

/**
 * A document in another format (AD-11): which one, which format, and how it should reach the
 * person. A translation needs the language (for someone whose language the portal is not in).
 */
export const formatRequestSchema = z
  .object({
    document: z.enum(formatDocuments, { error: "validation:formatRequest.document" }),
    format: z.enum(requestFormats, { error: "validation:formatRequest.format" }),
    attachmentFormat: z.string().trim().max(200, "validation:formatRequest.attachmentTooLong").optional().transform((v) => v ?? ""),
    language: z.string().trim().optional().transform((v) => v ?? ""),
    delivery: z.enum(formatDeliveries, { error: "validation:formatRequest.delivery" }),
  })
  .superRefine((v, ctx) => {
    if (v.format === "attachment" && !v.attachmentFormat) {
      ctx.addIssue({ code: "custom", path: ["attachmentFormat"], message: "validation:formatRequest.attachment" });
    }
    if (v.format === "translated") {
      const language = typeof v.language === "string" ? v.language : "";
      if (!language) ctx.addIssue({ code: "custom", path: ["language"], message: "validation:formatRequest.language" });
      else if (!languageCodes.includes(language)) ctx.addIssue({ code: "custom", path: ["language"], message: "validation:formatRequest.unknownLanguage" });
    }
  }, evenWithOtherErrors)
  .transform((v) => ({
    ...v,
    attachmentFormat: v.format === "attachment" ? v.attachmentFormat : "",
    language: v.format === "translated" ? v.language : "",
  }));

/** Sharing communication needs with other services needs the person's clear yes. */
export const shareNeedsSchema = z.object({
  consent: z.literal("yes", { error: "validation:shareNeeds.consent" }),
});
