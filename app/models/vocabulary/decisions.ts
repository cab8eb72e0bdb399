/**
 * Choices on the "decisions about me" pages. Constants only: shared by the pages and the
 * server's validation (never import a .server module into a page for these).
 */

/** Which decisions a person to consult should be asked about (MCA s4(7)). */
export const consultScopes = ["treatment", "where_i_live", "care", "money", "everything"] as const;
export type ConsultScope = (typeof consultScopes)[number];

/** A health and welfare Lasting Power of Attorney, or a deputy appointed by the Court of Protection. */
export const attorneyKindChoices = ["lpa", "deputy"] as const;
export type AttorneyKind = (typeof attorneyKindChoices)[number];

export const lifeSustainingChoices = ["yes", "no", "not_sure"] as const;
export type LifeSustaining = (typeof lifeSustainingChoices)[number];

/** The parts of an advance statement, in the order the form asks them. */
export const advanceParts = ["wanted", "notWanted", "contact", "practical"] as const;
export type AdvancePart = (typeof advanceParts)[number];

export const yesNo = ["yes", "no"] as const;
