import { parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, it } from "vitest";
import { dialogAreas } from "~/models/vocabulary/how-i-am-doing";
import { howIAmDoingSchema } from "./how-i-am-doing.server";

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.append(k, v);
  return data;
}
const allFours = Object.fromEntries(dialogAreas.map((a) => [a, "4"]));

describe("how I am doing form", () => {
  it("reads eleven ratings and the ticked 'more help' boxes", () => {
    const result = parseWithZod(form({ ...allFours, mentalHealth: "7", jobHelp: "yes" }), { schema: howIAmDoingSchema });
    expect(result.status).toBe("success");
    if (result.status !== "success") return;
    expect(result.value.mentalHealth).toEqual({ rating: 7, moreHelp: false });
    expect(result.value.job).toEqual({ rating: 4, moreHelp: true });
    expect(Object.keys(result.value)).toEqual([...dialogAreas]);
  });

  it("reads digits typed in another script (Arabic ٦ is 6)", () => {
    const result = parseWithZod(form({ ...allFours, safety: "٦" }), { schema: howIAmDoingSchema });
    expect(result.status === "success" && result.value.safety.rating).toBe(6);
  });

  it.each([
    ["missing", undefined],
    ["0, posted by hand", "0"],
    ["8, posted by hand", "8"],
    ["not a number", "lots"],
    ["empty", ""],
  ])("a rating that is %s gets that area's own message, and the others are kept", (_what, value) => {
    const fields: Record<string, string> = { ...allFours, leisureHelp: "yes" };
    if (value === undefined) delete fields.meetings;
    else fields.meetings = value;
    const reply = parseWithZod(form(fields), { schema: howIAmDoingSchema }).reply();
    expect(reply.error).toEqual({ meetings: ["validation:howIAmDoing.meetings"] });
    expect(reply.initialValue).toMatchObject({ mentalHealth: "4", leisureHelp: "yes" });
  });
});
