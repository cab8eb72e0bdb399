import { parseWithZod as conformParse } from "@conform-to/zod/v4";
import type { $ZodIssue, $ZodType } from "zod/v4/core";
import { loadAllResources } from "~/utils/i18n.server";

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
  return conformParse(payload, { schema: options.schema, formatError: messagesFor });
}

/**
 * For a check across fields (superRefine): run it even when another field already has an error,
 * so every problem is shown in one round. The check must cope with answers that did not parse.
 */
export const evenWithOtherErrors = { when: () => true };
