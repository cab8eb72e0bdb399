import { z } from "zod";

const optionalText = (max: number, key: string) =>
  z
    .string()
    .trim()
    .max(max, `validation:${key}.tooLong`)
    .optional()
    .transform((v) => v ?? "");

/**
 * GOV.UK date input: day, month and year as text. All empty means "no date" (when optional).
 * Returns an ISO date (yyyy-mm-dd).
 */
export function dateInput(options: { optional: boolean; notInPast?: boolean; messages: string; today?: () => Date }) {
  const part = z.string().trim().optional().transform((v) => v ?? "");
  return z
    .object({ day: part, month: part, year: part })
    .optional()
    .transform((value, ctx) => {
      const { day = "", month = "", year = "" } = value ?? {};
      if (!day && !month && !year) {
        if (options.optional) return null;
        ctx.addIssue({ code: "custom", message: `validation:${options.messages}.required` });
        return z.NEVER;
      }
      if (!day || !month || !year) {
        ctx.addIssue({ code: "custom", message: `validation:${options.messages}.incomplete` });
        return z.NEVER;
      }
      if (![day, month, year].every((p) => /^\d+$/.test(p)) || year.length !== 4) {
        ctx.addIssue({ code: "custom", message: `validation:${options.messages}.real` });
        return z.NEVER;
      }
      const d = Number(day);
      const m = Number(month);
      const y = Number(year);
      const date = new Date(Date.UTC(y, m - 1, d));
      if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
        ctx.addIssue({ code: "custom", message: `validation:${options.messages}.real` });
        return z.NEVER;
      }
      const iso = date.toISOString().slice(0, 10);
      const today = (options.today?.() ?? new Date()).toISOString().slice(0, 10);
      if (options.notInPast && iso < today) {
        ctx.addIssue({ code: "custom", message: `validation:${options.messages}.past` });
        return z.NEVER;
      }
      return iso;
    });
}

export const goalSchema = z.object({
  what: z
    .string({ error: "validation:goal.what.required" })
    .trim()
    .min(1, "validation:goal.what.required")
    .max(500, "validation:goal.what.tooLong"),
  why: optionalText(2000, "goal.why"),
  firstStep: optionalText(500, "goal.firstStep"),
  whoCanHelp: optionalText(500, "goal.whoCanHelp"),
  targetDate: dateInput({ optional: true, notInPast: true, messages: "goal.targetDate" }),
});

export const progressSchema = z.object({
  rating: z
    .string({ error: "validation:progress.rating.required" })
    .trim()
    .min(1, "validation:progress.rating.required")
    .regex(/^\d{1,2}$/, "validation:progress.rating.number")
    .transform(Number)
    .pipe(z.number().max(10, "validation:progress.rating.range")),
  note: optionalText(1000, "progress.note"),
});

export const goalStatusSchema = z.object({
  status: z.enum(["active", "done", "paused"], { error: "validation:goal.status.required" }),
});

export const recoverySchema = z.object({
  body: z
    .string({ error: "validation:recovery.required" })
    .trim()
    .min(1, "validation:recovery.required")
    .max(5000, "validation:recovery.tooLong"),
});

const planText = z
  .string()
  .trim()
  .max(5000, "validation:planSection.tooLong")
  .optional()
  .transform((v) => v ?? "");

export const crisisSchema = z.object({
  earlyWarningSigns: planText,
  whatHelps: planText,
  whatHasNotHelped: planText,
  mostResponsiveTo: planText,
  howToReachThem: planText,
  dayContact: planText,
  nightContact: planText,
  treatmentPreferences: planText,
  treatmentRefusals: planText,
  dependants: planText,
  ifSupportFails: planText,
});

export const needsSchema = z.object({
  mentalHealth: planText,
  physicalHealth: planText,
  socialCare: planText,
  risks: planText,
  strengths: planText,
});

export const wishesSchema = z.object({
  advanceStatement: planText,
  advanceDecisionExists: z
    .enum(["yes", "no"], { error: "validation:planSection.advanceDecision" })
    .transform((v) => v === "yes"),
});
