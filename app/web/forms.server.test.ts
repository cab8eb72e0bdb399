import { describe, expect, it } from "vitest";
import { conflictIn } from "~/components/forms/ConflictNotice";
import { ConflictError } from "~/models/access.server";
import { baseVersionFrom, conflictReply } from "./forms.server";

/** A submission as parseWithZod gives it, recording what reply() was asked for. */
const submission = {
  reply: (options?: { formErrors?: string[] }) => ({ status: "error" as const, initialValue: { body: "What I typed" }, error: { "": options?.formErrors ?? [] } }),
};

describe("the answer to a save someone else got to first", () => {
  it("is the form again with what was typed, the conflict message and what they saved, as a 409", async () => {
    const latest = { version: 4, value: "Their words", changedBy: "Jo Okafor", changedAt: "2026-03-03T10:00:00.000Z" };
    const response = conflictReply<string>(submission, new ConflictError(latest));
    expect(response.status).toBe(409);
    const body = await response.json();
    expect(body).toEqual({ status: "error", initialValue: { body: "What I typed" }, error: { "": ["common:conflict.error"] }, conflict: latest });
    expect(conflictIn<string>(body)).toEqual(latest);
  });

  it("throws any other error on, so it is never mistaken for a conflict", () => {
    const other = new Error("connection lost");
    expect(() => conflictReply(submission, other)).toThrow(other);
  });

  it("finds no conflict in an ordinary answer, and reads the base version only as a whole number", () => {
    expect(conflictIn({ status: "error", error: {} })).toBeNull();
    expect(conflictIn(undefined)).toBeNull();
    const form = (value: string) => {
      const data = new FormData();
      data.set("baseVersion", value);
      return data;
    };
    expect(baseVersionFrom(form("7"))).toBe(7);
    expect(baseVersionFrom(form("7.5"))).toBeNull();
    expect(baseVersionFrom(new FormData())).toBeNull();
  });
});
