import { z } from "zod";
import {
  communicationSupport,
  contactMethodsAis,
  informationFormats,
  languageCodes,
  languageModes,
  languageProficiencies,
} from "~/models/vocabulary/communication";
import { messageWith } from "~/web/forms.server";

const choices = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .array(z.enum(values, { error: "validation:communication.choose" }))
    .optional()
    .transform((v) => v ?? []);

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `validation:communication.tooLong${max}`)
    .optional()
    .transform((v) => v ?? "");

/** How many languages the form offers: the main one and one more. */
export const languageRows = 2;

const languageRow = z
  .object({
    code: z.string().trim().optional().transform((v) => v ?? ""),
    modes: choices(languageModes as unknown as [string, ...string[]]),
    interpreterNeeded: z.enum(["yes", "no"], { error: "validation:communication.choose" }).optional(),
    proficiency: z.enum(languageProficiencies, { error: "validation:communication.choose" }).optional(),
  })
  .optional();

/** The Accessible Information Standard record. Nothing is required: no needs is a fine answer. */
export const communicationNeedsSchema = z
  .object({
    contactMethods: choices(contactMethodsAis),
    formats: choices(informationFormats),
    attachmentFormat: optionalText(200),
    support: choices(communicationSupport),
    other: optionalText(2000),
    languages: z.array(languageRow).max(languageRows).optional().transform((v) => v ?? []),
  })
  .superRefine((v, ctx) => {
    v.languages.forEach((row, i) => {
      if (!row) return;
      const number = { number: i + 1 };
      if (row.code && !languageCodes.includes(row.code)) {
        ctx.addIssue({ code: "custom", path: ["languages", i, "code"], message: messageWith("validation:communication.unknownLanguage", number) });
      } else if (!row.code && (row.modes.length || row.interpreterNeeded || row.proficiency)) {
        ctx.addIssue({ code: "custom", path: ["languages", i, "code"], message: messageWith("validation:communication.whichLanguage", number) });
      }
    });
  })
  .transform((v) => {
    const languages = v.languages
      .filter((row): row is NonNullable<typeof row> => !!row && !!row.code)
      .map((row, i) => ({
        code: row.code,
        preferred: i === 0,
        modes: row.modes,
        interpreterNeeded: row.interpreterNeeded === "yes",
        // Not answered stays not answered.
        proficiency: row.proficiency ?? null,
      }));
    const noNeeds = !v.contactMethods.length && !v.formats.length && !v.support.length && !v.other && !languages.some((l) => l.interpreterNeeded);
    return { ...v, languages, noNeeds };
  });
