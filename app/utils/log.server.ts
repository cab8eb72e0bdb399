/**
 * The one way the server logs a failure: one line with the error's kind and code, never its
 * message or stack in production. Database errors carry the SQL and its parameters in their
 * message (typed text, names, emails), and stacks are noise in a log shipped off the machine.
 */
export function errorSummary(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  // Walk the causes (drizzle wraps the driver's error): kind and code of each.
  for (let depth = 0; current && depth < 4; depth++) {
    if (typeof current === "object") {
      const e = current as { name?: unknown; code?: unknown; constructor?: { name?: string } };
      const kind = typeof e.name === "string" ? e.name : (e.constructor?.name ?? "Error");
      const code = typeof e.code === "string" || typeof e.code === "number" ? ` code=${e.code}` : "";
      parts.push(`${kind}${code}`);
      current = (current as { cause?: unknown }).cause;
    } else {
      parts.push(typeof current);
      break;
    }
  }
  return parts.join(" <- ") || "unknown";
}

export function logError(what: string, error: unknown): void {
  const line = `[error] ${what}: ${errorSummary(error)}`;
  // Stacks only while developing on one's own machine, where nothing leaves it.
  if (process.env.NODE_ENV === "development" && error instanceof Error && error.stack) {
    console.error(`${line}\n${error.stack}`);
  } else {
    console.error(line);
  }
}

/** A line about the server's own state (never about a person or a request). */
export function logInfo(line: string): void {
  // eslint-disable-next-line no-console -- the server's own log: one line per change of state
  console.log(`[info] ${line}`);
}
