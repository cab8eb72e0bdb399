import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { OutboxPage } from "~/components/notifications/OutboxTable";
import { config } from "~/config.server";
import { listOutbox } from "~/models/notifications.server";
import type { RouteHandle } from "~/root";
import { getDb } from "~/utils/db.server";
import { requireRole } from "~/web/guards.server";

export const handle: RouteHandle = { titleKey: "auth:outbox.title" };

/** Every notification waiting, failed or sent lately, and letters to post (decision 057). */
export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requireRole(request, "admin");
  return json({ entries: await listOutbox(getDb(), actor), sending: config().notify !== null });
}

export default function AdminNotifications() {
  const { entries, sending } = useLoaderData<typeof loader>();
  return <OutboxPage entries={entries} sending={sending} />;
}
