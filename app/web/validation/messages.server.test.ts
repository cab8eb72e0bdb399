import { describe, expect, it } from "vitest";
import { parseWithZod } from "./parse.server";
import { newThreadSchema, replySchema } from "./messages.server";

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
}

describe("message forms", () => {
  it("needs a subject and a message, and keeps both within their limits", () => {
    const empty = parseWithZod(form({ subject: "  ", body: "" }), { schema: newThreadSchema });
    expect(empty.status).toBe("error");
    expect(empty.reply().error).toMatchObject({ subject: ["validation:message.subjectRequired"], body: ["validation:message.bodyRequired"] });
    const long = parseWithZod(form({ subject: "x".repeat(121), body: "y".repeat(50_000) }), { schema: newThreadSchema });
    expect(long.reply().error).toMatchObject({ subject: ["validation:message.subjectTooLong"], body: ["validation:message.bodyTooLong"] });
    expect(parseWithZod(form({ body: "y".repeat(5000) }), { schema: replySchema }).status).toBe("success");
    expect(parseWithZod(form({ subject: " Sleep ", body: " Hello " }), { schema: newThreadSchema })).toMatchObject({ status: "success", value: { subject: "Sleep", body: "Hello" } });
  });
});
