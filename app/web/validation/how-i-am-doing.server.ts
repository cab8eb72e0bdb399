import { z } from "zod";
import { westernDigits } from "~/web/forms.server";
import { dialogAreas, type DialogArea } from "~/models/vocabulary/how-i-am-doing";
import type { DialogAnswers } from "~/models/how-i-am-doing.server";

/**
 * "How I am doing": one radio group per area, named by the area ("mentalHealth": "1" to "7"), and
 * one checkbox each ("mentalHealthHelp": "yes"). A missing rating, or one posted by hand outside
 * 1 to 7, gets that area's message, next to its group and in the error summary.
 */
const rating = (area: DialogArea) => {
  const message = `validation:howIAmDoing.${area}`;
  return z
    .string({ error: message })
    .trim()
    .transform(westernDigits)
    .pipe(z.string({ error: message }).regex(/^[1-7]$/, message))
    .transform(Number);
};

const ticked = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (Array.isArray(v) ? v : v ? [v] : []).includes("yes"));

export const helpField = (area: DialogArea) => `${area}Help`;

export const howIAmDoingSchema = z
  .object(Object.fromEntries(dialogAreas.flatMap((area) => [[area, rating(area)], [helpField(area), ticked]])) as Record<string, z.ZodType<number | boolean>>)
  .transform((value) => Object.fromEntries(dialogAreas.map((area) => [area, { rating: value[area] as number, moreHelp: value[helpField(area)] === true }])) as DialogAnswers);
