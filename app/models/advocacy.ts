/**
 * Which advocate might help: the AD-01 rules as a pure function, so the outcome can be tested.
 * It only ever suggests. "Not sure" never closes a door: it always leads to asking.
 */
export const mhaStatuses = ["detained", "cto", "guardianship", "conditional", "short_hold", "s57", "none", "not_sure"] as const;
export type MhaStatus = (typeof mhaStatuses)[number];
export const answers3 = ["yes", "no", "not_sure"] as const;
export type Answer3 = (typeof answers3)[number];

export interface EligibilityAnswers {
  /** Mental Health Act status, if any. */
  mha: MhaStatus;
  /** A decision about serious medical treatment or a long-term move, which the person cannot make themselves. */
  seriousDecision: Answer3;
  /** Is there family or a friend who can help with that decision or with care planning? */
  someoneToHelp: Answer3;
  /** Substantial difficulty understanding, remembering, weighing up information or saying what they want. */
  substantialDifficulty: Answer3;
  /** Aged 16 or over. */
  over16: Answer3;
}

export type AdvocateKind = "imha" | "imca" | "care_act" | "community";

export interface Suggestion {
  kind: AdvocateKind;
  /** "likely" when the rules say so; "maybe" when an answer was "not sure". */
  strength: "likely" | "maybe";
}

const mhaLikely: MhaStatus[] = ["detained", "cto", "guardianship", "conditional", "s57"];

export function suggestAdvocates(a: EligibilityAnswers): Suggestion[] {
  const out: Suggestion[] = [];
  // IMHA: detained (not only a short hold), CTO, guardianship, conditional discharge, or s57 treatment.
  if (mhaLikely.includes(a.mha)) out.push({ kind: "imha", strength: "likely" });
  else if (a.mha === "not_sure") out.push({ kind: "imha", strength: "maybe" });
  const noOne = a.someoneToHelp === "no";
  const noOneMaybe = a.someoneToHelp === "not_sure";
  // IMCA: 16 or over, lacks capacity for serious treatment or a long-term move, and no one appropriate to consult.
  if (a.seriousDecision !== "no" && a.over16 !== "no" && (noOne || noOneMaybe)) {
    const sure = a.seriousDecision === "yes" && a.over16 === "yes" && noOne;
    out.push({ kind: "imca", strength: sure ? "likely" : "maybe" });
  }
  // Care Act advocate: substantial difficulty, and no appropriate person.
  if (a.substantialDifficulty !== "no" && (noOne || noOneMaybe)) {
    const sure = a.substantialDifficulty === "yes" && noOne;
    out.push({ kind: "care_act", strength: sure ? "likely" : "maybe" });
  }
  // Community advocacy is open to anyone: always offered, so the answer is never "no".
  out.push({ kind: "community", strength: out.length ? "maybe" : "likely" });
  return out;
}

/** What someone can ask for on the request form: one of the four kinds, or "not sure" (AD-02). */
export const advocateRequestKinds = ["imha", "imca", "care_act", "community", "not_sure"] as const;
export type AdvocateRequestKind = (typeof advocateRequestKinds)[number];

/**
 * Who is asking, when it is not the person. The nearest relative or nominated person, an AMHP
 * and the responsible clinician can refer for an IMHA, and the service must respond (AD-03).
 */
export const advocateReferrers = ["advocate", "care_team", "amhp", "responsible_clinician", "nearest_relative", "nominated_person", "other"] as const;
export type AdvocateReferrer = (typeof advocateReferrers)[number] | "self";

/** Legal status the person may choose to share: the guide's list, or "I would rather not say". */
export const legalStatuses = [...mhaStatuses, "prefer_not"] as const;
export type LegalStatus = (typeof legalStatuses)[number];

/** How the advocacy service may safely get in touch. */
export const advocateContactMethods = ["phone", "text", "email", "letter", "via_someone"] as const;
export type AdvocateContactMethod = (typeof advocateContactMethods)[number];
