import { z } from "zod";
import { appointmentAsks, appointmentKinds, appointmentModes } from "~/models/vocabulary/appointments";
import { londonParts } from "~/utils/locale-format";
import { westernDigits } from "~/web/forms.server";
import { evenWithOtherErrors } from "./parse.server";
import { dateInput } from "./plan.server";
import { toInstant } from "./requests.server";

const clock = /^([01]?\d|2[0-3])[:.][0-5]\d$/;

/**
 * An appointment or review as staff record or change it: when (a GOV.UK date and a time, UK time),
 * how (in person at a place, video or phone), with whom and what for. It must be in the future.
 */
export function appointmentSchema(now: () => Date = () => new Date()) {
  return z
    .object({
      kind: z.enum(appointmentKinds, { error: "validation:appointment.kind" }),
      startsOn: dateInput({ optional: false, notInPast: true, messages: "appointment.date", today: now }),
      startsTime: z
        .string({ error: "validation:appointment.time" })
        .trim()
        .transform(westernDigits)
        .pipe(z.string({ error: "validation:appointment.time" }).regex(clock, "validation:appointment.time")),
      mode: z.enum(appointmentModes, { error: "validation:appointment.mode" }),
      place: z.string().trim().max(500, "validation:appointment.placeTooLong").optional().transform((v) => v ?? ""),
      withWhom: z.string({ error: "validation:appointment.withWhom" }).trim().min(1, "validation:appointment.withWhom").max(500, "validation:appointment.withWhomTooLong"),
      purpose: z.string({ error: "validation:appointment.purpose" }).trim().min(1, "validation:appointment.purpose").max(2000, "validation:appointment.purposeTooLong"),
    })
    // Every problem at once (issue 12): each answer here may be one that did not parse.
    .superRefine((v, ctx) => {
      if (v.mode === "in_person" && typeof v.place === "string" && !v.place) {
        ctx.addIssue({ code: "custom", path: ["place"], message: "validation:appointment.place" });
      }
      const on = typeof v.startsOn === "string" ? v.startsOn : null;
      const time = typeof v.startsTime === "string" ? v.startsTime : "";
      if (on && clock.test(time) && toInstant(on, time) <= now()) {
        ctx.addIssue({ code: "custom", path: ["startsTime"], message: "validation:appointment.past" });
      }
    }, evenWithOtherErrors)
    .transform((v) => ({
      kind: v.kind,
      startsAt: toInstant(v.startsOn!, v.startsTime),
      mode: v.mode,
      place: v.place,
      withWhom: v.withWhom,
      purpose: v.purpose,
    }));
}

/** Staff cancel an appointment: why, which the person reads. */
export const cancelAppointmentSchema = z.object({
  reason: z.string({ error: "validation:appointment.cancelReason" }).trim().min(1, "validation:appointment.cancelReason").max(2000, "validation:appointment.cancelReasonTooLong"),
});

/** The person asks to change or cancel an appointment, and may say why or what would suit them. */
export const askAppointmentChangeSchema = z.object({
  ask: z.enum(appointmentAsks, { error: "validation:appointment.ask" }),
  reason: z.string().trim().max(2000, "validation:appointment.reasonTooLong").optional().transform((v) => v ?? ""),
});

/** An instant as a form's answers: the GOV.UK date parts and the 24-hour time, on the clocks in England. */
export function dateAndTimeAnswers(iso: string): { date: { day: string; month: string; year: string }; time: string } {
  const p = londonParts(new Date(iso));
  const two = (n: number) => String(n).padStart(2, "0");
  return { date: { day: String(p.day), month: String(p.month), year: String(p.year) }, time: `${two(p.hour)}:${two(p.minute)}` };
}
