/// <reference types="vite/client" />
import { parseWithZod as conformParse } from "@conform-to/zod/v4";
import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { needsParts, type NeedsPart } from "~/models/vocabulary/carer-needs";
import { translateMessage } from "~/components/forms/use-server-form";
import { i18nFor } from "~/web/i18n.server";
import { languages } from "~/i18n";
import { genericMessage, isOurMessage, messagesFor, parseWithZod } from "./parse.server";
import { interpreterRequestSchema } from "./requests.server";

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.append(k, v);
  return data;
}

describe("the central guard on form errors", () => {
  it("knows our messages, with or without values, and nothing else", () => {
    expect(isOurMessage("validation:advocateRequest.kind")).toBe(true);
    expect(isOurMessage('validation:communication.unknownLanguage|{"number":2}')).toBe(true);
    expect(isOurMessage("Invalid input: expected nonoptional, received undefined")).toBe(false);
    expect(isOurMessage("validation:advocateRequest.noSuchKey")).toBe(false);
    // A group of messages is not a message.
    expect(isOurMessage("validation:advocateRequest")).toBe(false);
  });

  it("turns a schema's own words into the generic message and logs no personal data", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const schema = z.object({ contactDetails: z.string().email(), kind: z.enum(["a"], { error: "validation:advocateRequest.kind" }) });
    const result = parseWithZod(form({ contactDetails: "Sam Taylor, 07700 900123", kind: "b" }), { schema });
    expect(result.status === "error" && result.reply().error).toEqual({
      contactDetails: [genericMessage],
      kind: ["validation:advocateRequest.kind"],
    });
    expect(warn).toHaveBeenCalledTimes(1);
    const logged = warn.mock.calls.flat().join(" ");
    expect(logged).toContain("contactDetails");
    expect(logged).not.toContain("07700");
    expect(logged).not.toContain("Sam");
    warn.mockRestore();
  });

  it("the generic message is translated in every language", () => {
    const english = i18nFor("en-GB").t(genericMessage);
    expect(english).not.toBe(genericMessage);
    for (const { code } of languages.filter((l) => l.code !== "en-GB")) {
      const text = i18nFor(code).t(genericMessage);
      expect(text, code).not.toBe(genericMessage);
      expect(text, code).not.toBe(english);
    }
  });

  it("on the page, anything that is not one of our keys reads as the generic message", () => {
    const i18n = i18nFor("cy");
    const exists = (key: string) => i18n.exists(key);
    const generic = i18n.t(genericMessage);
    expect(translateMessage(i18n.t, exists, "Invalid input: expected nonoptional, received undefined")).toBe(generic);
    expect(translateMessage(i18n.t, exists, "validation:advocateRequest.noSuchKey")).toBe(generic);
    expect(translateMessage(i18n.t, exists, "validation:advocateRequest.kind")).toBe(i18n.t("validation:advocateRequest.kind"));
    expect(translateMessage(i18n.t, exists, 'validation:communication.unknownLanguage|{"number":2}')).toContain("2");
  });
});

// Every schema in this folder, with the arguments its factory takes.
const modules = import.meta.glob<Record<string, unknown>>(["./*.server.ts", "!./parse.server.ts"], { eager: true });

type Schema = z.ZodType;
const isSchema = (value: unknown): value is Schema => !!value && typeof value === "object" && "_zod" in value;

function schemasOf(name: string, value: unknown): [string, Schema][] {
  if (isSchema(value)) return [[name, value]];
  // dateInput is a part of other schemas, walked with them.
  if (typeof value !== "function" || name === "dateInput") return [];
  if (name === "needsPartSchema") return (Object.keys(needsParts) as NeedsPart[]).map((part) => [`${name}(${part})`, value(part) as Schema]);
  const out: [string, Schema][] = [];
  for (const args of [[], [true], [false]]) {
    try {
      const made = (value as (...a: unknown[]) => unknown)(...args);
      if (isSchema(made)) out.push([`${name}(${args.join()})`, made]);
    } catch {
      // Not a schema factory with these arguments (a helper such as toInstant).
    }
  }
  return out;
}

/** The names a form posts for a schema: "languages[0].code", "appointmentOn.day". */
function fieldNames(schema: Schema, prefix = ""): string[] {
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> & { type: string } } })._zod.def;
  switch (def.type) {
    case "object":
      return Object.entries(def.shape as Record<string, Schema>).flatMap(([key, inner]) => fieldNames(inner, prefix ? `${prefix}.${key}` : key));
    case "pipe":
      return fieldNames(def.in as Schema, prefix);
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "nonoptional":
    case "readonly":
    case "catch":
      return fieldNames(def.innerType as Schema, prefix);
    case "array":
      return [0, 1].flatMap((i) => fieldNames(def.element as Schema, `${prefix}[${i}]`));
    default:
      return [prefix];
  }
}

const fills = ["", " ", "yes", "no", "not-a-choice", "spoken", "attachment", "booked", "0", "99", "-1", "2020", "31", "14:30", "x".repeat(6000)];

describe("every schema's errors are our messages", () => {
  const all = Object.entries(modules).flatMap(([file, exports]) =>
    Object.entries(exports).flatMap(([name, value]) => schemasOf(name, value).map(([label, schema]) => [`${file} ${label}`, schema] as const)),
  );

  it("finds the schemas", () => {
    expect(all.length).toBeGreaterThan(30);
  });

  it.each(all)("%s: nothing posted, every field blank, every field the same odd value, or one field at a time", (_label, schema) => {
    const names = fieldNames(schema).filter(Boolean);
    const payloads: Record<string, string>[] = [{}];
    for (const fill of fills) {
      payloads.push(Object.fromEntries(names.map((n) => [n, fill])));
      for (const n of names) payloads.push({ [n]: fill });
    }
    const raw = new Set<string>();
    for (const payload of payloads) {
      const result = conformParse(form(payload), { schema });
      if (result.status !== "error") continue;
      for (const [field, messages] of Object.entries(result.reply().error ?? {})) for (const m of messages ?? []) if (!isOurMessage(m)) raw.add(`${field}: ${m.slice(0, 60)}`);
    }
    expect([...raw]).toEqual([]);
  });
});

describe("errors in the order of the page", () => {
  it("puts an error from a check across answers where its question is (issue 12)", () => {
    const errors = parseWithZod(form({ need: "spoken" }), { schema: interpreterRequestSchema() }).reply().error;
    expect(Object.keys(errors ?? {})).toEqual(["language", "mode", "appointment", "appointmentOn", "appointmentTime"]);
  });
});

describe("messagesFor", () => {
  it("keeps the order and number of messages", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const issues = [
      { code: "custom", path: ["a"], message: "validation:advocateRequest.kind", input: "x" },
      { code: "invalid_type", path: ["b"], message: "Invalid input", input: undefined, expected: "string" },
    ] as unknown as Parameters<typeof messagesFor>[0];
    expect(messagesFor(issues)).toEqual(["validation:advocateRequest.kind", genericMessage]);
    warn.mockRestore();
  });
});
