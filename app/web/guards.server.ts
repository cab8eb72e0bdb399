import { json } from "@remix-run/node";
import type { Params } from "@remix-run/react";
import type { TFunction } from "i18next";
import { can, capacityFor, NotFoundError, type Action, type Actor } from "~/models/access.server";
import { recordRefused } from "~/models/audit.server";
import { isCarer } from "~/models/carers.server";
import { displayNameOf } from "~/models/entered-by.server";
import { getDb } from "~/utils/db.server";
import { isUuid } from "~/utils/ids";
import { requireSignedIn, type SignedIn } from "./auth.server";
import { getFixedT } from "./i18n.server";
import { memoForRequest } from "./request-memo.server";

/**
 * The one guard. Every route that reads or changes a person's record starts with
 * `requireRecord(request, params, action)`; the staff and carer pages start with
 * `requireRole(request, role)`. Both sign the person in first (or send them to sign in), and
 * both answer "not found" when the person may not do this: the same 404 whether the record does
 * not exist or is not theirs to see, so nobody can learn who else uses the service.
 * tests/unit/route-guards.test.ts checks every route in the manifest uses one of them.
 */

export function notFound(): Response {
  return new Response("Not found", { status: 404 });
}

/** Turn a model's NotFoundError into the 404 page; anything else is a real failure. */
export async function orNotFound<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof NotFoundError) throw notFound();
    throw error;
  }
}

export interface RecordRequest extends SignedIn {
  /** Whose record: the route's :serviceUserId. */
  serviceUserId: string;
  /** Their name, as the pages show it. */
  displayName: string;
  /** True when the record is the signed-in person's own (pages say "you"). */
  own: boolean;
  /** The translator for the page's title and messages, in the reader's language. */
  t: TFunction;
}

/** The signed-in person may do `action` on the record in the route's :serviceUserId, or a 404. */
export async function requireRecord(request: Request, params: Params, action: Action): Promise<RecordRequest> {
  const signedIn = await requireSignedIn(request);
  const serviceUserId = params.serviceUserId ?? "";
  const displayName = await recordName(signedIn.actor, serviceUserId, action, request);
  const { t } = getFixedT(request, signedIn.account.preferredLanguage);
  return { ...signedIn, serviceUserId, displayName, own: capacityFor(signedIn.actor, serviceUserId) === "service_user", t };
}

/**
 * The person's name when the actor may do `action` on their record; otherwise a 404. A refusal
 * is audited with the id asked for (a malformed id is not: it names no record).
 */
export async function recordName(actor: Actor, serviceUserId: string, action: Action, request?: Request): Promise<string> {
  if (!isUuid(serviceUserId)) throw notFound();
  if (!can(actor, action, { serviceUserId })) {
    await recordRefused(getDb(), actor, { recordType: "service_user", recordId: serviceUserId, details: { action } });
    throw notFound();
  }
  // The layout and the page both ask (after their own check above): the name is read once a request.
  return request ? recordNameOnce(request, serviceUserId) : orNotFound(displayNameOf(getDb(), serviceUserId));
}

/**
 * The person's name, read once a request by whichever loader asks first (the root's header, the
 * record's layout, the page): each asks only after its own access check. A missing record: the 404 page.
 */
export function recordNameOnce(request: Request, serviceUserId: string): Promise<string> {
  return memoForRequest(request, `record-name:${serviceUserId}`, () => orNotFound(displayNameOf(getDb(), serviceUserId)));
}

/**
 * Who a page that is not about one record is for: staff (caseload, queues, invitations), carers,
 * or admins (the trust's accounts, decision 045).
 */
export type Role = "staff" | "carer" | "admin";

const hasRole: Record<Role, (actor: Actor) => boolean> = {
  staff: (actor) => can(actor, "caseload.view", { organisation: true }),
  carer: (actor) => isCarer(actor),
  admin: (actor) => can(actor, "accounts.manage", { organisation: true }),
};

/** Whether the actor has the role (the authorisation matrix test asks this too). */
export function actorHasRole(actor: Actor, role: Role): boolean {
  return hasRole[role](actor);
}

export interface RoleRequest extends SignedIn {
  t: TFunction;
}

/** The signed-in person has this role, or a 404. */
export async function requireRole(request: Request, role: Role): Promise<RoleRequest> {
  const signedIn = await requireSignedIn(request);
  if (!hasRole[role](signedIn.actor)) {
    await recordRefused(getDb(), signedIn.actor, { recordType: "page", recordId: new URL(request.url).pathname.slice(0, 200), details: { role } });
    throw notFound();
  }
  const { t } = getFixedT(request, signedIn.account.preferredLanguage);
  return { ...signedIn, t };
}

/**
 * Another id in the route's path (a goal, a request, a team member): a record id (a UUID), or the
 * 404 page at once when it is missing or malformed, before any model or the database sees it.
 */
export function pathParam(params: Params, name: string): string {
  const value = params[name] ?? "";
  if (!isUuid(value)) throw notFound();
  return value;
}

/** The largest number a database integer holds (a plan version, say). */
export const MAX_DB_INTEGER = 2_147_483_647;

/**
 * A whole number in the route's path (a plan version): digits only, 1 or more, and no bigger than
 * the database holds; anything else ("1.5", "1e3", "-1", "3000000000") is the 404 page, never a 500.
 */
export function numberParam(params: Params, name: string): number {
  const value = params[name] ?? "";
  if (!/^\d{1,10}$/.test(value)) throw notFound();
  const number = Number(value);
  if (number < 1 || number > MAX_DB_INTEGER) throw notFound();
  return number;
}

/** A form that did not pass its checks: what was sent and what is wrong, with status 400. */
export function invalid<T>(body: T) {
  return json(body, { status: 400 });
}
