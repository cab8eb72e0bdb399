/**
 * "How I am doing" (CP-14): the eleven areas of the DIALOG scale, in its order, and its seven points.
 * Constants only (safe for the browser); the words for each are in locales/<lng>/plan.json.
 */
export const dialogAreas = [
  "mentalHealth",
  "physicalHealth",
  "job",
  "accommodation",
  "leisure",
  "partnerFamily",
  "friendships",
  "safety",
  "medication",
  "practicalHelp",
  "meetings",
] as const;
export type DialogArea = (typeof dialogAreas)[number];

/** 1 totally dissatisfied … 7 totally satisfied. */
export const dialogPoints = [1, 2, 3, 4, 5, 6, 7] as const;
export const DIALOG_MIN = 1;
export const DIALOG_MAX = 7;
