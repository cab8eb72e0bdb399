import { redirect } from "@remix-run/node";
import { getSignedIn } from "./auth.server";

/** The query a link to the standard version carries, so a reader who needs Easy Read can still open it. */
export const STANDARD_VERSION = "version=standard";

/** The address of the standard version of a page, for the link on its Easy Read version. */
export function standardVersionOf(path: string): string {
  return `${path}?${STANDARD_VERSION}`;
}

/**
 * A page with an Easy Read version shows that version first to a reader whose own communication
 * needs ask for Easy Read (CT-05, decision 061), unless they followed the link to the standard one.
 * Call it after the guard and before reading the record, so the read is audited once, by the page shown.
 * The reader's needs come with their session (auth.server.ts): no query of its own.
 */
export async function easyReadFirst(request: Request, easyReadPath: string): Promise<void> {
  if (new URL(request.url).searchParams.get("version") === "standard") return;
  if ((await getSignedIn(request))?.account.needsEasyRead) throw redirect(easyReadPath);
}
