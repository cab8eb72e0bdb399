/** The fields of each staff-written plan section, in the order pages show them. */
export const crisisFields = [
  "earlyWarningSigns",
  "whatHelps",
  "whatHasNotHelped",
  "mostResponsiveTo",
  "howToReachThem",
  "dayContact",
  "nightContact",
  "treatmentPreferences",
  "treatmentRefusals",
  "dependants",
  "ifSupportFails",
] as const;

export const needsFields = ["mentalHealth", "physicalHealth", "socialCare", "risks", "strengths"] as const;

/** The kinds of organisation a care team member can work for. */
export const careTeamAgencyChoices = ["nhs", "council", "charity", "other"] as const;
