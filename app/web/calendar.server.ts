import { fileDownload } from "./downloads.server";

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

/** An instant as iCalendar's UTC date-time: 20261205T143000Z. */
function icsInstant(date: Date): string {
  return date.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
}

export interface CalendarEvent {
  /** Unique and stable for the thing it is about, so adding it again updates the same entry. */
  uid: string;
  /** A whole day (YYYY-MM-DD), or a start and end instant. */
  when: { day: string } | { start: Date; end: Date };
  summary: string;
  description: string;
  location?: string;
  /** The language the words are in (a BCP 47 tag). */
  lng: string;
}

/** One event as a calendar file (.ics) the browser saves: the next review, an appointment. */
export function calendarDownload(event: CalendarEvent, filename: string): Response {
  let dates: string[];
  if ("day" in event.when) {
    const next = new Date(`${event.when.day}T12:00:00Z`);
    next.setUTCDate(next.getUTCDate() + 1);
    dates = [`DTSTART;VALUE=DATE:${event.when.day.replace(/-/g, "")}`, `DTEND;VALUE=DATE:${next.toISOString().slice(0, 10).replace(/-/g, "")}`];
  } else {
    dates = [`DTSTART:${icsInstant(event.when.start)}`, `DTEND:${icsInstant(event.when.end)}`];
  }
  const body = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//care-portal//calendar//EN",
    "CALSCALE:GREGORIAN",
    "BEGIN:VEVENT",
    `UID:${event.uid}@care-portal`,
    `DTSTAMP:${icsInstant(new Date())}`,
    ...dates,
    `SUMMARY;LANGUAGE=${event.lng}:${icsText(event.summary)}`,
    `DESCRIPTION;LANGUAGE=${event.lng}:${icsText(event.description)}`,
    ...(event.location ? [`LOCATION;LANGUAGE=${event.lng}:${icsText(event.location)}`] : []),
    "END:VEVENT",
    "END:VCALENDAR",
    "",
  ]
    .map(fold)
    .join("\r\n");
  return fileDownload(body, { type: "text/calendar", filename });
}
