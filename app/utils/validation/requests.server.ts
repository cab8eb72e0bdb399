import { z } from "zod";
import { interpreterGenders, interpreterModes, interpreterNeeds, languageCodes } from "~/models/communication-vocabulary";
import { dateInput } from "./plan.server";

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
        .transform((v) => v ?? "no_preference"),
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
        .regex(/^([01]?\d|2[0-3])[:.][0-5]\d$/, "validation:interpreter.time"),
    })
    .superRefine((v, ctx) => {
      if (v.need === "spoken" && !v.language) {
        ctx.addIssue({ code: "custom", path: ["language"], message: "validation:interpreter.language" });
      } else if (v.need === "spoken" && !languageCodes.includes(v.language)) {
        ctx.addIssue({ code: "custom", path: ["language"], message: "validation:interpreter.unknownLanguage" });
      }
      if (v.appointmentOn && /^([01]?\d|2[0-3])[:.][0-5]\d$/.test(v.appointmentTime) && toInstant(v.appointmentOn, v.appointmentTime) <= now()) {
        ctx.addIssue({ code: "custom", path: ["appointmentTime"], message: "validation:interpreter.past" });
      }
    })
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
  });
