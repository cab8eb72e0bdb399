// Apart from use-server-form.ts so that the root (on every page) reads action data without
// bringing Conform's client: only pages with a form load it (decision 049).

/** True when an action's data is a form result with errors (used for the "Error: " title prefix). */
export function hasFormErrors(data: unknown): boolean {
  if (!data || typeof data !== "object") return false;
  const d = data as { status?: unknown; error?: unknown; result?: unknown };
  if (d.result) return hasFormErrors(d.result);
  return d.status === "error" && !!d.error && Object.values(d.error as object).some((v) => Array.isArray(v) && v.length);
}
