import { z } from "zod";
import { advanceParts, attorneyKindChoices, consultScopes, lifeSustainingChoices, yesNo } from "~/models/vocabulary/decisions";
import { dateInput } from "./plan.server";

const k = (key: string) => `validation:decisions.${key}`;

const required = (max: number, missing: string) =>
  z
    .string({ error: k(missing) })
    .trim()
    .min(1, k(missing))
    .max(max, k(`tooLong${max}`));

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, k(`tooLong${max}`))
    .optional()
    .transform((v) => v ?? "");

/** My wishes, feelings, beliefs and values: the person's own words (MC-03). */
export const wishesSchema = z.object({ body: required(5000, "wishes.required") });

/** An advance statement: four optional parts, at least one filled in (MC-07). */
export const advanceStatementSchema = z
  .object(Object.fromEntries(advanceParts.map((p) => [p, optionalText(3000)])) as Record<(typeof advanceParts)[number], ReturnType<typeof optionalText>>)
  .superRefine((v, ctx) => {
    if (advanceParts.every((p) => !v[p])) ctx.addIssue({ code: "custom", path: ["wanted"], message: k("advance.empty") });
  });

/** Staff: whether an advance decision to refuse treatment exists, where it is kept, when they saw it. */
export function advanceDecisionSchema(today?: () => Date) {
  return z
    .object({
      exists: z.enum(yesNo, { error: k("adrt.exists") }),
      whereKept: optionalText(500),
      seenOn: dateInput({ optional: true, notInFuture: true, messages: "decisions.seenOn", today }),
    })
    .superRefine((v, ctx) => {
      if (v.exists === "yes" && !v.whereKept) ctx.addIssue({ code: "custom", path: ["whereKept"], message: k("adrt.whereKept") });
    })
    .transform((v) => ({ exists: v.exists === "yes", whereKept: v.exists === "yes" ? v.whereKept : "", seenOn: v.exists === "yes" ? v.seenOn : null }));
}

/** Someone to consult about me, and about which decisions (MCA s4(7)). */
export const consulteeSchema = z
  .object({
    name: required(200, "consultee.name"),
    relationship: required(200, "consultee.relationship"),
    contact: optionalText(200),
    scopes: z
      .array(z.enum(consultScopes, { error: k("consultee.scope") }))
      .optional()
      .transform((v) => v ?? []),
    scopeOther: optionalText(500),
  })
  .superRefine((v, ctx) => {
    if (!v.scopes.length && !v.scopeOther) ctx.addIssue({ code: "custom", path: ["scopes"], message: k("consultee.scopeRequired") });
  });

/** A health and welfare Lasting Power of Attorney or a deputy (MC-05). */
export const attorneySchema = z.object({
  kind: z.enum(attorneyKindChoices, { error: k("attorney.kind") }),
  names: required(500, "attorney.names"),
  covers: optionalText(2000),
  lifeSustaining: z.enum(lifeSustainingChoices, { error: k("attorney.lifeSustaining") }),
  opgReference: optionalText(50),
});

/** Staff: the date they checked the registration with the Office of the Public Guardian. */
export function attorneyRegisteredSchema(today?: () => Date) {
  return z.object({ checkedOn: dateInput({ optional: false, notInFuture: true, messages: "decisions.checkedOn", today }) }).transform((v) => ({ checkedOn: v.checkedOn! }));
}

/** A nominated person (MC-08). Both fields empty takes the nomination away. */
export const nominatedPersonSchema = z
  .object({ name: optionalText(200), contact: optionalText(200) })
  .superRefine((v, ctx) => {
    if (!v.name && v.contact) ctx.addIssue({ code: "custom", path: ["name"], message: k("nominated.name") });
  })
  .transform((v) => (v.name ? { name: v.name, contact: v.contact } : null));

/** Staff: one decision made in the person's best interests, at one time (MC-01, MC-06). */
export function bestInterestsSchema(today?: () => Date) {
  return z
    .object({
      decision: required(500, "bestInterests.decision"),
      decidedOn: dateInput({ optional: false, notInFuture: true, messages: "decisions.decidedOn", today }),
      oneDecision: z.literal("yes", { error: k("bestInterests.oneDecision") }),
      consulted: required(2000, "bestInterests.consulted"),
      lessRestrictive: required(2000, "bestInterests.lessRestrictive"),
      outcome: required(2000, "bestInterests.outcome"),
    })
    .transform(({ oneDecision: _oneDecision, decidedOn, ...v }) => ({ ...v, decidedOn: decidedOn! }));
}
