/**
 * A file the browser saves rather than shows (a copy of one's information, a calendar entry), never
 * kept in any cache: it may hold health information.
 */
export function fileDownload(body: string, { type, filename }: { type: string; filename: string }): Response {
  return new Response(body, {
    headers: {
      "Content-Type": `${type}; charset=utf-8`,
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "no-store",
    },
  });
}

/** Data as a pretty-printed JSON file. */
export function jsonDownload(data: unknown, { type = "application/json", filename }: { type?: string; filename: string }): Response {
  return fileDownload(`${JSON.stringify(data, null, 2)}\n`, { type, filename });
}
