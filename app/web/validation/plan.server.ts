import { z } from "zod";
import { messageWith, westernDigits } from "~/web/forms.server";
import { careTeamAgencyChoices } from "~/models/vocabulary/plan-sections";

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
export function dateInput(options: {
  optional: boolean;
  notInPast?: boolean;
  notInFuture?: boolean;
  /** A date already saved: keeping it is allowed even if it is now in the past. */
  keep?: string | null;
  messages: string;
  today?: () => Date;
}) {
  const part = z
    .string()
    .trim()
    .optional()
    .transform((v) => westernDigits(v ?? ""));
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
      if (options.notInPast && iso < today && iso !== options.keep) {
        ctx.addIssue({ code: "custom", message: `validation:${options.messages}.past` });
        return z.NEVER;
      }
      if (options.notInFuture && iso > today) {
        ctx.addIssue({ code: "custom", message: `validation:${options.messages}.future` });
        return z.NEVER;
      }
      return iso;
    });
}

export const goalSchema = goalSchemaKeeping(null);

/** The goal form; when changing a goal, its saved target date may stay even once it has passed. */
export function goalSchemaKeeping(savedTargetDate: string | null) {
  return z.object({
    what: z
      .string({ error: "validation:goal.what.required" })
      .trim()
      .min(1, "validation:goal.what.required")
      .max(500, "validation:goal.what.tooLong"),
    why: optionalText(2000, "goal.why"),
    firstStep: optionalText(500, "goal.firstStep"),
    whoCanHelp: optionalText(500, "goal.whoCanHelp"),
    targetDate: dateInput({ optional: true, notInPast: true, keep: savedTargetDate, messages: "goal.targetDate" }),
  });
}

export const progressSchema = z.object({
  rating: z
    .string({ error: "validation:progress.rating.required" })
    .trim()
    .transform(westernDigits)
    .pipe(
      z
        .string({ error: "validation:progress.rating.required" })
        .min(1, "validation:progress.rating.required")
        .regex(/^\d{1,2}$/, "validation:progress.rating.number"),
    )
    .transform(Number)
    .pipe(z.number({ error: "validation:progress.rating.number" }).max(10, "validation:progress.rating.range")),
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

/** The plan's advance statement part. Whether there is an ADRT is recorded on "decisions about me". */
export const wishesSchema = z.object({
  advanceStatement: planText,
});

export const reviewSchema = z
  .object({
    heldOn: dateInput({ optional: false, notInFuture: true, messages: "review.heldOn" }),
    attendees: z
      .string({ error: "validation:review.attendees.required" })
      .trim()
      .min(1, "validation:review.attendees.required")
      .max(1000, "validation:review.attendees.tooLong"),
    summary: z
      .string({ error: "validation:review.summary.required" })
      .trim()
      .min(1, "validation:review.summary.required")
      .max(5000, "validation:review.summary.tooLong"),
    nextReviewOn: dateInput({ optional: false, notInPast: true, messages: "review.nextReviewOn" }),
  })
  .refine((v) => !v.heldOn || !v.nextReviewOn || v.nextReviewOn > v.heldOn, {
    path: ["nextReviewOn"],
    message: "validation:review.nextReviewOn.beforeHeld",
  });

export const versionCommentSchema = z.object({
  agreement: z.enum(["agree", "partly", "disagree"], { error: "validation:versionComment.agreement" }),
  comment: optionalText(2000, "versionComment.comment"),
});

export const suggestGoalSchema = z.object({
  what: z
    .string({ error: "validation:goal.what.requiredSuggestion" })
    .trim()
    .min(1, "validation:goal.what.requiredSuggestion")
    .max(500, "validation:goal.what.tooLong"),
  why: optionalText(2000, "goal.why"),
});

export const respondSchema = z.object({
  response: z.enum(["accept", "decline"], { error: "validation:goal.response.required" }),
  what: optionalText(500, "goal.what"),
});

export const planLevelSchema = z
  .object({
    to: z.enum(["cpa", "lpc"], { error: "validation:planLevel.required" }),
    reason: z
      .string({ error: "validation:planLevel.reason.required" })
      .trim()
      .min(1, "validation:planLevel.reason.required")
      .max(2000, "validation:planLevel.reason.tooLong"),
    effectiveOn: dateInput({ optional: false, messages: "planLevel.effectiveOn" }),
  });

const requiredText = (max: number, key: string) =>
  z
    .string({ error: `validation:${key}.required` })
    .trim()
    .min(1, `validation:${key}.required`)
    .max(max, `validation:${key}.tooLong`);

const supportText = z
  .string()
  .trim()
  .max(500, "validation:support.tooLong")
  .optional()
  .transform((v) => v ?? "");

/** The most lines "how the team will help" can have: more than any plan needs, fewer than would slow the page. */
export const maxSupportLines = 30;

/**
 * "How the team will help": lines of who, what and how often. A line left empty is dropped (that is
 * how staff remove one); a line with anything in it needs who and what.
 */
export const supportSchema = z.object({
  support: z
    .array(
      z
        .object({ who: supportText, what: supportText, howOften: supportText })
        .optional()
        .transform((line) => line ?? { who: "", what: "", howOften: "" }),
    )
    .max(maxSupportLines, "validation:support.tooMany")
    .optional()
    .transform((lines) => lines ?? [])
    .superRefine((lines, ctx) => {
      lines.forEach((line, i) => {
        if (!line.who && !line.what && !line.howOften) return;
        const values = { number: i + 1 };
        if (!line.who) ctx.addIssue({ code: "custom", path: [i, "who"], message: messageWith("validation:support.who", values) });
        if (!line.what) ctx.addIssue({ code: "custom", path: [i, "what"], message: messageWith("validation:support.what", values) });
      });
    })
    .transform((lines) => lines.filter((l) => l.who || l.what || l.howOften)),
});

export const careTeamAgencies = careTeamAgencyChoices;

export const careTeamMemberSchema = z.object({
  name: requiredText(200, "careTeam.name"),
  role: requiredText(200, "careTeam.role"),
  organisation: requiredText(200, "careTeam.organisation"),
  agency: z.enum(careTeamAgencies, { error: "validation:careTeam.agency.required" }),
  contact: requiredText(500, "careTeam.contact"),
  whenToContact: optionalText(500, "careTeam.whenToContact"),
});

export const coordinatorSchema = z.object({
  accountId: z.string({ error: "validation:coordinator.accountId.required" }).trim().min(1, "validation:coordinator.accountId.required"),
  role: requiredText(200, "careTeam.role"),
  organisation: requiredText(200, "careTeam.organisation"),
  contact: requiredText(500, "careTeam.contact"),
  whenToContact: optionalText(500, "careTeam.whenToContact"),
  reason: requiredText(2000, "coordinator.reason"),
  effectiveOn: dateInput({ optional: false, messages: "coordinator.effectiveOn" }),
});

/** The coordinator page's search for staff: part of a name or an email address. */
export const staffSearchSchema = z.object({ staffSearch: requiredText(200, "coordinator.staffSearch") });
