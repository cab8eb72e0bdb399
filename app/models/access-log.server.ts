import { and, count, desc, eq, isNotNull, ne, or, sql, type SQL } from "drizzle-orm";
import { accounts, auditEvents, relationships } from "#db/schema/index";
import type { Db } from "~/utils/db.server";
import { isUuid } from "~/utils/ids";
import { can, ensure, NotFoundError, type Actor } from "./access.server";
import { RECORD_SYSTEM_CAPACITY, recordReadIfOthers } from "./audit.server";
import { displayNameOf } from "./entered-by.server";
import { auditBases, phraseFor, type AuditBasis } from "./vocabulary/access-log";

/**
 * "Who has looked at my record" (SE-14, decision 050): every read and change of the person's
 * record by anyone else, newest first, a page at a time, from the append-only audit log.
 */

export const ACCESS_LOG_PAGE_SIZE = 25;

/** Who the reader was to the person, as the page names it ("your care coordinator"). */
export type AccessLogRole = "coordinator" | "careTeam" | "carer" | "advocate" | "attorney" | "staff" | "admin" | "other" | "recordSystem";

export interface AccessLogEntry {
  id: number;
  at: string;
  name: string;
  role: AccessLogRole;
  kind: "read" | "change";
  phrase: string;
  basis: AuditBasis | null;
}

export interface AccessLogFilters {
  /** 1 and up. */
  page?: number;
  /** An account id: only what this one person did. */
  who?: string;
  /** "2026-12": only this month, on the clocks in England. */
  month?: string;
}

export interface AccessLog {
  entries: AccessLogEntry[];
  total: number;
  page: number;
  pages: number;
  /** Everyone who has looked, for the filter: account id and name. */
  people: { id: string; name: string }[];
  /** Every month with an entry, newest first ("2026-12"). */
  months: string[];
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** A month as the filter takes it, or null for anything else. */
export function monthOrNull(value: string | null | undefined): string | null {
  return value && MONTH.test(value) ? value : null;
}

const londonMonth = sql<string>`to_char(${auditEvents.at} at time zone 'Europe/London', 'YYYY-MM')`;

function roleOf(capacity: string, basis: string | null, coordinator: boolean): AccessLogRole {
  switch (capacity) {
    case "care_team_member_of":
      return coordinator ? "coordinator" : "careTeam";
    case "carer_of":
      return "carer";
    case "advocate_for":
      return "advocate";
    case "attorney_for":
      return "attorney";
    case "staff":
      return "staff";
    case RECORD_SYSTEM_CAPACITY:
      return "recordSystem";
    default:
      return basis === "admin" ? "admin" : "other";
  }
}

/**
 * One audit row as the person reads it: who, in what role, a phrase for what they did (never a raw
 * code), and why they could. Used by the access log and by the readable copy (decision 052).
 */
export function accessLogEntryOf(row: {
  id: number;
  at: Date | string;
  name: string;
  capacity: string;
  basis: string | null;
  action: string;
  recordType: string | null;
  part: string | null;
  coordinator: boolean;
}): AccessLogEntry {
  const { kind, phrase } = phraseFor(row);
  const basis = (auditBases as readonly string[]).includes(row.basis ?? "") ? (row.basis as AuditBasis) : null;
  const at = typeof row.at === "string" ? row.at : row.at.toISOString();
  return { id: row.id, at, name: row.name, role: roleOf(row.capacity, row.basis, row.coordinator), kind, phrase, basis };
}

/**
 * The log for one person, for those who may see it (`accessLog.read`: the person, someone acting
 * for them, their care team, the admin role); a NotFoundError for anyone else. Looking at it is
 * itself in the log when it is not the person looking.
 */
export async function getAccessLog(db: Db, actor: Actor, serviceUserId: string, filters: AccessLogFilters = {}): Promise<AccessLog> {
  ensure(actor, "accessLog.read", serviceUserId);
  await displayNameOf(db, serviceUserId);

  // Everything about the person done by someone else: not the person's own reads and changes. The
  // trust's record system has no account, but its changes are in the log too (decision 053).
  const about: SQL[] = [
    eq(auditEvents.serviceUserId, serviceUserId),
    or(isNotNull(auditEvents.actorAccountId), eq(auditEvents.capacity, RECORD_SYSTEM_CAPACITY))!,
    ne(auditEvents.capacity, "service_user"),
  ];
  const where = [...about];
  if (filters.who && isUuid(filters.who)) where.push(eq(auditEvents.actorAccountId, filters.who));
  else if (filters.who) where.push(sql`false`);
  const month = monthOrNull(filters.month);
  if (month) where.push(sql`${londonMonth} = ${month}`);

  const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(auditEvents).where(and(...where));
  const pages = Math.max(1, Math.ceil(total / ACCESS_LOG_PAGE_SIZE));
  const page = Math.min(Math.max(1, Math.floor(filters.page ?? 1)), pages);

  const rows = await db
    .select({
      id: auditEvents.id,
      at: auditEvents.at,
      name: sql<string>`coalesce(${accounts.displayName}, '')`,
      capacity: auditEvents.capacity,
      basis: auditEvents.basis,
      action: auditEvents.action,
      recordType: auditEvents.recordType,
      part: auditEvents.part,
      // The person's care coordinator (then or now), named as such.
      coordinator: sql<boolean>`exists (
        select 1 from relationships r
        where r.account_id = ${auditEvents.actorAccountId} and r.service_user_id = ${auditEvents.serviceUserId}
          and r.kind = 'care_team_member_of' and r.team_role = 'care_coordinator'
      )`.mapWith(Boolean),
    })
    .from(auditEvents)
    .leftJoin(accounts, eq(accounts.id, auditEvents.actorAccountId))
    .where(and(...where))
    .orderBy(desc(auditEvents.at), desc(auditEvents.id))
    .limit(ACCESS_LOG_PAGE_SIZE)
    .offset((page - 1) * ACCESS_LOG_PAGE_SIZE);

  const people = await db
    .selectDistinct({ id: accounts.id, name: accounts.displayName })
    .from(auditEvents)
    .innerJoin(accounts, eq(accounts.id, auditEvents.actorAccountId))
    .where(and(...about))
    .orderBy(accounts.displayName, accounts.id);
  const months = await db
    .selectDistinct({ month: londonMonth })
    .from(auditEvents)
    .where(and(...about))
    .orderBy(desc(londonMonth));

  await recordReadIfOthers(db, actor, serviceUserId, "access_log");

  return {
    entries: rows.map(accessLogEntryOf),
    total,
    page,
    pages,
    people,
    months: months.map((m) => m.month),
  };
}

/**
 * The admin role reaches a person's access log from their account's page (decision 050): the
 * record an account is the service user of, if any. Admins only.
 */
export async function recordOfAccount(db: Db, actor: Actor, accountId: string): Promise<string | null> {
  if (!can(actor, "accounts.manage", { organisation: true })) throw new NotFoundError();
  const [row] = await db
    .select({ serviceUserId: relationships.serviceUserId })
    .from(relationships)
    .where(and(eq(relationships.accountId, accountId), eq(relationships.kind, "service_user")));
  return row?.serviceUserId ?? null;
}
