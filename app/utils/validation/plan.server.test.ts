import { parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, it } from "vitest";
import { goalSchema, progressSchema, recoverySchema } from "./plan.server";

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.append(k, v);
  return data;
}

describe("goal form", () => {
  it("needs only what the person wants to do", () => {
    const result = parseWithZod(form({ what: "  Swim  " }), { schema: goalSchema });
    expect(result.status).toBe("success");
    expect(result.status === "success" && result.value).toMatchObject({ what: "Swim", why: "", targetDate: null });
  });

  it("explains an empty goal and a goal that is far too long", () => {
    expect(parseWithZod(form({ what: "" }), { schema: goalSchema }).reply().error).toMatchObject({
      what: ["validation:goal.what.required"],
    });
    expect(parseWithZod(form({ what: "x".repeat(10_000) }), { schema: goalSchema }).reply().error).toMatchObject({
      what: ["validation:goal.what.tooLong"],
    });
  });

  it.each([
    [{ day: "31", month: "2", year: "2030" }, "validation:goal.targetDate.real"],
    [{ day: "1", month: "", year: "2030" }, "validation:goal.targetDate.incomplete"],
    [{ day: "1", month: "1", year: "2020" }, "validation:goal.targetDate.past"],
    [{ day: "a", month: "1", year: "2030" }, "validation:goal.targetDate.real"],
  ])("checks the target date %o", (date, message) => {
    const result = parseWithZod(
      form({ what: "Swim", "targetDate.day": date.day, "targetDate.month": date.month, "targetDate.year": date.year }),
      { schema: goalSchema },
    );
    expect(result.reply().error?.targetDate).toEqual([message]);
  });

  it("accepts a real future date", () => {
    const result = parseWithZod(form({ what: "Swim", "targetDate.day": "27", "targetDate.month": "3", "targetDate.year": "2099" }), {
      schema: goalSchema,
    });
    expect(result.status === "success" && result.value.targetDate).toBe("2099-03-27");
  });
});

describe("progress form", () => {
  it.each([
    ["", "validation:progress.rating.required"],
    ["11", "validation:progress.rating.range"],
    ["seven", "validation:progress.rating.number"],
    ["-1", "validation:progress.rating.number"],
    ["7.5", "validation:progress.rating.number"],
  ])("refuses the rating %j", (rating, message) => {
    expect(parseWithZod(form({ rating }), { schema: progressSchema }).reply().error?.rating).toEqual([message]);
  });

  it("accepts 0 and 10, and keeps the note", () => {
    for (const rating of ["0", "10"]) {
      const result = parseWithZod(form({ rating, note: "ok" }), { schema: progressSchema });
      expect(result.status === "success" && result.value).toEqual({ rating: Number(rating), note: "ok" });
    }
  });

  it("refuses a 10,000-character note and keeps what was typed", () => {
    const note = "n".repeat(10_000);
    const reply = parseWithZod(form({ rating: "5", note }), { schema: progressSchema }).reply();
    expect(reply.error?.note).toEqual(["validation:progress.note.tooLong"]);
    expect((reply.initialValue as Record<string, string>).note).toBe(note);
  });
});

describe("recovery statement", () => {
  it("must not be empty", () => {
    expect(parseWithZod(form({ body: "   " }), { schema: recoverySchema }).reply().error?.body).toEqual(["validation:recovery.required"]);
  });
});
