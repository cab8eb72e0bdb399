import { describe, expect, it } from "vitest";
import { serverHtml } from "../../../tests/support/server-html";
import { RoleNames } from "./AccountParts";

const text = (...args: Parameters<typeof serverHtml>) => serverHtml(...args).replace(/<!-- -->/g, "");

describe("an account's roles in words", () => {
  it("joins them as a list the language's way, not with a fixed English comma", () => {
    expect(text(<RoleNames roles={["staff", "admin"]} />)).toBe("Staff and Admin");
    expect(text(<RoleNames roles={["staff", "admin", "carer_of"]} />)).toBe("Staff, Admin and Carer");
    expect(text(<RoleNames roles={["staff", "admin"]} />, "ar")).toBe("موظف ومسؤول");
    expect(text(<RoleNames roles={["staff", "admin", "carer_of"]} />, "ar")).toBe("موظف ومسؤول ومقدم رعاية");
    expect(text(<RoleNames roles={["staff", "admin", "carer_of"]} />, "zh-Hans")).not.toContain(",");
  });

  it("one role alone, or none yet", () => {
    expect(text(<RoleNames roles={["admin"]} />)).toBe("Admin");
    expect(text(<RoleNames roles={[]} />, "ar")).toBe("لا دور بعد");
    expect(text(<RoleNames roles={[]} />)).toBe("No role yet");
  });
});
