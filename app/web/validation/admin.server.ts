import { z } from "zod";
import { accountRoles, accountStatuses, type AccountRoleName, type AccountStatus } from "~/models/vocabulary/accounts";
import { displayNameField, emailField } from "./invitation.server";

/** An admin invites a member of staff or another admin: name, work email, and which of the two. */
export const inviteAccountSchema = z.object({
  displayName: displayNameField,
  email: emailField,
  role: z.enum(["staff", "admin"], { error: "validation:admin.role.required" }),
});

/** Why an account is disabled or enabled again: other admins read it, and the audit log keeps it. */
export const reasonSchema = z.object({
  reason: z
    .string({ error: "validation:admin.reason.required" })
    .trim()
    .min(1, "validation:admin.reason.required")
    .max(500, "validation:admin.reason.tooLong"),
});

/** Words to find in names and emails: posted, never put in the address (they may be a name). */
export const searchSchema = z.object({
  search: z
    .string({ error: "validation:admin.search.required" })
    .trim()
    .min(1, "validation:admin.search.required")
    .max(200, "validation:admin.search.tooLong"),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

/** The list's filters, from the address: anything unknown is ignored rather than refused. */
export function listFilters(url: URL): { role: AccountRoleName | null; status: AccountStatus | null; page: number } {
  const role = url.searchParams.get("role");
  const status = url.searchParams.get("status");
  const page = Number(url.searchParams.get("page"));
  return {
    role: (accountRoles as readonly string[]).includes(role ?? "") ? (role as AccountRoleName) : null,
    status: (accountStatuses as readonly string[]).includes(status ?? "") ? (status as AccountStatus) : null,
    page: Number.isInteger(page) && page >= 1 && page <= 100_000 ? page : 1,
  };
}
