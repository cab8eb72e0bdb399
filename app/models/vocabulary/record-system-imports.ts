/**
 * The words of an import from the trust's record system (decision 064), shared by the model and the
 * admin page. Not in the .server model: the page renders them in the browser too, where a .server
 * module is empty (its values undefined, so the page did not hydrate).
 */
export type ImportDoor = "api" | "command";
export const importOutcomes = ["changed", "unchanged", "refused", "failed"] as const;
export type ImportOutcome = (typeof importOutcomes)[number];
/** The issue codes an import can give (fhir-import.server.ts); the page has words for each. */
export const importProblemCodes = ["structure", "required", "invalid", "not-supported", "not-found", "too-costly", "exception"] as const;

/** How many imports the page lists, newest first. */
export const IMPORTS_SHOWN = 50;
