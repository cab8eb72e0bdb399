import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { OutboxPage } from "~/components/notifications/OutboxTable";
import { config } from "~/config.server";
import { listOutbox } from "~/models/notifications.server";
import type { RouteHandle } from "~/root";
import { getDb } from "~/utils/db.server";
import { requireRole } from "~/web/guards.server";

export const handle: RouteHandle = { titleKey: "auth:outbox.title" };

/** Notifications to the people on the caseload, and letters to post to them (decision 057). */
export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requireRole(request, "staff");
  return json({ entries: await listOutbox(getDb(), actor), sending: config().notify !== null });
}

export default function StaffNotifications() {
  const { entries, sending } = useLoaderData<typeof loader>();
  return <OutboxPage entries={entries} sending={sending} manage />;
}
