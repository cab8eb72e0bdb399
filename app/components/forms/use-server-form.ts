import type { SubmissionResult } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import type { SummaryError } from "./ErrorSummary";

/**
 * A form whose action validates on the server (Conform with Zod) and returns Conform's result;
 * this reads that result and turns its message keys into the person's language. Nothing of
 * Conform or Zod runs in the browser: with no client-side schema Conform's useForm did nothing
 * the page used but add 11 KB of JavaScript to every page with a form (decision 049). The error
 * summary takes focus; the fields show what was typed from the result's initialValue.
 */
export function useServerForm(id: string, lastResult: SubmissionResult<string[]> | null | undefined) {
  const { t, i18n } = useTranslation();
  const translate = (messages: string[] | undefined) =>
    messages?.length ? messages.map((m) => translateMessage(t, (key) => i18n.exists(key), m)).join(" ") : undefined;
  const errorFor = (name: string) => translate(lastResult?.error?.[name] ?? undefined);
  const summary: SummaryError[] = Object.entries(lastResult?.error ?? {})
    .filter(([, messages]) => messages && messages.length)
    .map(([name, messages]) => ({ name: name === "" ? null : name, message: translate(messages ?? [])! }));
  const valueOf = (name: string): string | undefined => {
    const value = (lastResult?.initialValue as Record<string, unknown> | null | undefined)?.[name];
    return typeof value === "string" ? value : undefined;
  };
  const valuesOf = (name: string): string[] | undefined => {
    const value = (lastResult?.initialValue as Record<string, unknown> | null | undefined)?.[name];
    if (Array.isArray(value)) return value.filter((v): v is string => typeof v === "string");
    return typeof value === "string" ? [value] : undefined;
  };
  /** A part of a grouped field, e.g. the day of a date input posted as "targetDate.day". */
  const partOf = (name: string, part: string): string | undefined => {
    const group = (lastResult?.initialValue as Record<string, unknown> | null | undefined)?.[name];
    const value = group && typeof group === "object" ? (group as Record<string, unknown>)[part] : undefined;
    return typeof value === "string" ? value : undefined;
  };
  return { form: { id }, errorFor, summary, valueOf, valuesOf, partOf };
}

/**
 * A message key, optionally with values after a "|" (see messageWith in forms.server.ts). Only our
 * own messages are shown: anything else (a schema's words, a key with no translation) reads as the
 * generic message, in the person's language. The server already does this (parse.server.ts); this
 * is the last check before a person sees it.
 */
export function translateMessage(
  t: (key: string, values?: Record<string, unknown>) => string,
  exists: (key: string) => boolean,
  message: string,
): string {
  const bar = message.indexOf("|");
  const key = bar === -1 ? message : message.slice(0, bar);
  if (!/^[a-z]+:[A-Za-z0-9_.-]+$/.test(key) || !exists(key)) return t("validation:generic");
  if (bar === -1) return t(message);
  let values: Record<string, unknown> = {};
  try {
    values = JSON.parse(message.slice(bar + 1)) as Record<string, unknown>;
  } catch {
    values = {};
  }
  return t(message.slice(0, bar), values);
}
