import { parseWithZod as conformParse } from "@conform-to/zod/v4";
import type { $ZodIssue, $ZodType } from "zod/v4/core";
import { loadAllResources } from "~/web/i18n.server";

/** Shown, in the person's language, in place of any message that is not one of ours. */
export const genericMessage = "validation:generic";

/**
 * True when a message is one of our translated messages: a key of the English locale files,
 * optionally with values after a "|" (see messageWith). A schema's own words ("Invalid input:
 * expected nonoptional, received undefined") or a misspelt key are not.
 */
export function isOurMessage(message: string): boolean {
  const bar = message.indexOf("|");
  const key = bar === -1 ? message : message.slice(0, bar);
  const colon = key.indexOf(":");
  if (colon < 1) return false;
  const namespace = loadAllResources()["en-GB"]?.[key.slice(0, colon)];
  let node: unknown = namespace;
  for (const part of key.slice(colon + 1).split(".")) {
    if (!node || typeof node !== "object" || Array.isArray(node)) return false;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === "string";
}

/**
 * The one place a schema's issues become messages for a person. Each is one of our message keys;
 * anything else becomes the generic message and is logged with the field and the kind of problem
 * only: never what was typed, never the schema's words (they can quote the input).
 */
export function messagesFor(issues: $ZodIssue[]): string[] {
  return issues.map((issue) => {
    if (isOurMessage(issue.message)) return issue.message;
    console.warn(`form error without a message of ours: field "${issue.path.map(String).join(".") || "(form)"}", code ${issue.code}`);
    return genericMessage;
  });
}

/**
 * parseWithZod with the guard above. Every action parses its form through this (ESLint refuses a
 * direct import of @conform-to/zod elsewhere), so no schema message can reach a page.
 */
export function parseWithZod<Schema extends $ZodType>(payload: FormData | URLSearchParams, options: { schema: Schema }) {
  const submission = conformParse(payload, { schema: options.schema, formatError: messagesFor });
  if (submission.status === "error" && submission.error) inFormOrder(submission.error, questionOrder(options.schema));
  return submission;
}

/** The questions of a form schema in the order they are declared, which is the order of the page. */
function questionOrder(schema: $ZodType): string[] {
  const def = schema._zod.def as unknown as { type: string; shape?: Record<string, unknown>; in?: $ZodType; innerType?: $ZodType };
  if (def.type === "object" && def.shape) return Object.keys(def.shape);
  if (def.type === "pipe" && def.in) return questionOrder(def.in);
  if (def.innerType) return questionOrder(def.innerType);
  return [];
}

/**
 * Puts the errors in the order of the questions, so the error summary reads down the page even
 * when a check across answers (the language, once the kind of interpreter is known) adds its
 * error after the others. In place: the submission's reply reads this same object.
 */
function inFormOrder(errors: Record<string, unknown>, order: string[]) {
  const rank = (name: string) => {
    if (name === "") return -1;
    const i = order.indexOf(name.split(/[.[]/)[0]!);
    return i === -1 ? order.length : i;
  };
  const entries = Object.entries(errors).sort(([a], [b]) => rank(a) - rank(b));
  for (const [name] of entries) delete errors[name];
  for (const [name, value] of entries) errors[name] = value;
}

/**
 * For a check across fields (superRefine): run it even when another field already has an error,
 * so every problem is shown in one round. The check must cope with answers that did not parse.
 */
export const evenWithOtherErrors = { when: () => true };
