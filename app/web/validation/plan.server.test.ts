import { parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, it } from "vitest";
import { careTeamMemberSchema, coordinatorSchema, goalSchema, progressSchema, recoverySchema, supportSchema } from "./plan.server";

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

  it("reads a date typed in Bengali or Arabic digits", () => {
    for (const [day, month, year] of [["২৭", "৩", "২০৯৯"], ["٢٧", "٣", "٢٠٩٩"]]) {
      const result = parseWithZod(form({ what: "Swim", "targetDate.day": day!, "targetDate.month": month!, "targetDate.year": year! }), {
        schema: goalSchema,
      });
      expect(result.status === "success" && result.value.targetDate).toBe("2099-03-27");
    }
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

  it.each([
    ["৭", 7],
    ["١٠", 10],
    ["۸", 8],
    ["੩", 3],
    ["５", 5],
  ])("reads %j typed in the person's own digits as %d", (rating, value) => {
    const result = parseWithZod(form({ rating }), { schema: progressSchema });
    expect(result.status === "success" && result.value.rating).toBe(value);
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

describe("review form", () => {
  const date = (prefix: string, d: string, m: string, y: string) => ({
    [`${prefix}.day`]: d,
    [`${prefix}.month`]: m,
    [`${prefix}.year`]: y,
  });

  it("refuses a next review in the past, or not after the review", async () => {
    const { reviewSchema } = await import("./plan.server");
    const past = parseWithZod(
      form({ ...date("heldOn", "1", "1", "2026"), attendees: "Sam", summary: "ok", ...date("nextReviewOn", "1", "6", "2020") }),
      { schema: reviewSchema },
    );
    expect(past.reply().error?.nextReviewOn).toEqual(["validation:review.nextReviewOn.past"]);
    const future = parseWithZod(
      form({ ...date("heldOn", "1", "1", "2099"), attendees: "Sam", summary: "ok", ...date("nextReviewOn", "1", "6", "2099") }),
      { schema: reviewSchema },
    );
    expect(future.reply().error?.heldOn).toEqual(["validation:review.heldOn.future"]);
  });

  it("needs every field", async () => {
    const { reviewSchema } = await import("./plan.server");
    const reply = parseWithZod(form({}), { schema: reviewSchema }).reply();
    expect(Object.keys(reply.error ?? {}).sort()).toEqual(["attendees", "heldOn", "nextReviewOn", "summary"]);
  });
});

describe("how the team will help (a list of lines)", () => {
  it("keeps filled lines, drops empty ones, and trims", () => {
    const result = parseWithZod(
      form({
        "support[0].who": " Jo ",
        "support[0].what": "Visits",
        "support[0].howOften": "",
        "support[1].who": "",
        "support[1].what": "",
        "support[2].who": "Chris",
        "support[2].what": "Housing help",
        "support[2].howOften": "Monthly",
      }),
      { schema: supportSchema },
    );
    expect(result.status === "success" && result.value.support).toEqual([
      { who: "Jo", what: "Visits", howOften: "" },
      { who: "Chris", what: "Housing help", howOften: "Monthly" },
    ]);
  });

  it("all lines empty is an empty list (the section is cleared)", () => {
    const result = parseWithZod(form({ "support[0].who": "", "support[0].what": "" }), { schema: supportSchema });
    expect(result.status === "success" && result.value.support).toEqual([]);
  });

  it("a half-filled line says which line and what is missing", () => {
    const error = parseWithZod(form({ "support[0].who": "Jo", "support[0].what": "Visits", "support[1].howOften": "Weekly" }), {
      schema: supportSchema,
    }).reply().error;
    expect(error).toEqual({
      "support[1].who": ['validation:support.who|{"number":2}'],
      "support[1].what": ['validation:support.what|{"number":2}'],
    });
  });

  it("refuses text that is far too long", () => {
    const error = parseWithZod(form({ "support[0].who": "Jo", "support[0].what": "x".repeat(10_000) }), { schema: supportSchema }).reply()
      .error;
    expect(error?.["support[0].what"]).toEqual(["validation:support.tooLong"]);
  });
});

describe("care team member", () => {
  const member = { name: "Chris Lee", role: "Housing worker", organisation: "Riverside Housing", agency: "charity", contact: "01632 960555" };

  it("needs name, role, organisation, who they work for, and how to contact them", () => {
    const error = parseWithZod(form({}), { schema: careTeamMemberSchema }).reply().error;
    expect(Object.keys(error ?? {}).sort()).toEqual(["agency", "contact", "name", "organisation", "role"]);
    expect(error?.agency).toEqual(["validation:careTeam.agency.required"]);
  });

  it("accepts a member, with when to contact optional", () => {
    const result = parseWithZod(form(member), { schema: careTeamMemberSchema });
    expect(result.status === "success" && result.value).toEqual({ ...member, whenToContact: "" });
  });

  it("refuses an agency that is not on the list", () => {
    const error = parseWithZod(form({ ...member, agency: "police" }), { schema: careTeamMemberSchema }).reply().error;
    expect(error?.agency).toEqual(["validation:careTeam.agency.required"]);
  });
});

describe("change of coordinator", () => {
  it("needs who, how to reach them, why and from when", () => {
    const error = parseWithZod(form({}), { schema: coordinatorSchema }).reply().error;
    expect(error).toMatchObject({
      accountId: ["validation:coordinator.accountId.required"],
      reason: ["validation:coordinator.reason.required"],
      effectiveOn: ["validation:coordinator.effectiveOn.required"],
      contact: ["validation:careTeam.contact.required"],
    });
  });
});
