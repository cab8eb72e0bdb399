import type { LoaderFunctionArgs } from "@remix-run/node";
import { getNextReview } from "~/models/plan.server";
import { getDb } from "~/utils/db.server";
import { getFixedT } from "~/web/i18n.server";
import { formatDate } from "~/utils/locale-format";
import { fileDownload } from "~/web/downloads.server";
import { requireRecord } from "~/web/guards.server";

/** Escape text for an iCalendar value (RFC 5545 §3.3.11). */
function icsText(value: string): string {
  return value.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\n/g, "\\n");
}

/**
 * Fold a content line at 75 octets (RFC 5545 §3.1), never inside a character: Bengali or Chinese
 * text is several octets a letter.
 */
function fold(line: string): string {
  const encoder = new TextEncoder();
  const lines: string[] = [];
  let current = "";
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    // Continuation lines start with a space, which counts towards their 75.
    if (octets + size > 75) {
      lines.push(current);
      current = " ";
      octets = 1;
    }
    current += char;
    octets += size;
  }
  return [...lines, current].join("\r\n");
}

/**
 * The next review as a calendar file, in the person's language: the title, and the date in words
 * at the top of the description. All-day: the time is agreed with the care team.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, account, serviceUserId } = await requireRecord(request, params, "record.view");
  const review = await getNextReview(getDb(), actor, serviceUserId);
  if (!review) throw new Response("Not found", { status: 404 });
  const { t, lng } = getFixedT(request, account.preferredLanguage);
  const day = review.nextReviewOn.replace(/-/g, "");
  const next = new Date(`${review.nextReviewOn}T12:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  const stamp = new Date().toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
  const body = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//care-portal//next review//EN",
    "CALSCALE:GREGORIAN",
    "BEGIN:VEVENT",
    `UID:review-${review.id}@care-portal`,
    `DTSTAMP:${stamp}`,
    `DTSTART;VALUE=DATE:${day}`,
    `DTEND;VALUE=DATE:${next.toISOString().slice(0, 10).replace(/-/g, "")}`,
    `SUMMARY;LANGUAGE=${lng}:${icsText(t("plan:reviews.calendarTitle"))}`,
    `DESCRIPTION;LANGUAGE=${lng}:${icsText(`${formatDate(review.nextReviewOn, lng)}\n${t("plan:reviews.calendarDescription")}`)}`,
    "END:VEVENT",
    "END:VCALENDAR",
    "",
  ]
    .map(fold)
    .join("\r\n");
  return fileDownload(body, { type: "text/calendar", filename: "next-review.ics" });
}
