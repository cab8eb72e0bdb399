/**
 * "My needs as a carer", in parts (Care Act 2014 s10 and the carer eligibility outcomes,
 * CR-06 and CR-07). Constants only, shared by the pages and the server's validation.
 * Every question is optional: a tired carer can save what they have and come back.
 */

export const optionSets = {
  yesNo: ["yes", "no"],
  yesNoNotSure: ["yes", "no", "not_sure"],
  hours: ["under_20", "20_to_34", "35_to_49", "50_or_more"],
  ableWilling: ["yes", "yes_with_help", "no", "not_sure"],
  difficulty: ["none", "some", "unable", "distress", "danger", "not_relevant"],
} as const;
export type OptionSet = keyof typeof optionSets;

export type NeedsField = { name: string; type: "text" } | { name: string; type: "choice"; options: OptionSet };

const text = (name: string): NeedsField => ({ name, type: "text" });
const choice = (name: string, options: OptionSet): NeedsField => ({ name, type: "choice", options });

/** The carer eligibility outcomes (CR-07): each asks how hard it is because of caring. */
export const eligibilityOutcomes = [
  "childCare",
  "otherCaring",
  "home",
  "food",
  "relationships",
  "work",
  "community",
  "recreation",
  "health",
] as const;

export const needsParts = {
  caring: [text("whatIDo"), choice("hours", "hours"), choice("liveTogether", "yesNo")],
  health: [text("myHealth"), choice("gettingWorse", "yesNoNotSure")],
  ableAndWilling: [choice("able", "ableWilling"), choice("willing", "ableWilling"), text("future")],
  workAndLearning: [text("now"), text("wantTo")],
  relationships: [text("family"), text("social")],
  breaks: [text("breaks")],
  contingency: [text("ifICannot")],
  othersICareFor: [text("children"), text("others"), choice("youngCarer", "yesNoNotSure")],
  dayToDay: eligibilityOutcomes.map((o) => choice(o, "difficulty")),
  outcomes: [text("wanted"), choice("supportWouldHelp", "yesNoNotSure"), text("involve")],
} as const satisfies Record<string, readonly NeedsField[]>;

export type NeedsPart = keyof typeof needsParts;
export const needsPartNames = Object.keys(needsParts) as NeedsPart[];

export function isNeedsPart(value: string | undefined): value is NeedsPart {
  return !!value && (needsPartNames as string[]).includes(value);
}

/** How a carer would like to be contacted about their assessment. */
export const contactMethods = ["phone", "email", "letter", "text"] as const;

/** Where a part of the task list has got to (AX-13, the GOV.UK task list statuses). */
export type PartStatus = "notStarted" | "inProgress" | "completed";

/**
 * A part nobody has answered is not started; a part with some questions answered is in progress;
 * it is completed only when every question in it has an answer. Saving half a part never shows it as done.
 */
export function needsPartStatus(part: NeedsPart, answers: Record<string, string> | undefined): PartStatus {
  const fields = needsParts[part] as readonly NeedsField[];
  const answered = fields.filter((f) => (answers?.[f.name] ?? "").trim() !== "").length;
  if (answered === 0) return "notStarted";
  return answered === fields.length ? "completed" : "inProgress";
}
