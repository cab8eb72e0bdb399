import { useRouteLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { isolate } from "./bidi";

/**
 * Words for whoever reads the page (issue 12, item 9). On the person's own record a page speaks to
 * them ("your plan"); on someone else's record (staff, a carer, an advocate) the same key is read
 * with the i18next context `_them` and the person's name ("Sam Taylor’s plan"). Keys without a
 * `_them` form read the same for everyone. Outside a record (for example /communication-needs),
 * the page is always the reader's own.
 */
export function useReaderT() {
  const { t } = useTranslation();
  const record = useRouteLoaderData("routes/people.$serviceUserId") as { displayName: string; capacity: string } | undefined;
  const own = record ? record.capacity === "service_user" : true;
  const name = record?.displayName ?? "";
  const tw = (key: string, values: Record<string, unknown> = {}): string =>
    own ? t(key, values) : t(key, { name: isolate(name), ...values, context: "them" });
  return { own, name, tw };
}
