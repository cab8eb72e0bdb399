import { parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, it } from "vitest";
import { inviteSupporterSchema } from "./invitation.server";

function form(fields: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) data.append(k, one);
  return data;
}

const errorOf = (result: { status?: string; error?: Record<string, string[] | null> | null }) => (result.status === "error" ? result.error : undefined);

const invitee = { serviceUserId: "0d76f997-e73b-49bc-ad32-a5375778abe2", displayName: "Chris Taylor", email: "chris@example.org" };

describe("staff inviting a carer or advocate (issue 16: grants are what they say)", () => {
  it("nothing ticked needs no basis, and records none", () => {
    const result = parseWithZod(form(invitee), { schema: inviteSupporterSchema });
    expect(result.status === "success" && result.value).toEqual({ ...invitee, scopes: [], basis: null });
  });

  it("something ticked needs a legal basis, asked for by the basis question", () => {
    const result = parseWithZod(form({ ...invitee, scopes: "plan.crisis" }), { schema: inviteSupporterSchema });
    expect(errorOf(result)).toEqual({ basis: ["validation:basis.required"] });
    const ok = parseWithZod(form({ ...invitee, scopes: "plan.crisis", basis: "best_interests" }), { schema: inviteSupporterSchema });
    expect(ok.status === "success" && ok.value).toEqual({ ...invitee, scopes: ["plan.crisis"], basis: "best_interests" });
  });

  it("staff cannot record the person's consent, nor give what the person's own sharing page does not offer", () => {
    expect(errorOf(parseWithZod(form({ ...invitee, scopes: "plan.crisis", basis: "consent" }), { schema: inviteSupporterSchema }))).toEqual({
      basis: ["validation:basis.required"],
    });
    for (const scope of ["goals.write", "act_on_behalf", "plan.summary"]) {
      const result = parseWithZod(form({ ...invitee, scopes: scope, basis: "best_interests" }), { schema: inviteSupporterSchema });
      expect(errorOf(result)?.["scopes[0]"], scope).toEqual(["validation:sharing.scopes"]);
    }
  });
});
