import { describe, expect, it } from "vitest";
import { letterPostedSchema, notificationSettingsSchema } from "./notifications.server";
import { parseWithZod } from "./parse.server";

const parse = (value: Record<string, unknown>) => notificationSettingsSchema.safeParse(value);
const errors = (value: Record<string, unknown>) => {
  const result = parse(value);
  return result.success ? {} : Object.fromEntries(result.error.issues.map((i) => [String(i.path[0]), i.message]));
};

describe("notification settings", () => {
  it("neither is a fine answer; a mobile number is kept as +447…", () => {
    expect(parse({}).data).toEqual({ email: false, sms: false, emailAddress: null, mobile: null });
    expect(parse({ channels: ["sms", "email"], email: " Sam@Example.org ", mobile: "07700 900123" }).data).toEqual({
      email: true,
      sms: true,
      emailAddress: "sam@example.org",
      mobile: "+447700900123",
    });
  });

  it("asks for the address of a channel chosen, and refuses a number that is not a UK mobile", () => {
    expect(errors({ channels: ["email", "sms"] })).toEqual({ email: "validation:notifications.emailRequired", mobile: "validation:notifications.mobileRequired" });
    expect(errors({ mobile: "01632 960000" })).toEqual({ mobile: "validation:notifications.mobileInvalid" });
    expect(errors({ email: "not an address" })).toEqual({ email: "validation:email.invalid" });
    expect(errors({ channels: ["letter"] })).toEqual({ channels: "validation:notifications.choose" });
  });
});

describe("a letter marked as posted", () => {
  it("needs the tick", () => {
    const form = (entries: [string, string][]) => {
      const data = new FormData();
      for (const [k, v] of entries) data.append(k, v);
      return data;
    };
    expect(parseWithZod(form([["intent", "posted"]]), { schema: letterPostedSchema }).reply().error).toEqual({ posted: ["validation:notifications.postedRequired"] });
    expect(parseWithZod(form([["posted", "yes"]]), { schema: letterPostedSchema }).status).toBe("success");
  });
});
