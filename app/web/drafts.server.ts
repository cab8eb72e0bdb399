import { parse } from "@conform-to/react";
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { and, desc, eq, gt } from "drizzle-orm";
import { formDrafts } from "#db/schema/index";
import type { RestoredDraft } from "~/components/forms/DraftRestoredNotice";
import { KEEPS_DRAFT_FIELD } from "~/components/ui/Form";
import { config } from "~/config.server";
import { getDb, type Db } from "~/utils/db.server";
import { CSRF_FIELD, csrfValid, FORM_TOKEN_FIELD, readFormData } from "./csrf.server";

/**
 * Answers survive a session ending (decision 033). When someone presses save after their session
 * has ended, what they typed is kept here, encrypted, for a day; after they sign in again, the same
 * form on the same page gives it back once. It is never applied by itself: they check it and save.
 */

/** The NHS service manual asks for at least 20 hours. */
export const DRAFT_KEEP_MS = 24 * 60 * 60 * 1000;
/** A form bigger than this (as JSON) is not kept: no form of ours comes near it. */
const MAX_DRAFT_BYTES = 64 * 1024;

/** A form's fields as posted: one value, or several (checkboxes, repeated lines). */
export type DraftFields = Record<string, string | string[]>;

/** Never kept: the form's tokens (a fresh page has its own) and anything that looks like a password. */
function keepField(name: string): boolean {
  return name !== CSRF_FIELD && name !== FORM_TOKEN_FIELD && name !== KEEPS_DRAFT_FIELD && !/password/i.test(name);
}

/** The text fields of a posted form, without tokens, passwords or files; null when nothing is left. */
export function draftFieldsFrom(formData: FormData): DraftFields | null {
  const fields: DraftFields = {};
  for (const [name, value] of formData.entries()) {
    if (typeof value !== "string" || !keepField(name)) continue;
    const had = fields[name];
    fields[name] = had === undefined ? value : Array.isArray(had) ? [...had, value] : [had, value];
  }
  return Object.keys(fields).length ? fields : null;
}

let cachedKey: { secret: string; key: Buffer } | null = null;

/** AES-256 key for drafts only, derived from SESSION_SECRET (HKDF-SHA-256). */
function draftKey(): Buffer {
  const secret = config().sessionSecret;
  if (cachedKey?.secret !== secret) {
    cachedKey = { secret, key: Buffer.from(hkdfSync("sha256", secret, "care-portal", "form-drafts", 32)) };
  }
  return cachedKey.key;
}

/** The account and page are bound in as associated data: a draft moved to another row does not open. */
function boundTo(accountId: string, path: string): Buffer {
  return Buffer.from(`${accountId}\n${path}`);
}

export function encryptDraft(fields: DraftFields, accountId: string, path: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", draftKey(), iv);
  cipher.setAAD(boundTo(accountId, path));
  const body = Buffer.concat([cipher.update(JSON.stringify(fields), "utf8"), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url");
}

/** The fields, or null when the draft does not open (another secret, another account or page, altered). */
export function decryptDraft(sealed: string, accountId: string, path: string): DraftFields | null {
  try {
    const raw = Buffer.from(sealed, "base64url");
    const decipher = createDecipheriv("aes-256-gcm", draftKey(), raw.subarray(0, 12));
    decipher.setAAD(boundTo(accountId, path));
    decipher.setAuthTag(raw.subarray(12, 28));
    const text = Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
    const parsed = JSON.parse(text) as unknown;
    if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) return null;
    return parsed as DraftFields;
  } catch {
    return null;
  }
}

/** Keep a draft for this account and page; it replaces any earlier draft of the same page. */
export async function keepDraft(
  db: Db,
  { accountId, path, fields, now = new Date() }: { accountId: string; path: string; fields: DraftFields; now?: Date },
): Promise<boolean> {
  if (Buffer.byteLength(JSON.stringify(fields)) > MAX_DRAFT_BYTES) return false;
  const sealed = encryptDraft(fields, accountId, path);
  await db.transaction(async (tx) => {
    await tx.delete(formDrafts).where(and(eq(formDrafts.accountId, accountId), eq(formDrafts.path, path)));
    await tx.insert(formDrafts).values({
      accountId,
      path,
      fields: sealed,
      createdAt: now,
      expiresAt: new Date(now.getTime() + DRAFT_KEEP_MS),
    });
  });
  return true;
}

/** This account's draft of this page, if one is still kept; it is given once (taking it deletes it). */
export async function takeDraft(
  db: Db,
  { accountId, path, now = new Date() }: { accountId: string; path: string; now?: Date },
): Promise<DraftFields | null> {
  const where = and(eq(formDrafts.accountId, accountId), eq(formDrafts.path, path));
  const [row] = await db
    .select({ fields: formDrafts.fields })
    .from(formDrafts)
    .where(and(where, gt(formDrafts.expiresAt, now)))
    .orderBy(desc(formDrafts.createdAt))
    .limit(1);
  const found = await db.delete(formDrafts).where(where).returning({ id: formDrafts.id });
  if (!row || !found.length) return null;
  return decryptDraft(row.fields, accountId, path);
}

/**
 * For the session check: a form posted after its session ended, by the account that session was
 * for. Keeps what was typed when the form is one of ours (its CSRF token is right) and its page
 * gives drafts back (`<Form keepsDraft>`): nobody is told "we kept it" about a form that cannot
 * show it again. True when kept.
 */
export async function keepDraftOfPost(request: Request, accountId: string): Promise<boolean> {
  if (request.method !== "POST") return false;
  const formData = await readFormData(request);
  if (!formData || !csrfValid(request, formData) || formData.get(KEEPS_DRAFT_FIELD) !== "1") return false;
  const fields = draftFieldsFrom(formData);
  if (!fields) return false;
  return keepDraft(getDb(), { accountId, path: new URL(request.url).pathname, fields });
}


/**
 * For a form's loader: what this person typed on this page before their session ended, once.
 * Pass it to useServerForm when there is no action result, and show <DraftRestoredNotice />.
 */
export async function restoreDraft(request: Request, accountId: string): Promise<RestoredDraft | null> {
  if (request.method !== "GET") return null;
  const fields = await takeDraft(getDb(), { accountId, path: new URL(request.url).pathname });
  if (!fields) return null;
  // The same shape as an action's result: "support[0].who" becomes support[0].who, as the form reads it.
  const formData = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    for (const one of Array.isArray(value) ? value : [value]) formData.append(name, one);
  }
  const { payload } = parse(formData, { resolve: (value) => ({ value }) });
  return { initialValue: payload, restored: true };
}
