import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormattedDate, SummaryList } from "~/components/display/DisplayParts";
import { FormPage } from "~/components/forms/FormPage";
import { useServerForm } from "~/components/forms/use-server-form";
import { OutboxStatusText } from "~/components/notifications/OutboxTable";
import { Button } from "~/components/ui/Button";
import { CheckboxGroup } from "~/components/ui/CheckboxGroup";
import { Form } from "~/components/ui/Form";
import { getOutboxEntry, markLetterPosted, retryNotification } from "~/models/notifications.server";
import { isolate } from "~/utils/bidi";
import { getDb } from "~/utils/db.server";
import { requireFormData } from "~/web/csrf.server";
import { invalid, orNotFound, pathParam, requireRecord } from "~/web/guards.server";
import { saved, saveOnce } from "~/web/saves.server";
import { letterPostedSchema } from "~/web/validation/notifications.server";
import { parseWithZod } from "~/web/validation/parse.server";

/**
 * One notification about the person, for their care team (decision 057): a letter to post, marked
 * as posted after a tick; or a message that failed for good, sent again by hand, once.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, serviceUserId, t } = await requireRecord(request, params, "notifications.manage");
  const entry = await orNotFound(getOutboxEntry(getDb(), actor, serviceUserId, pathParam(params, "notificationId")));
  const name = isolate(entry.recipientName ?? t("auth:outbox.invitee"));
  const title = entry.channel === "letter" ? t("auth:outbox.item.letterTitle", { name }) : t("auth:outbox.item.title", { name });
  return json({ entry, pageTitle: title });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, serviceUserId } = await requireRecord(request, params, "notifications.manage");
  const formData = await requireFormData(request);
  const id = pathParam(params, "notificationId");
  const intent = formData.get("intent");
  if (intent === "posted") {
    const submission = parseWithZod(formData, { schema: letterPostedSchema });
    if (submission.status !== "success") return invalid(submission.reply());
    return saveOnce(request, formData, actor.accountId, async (tx) => {
      await orNotFound(markLetterPosted(tx, actor, serviceUserId, id));
      return saved("/staff/notifications", "auth:outbox.item.postedSaved");
    });
  }
  if (intent === "retry") {
    return saveOnce(request, formData, actor.accountId, async (tx) => {
      await orNotFound(retryNotification(tx, actor, serviceUserId, id));
      return saved("/staff/notifications", "auth:outbox.item.retrySaved");
    });
  }
  throw new Response("Bad request", { status: 400 });
}

export default function OutboxItem() {
  const { t } = useTranslation(["auth", "common"]);
  const { entry, pageTitle } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { form, errorFor, summary } = useServerForm("outbox-item", lastResult);
  const name = entry.recipientName ?? t("auth:outbox.invitee");
  return (
    <FormPage back={{ href: "/staff/notifications", label: t("auth:outbox.item.back") }} title={pageTitle} errors={summary} resultKey={lastResult}>
      <SummaryList
        rows={[
          {
            key: "person",
            label: t("auth:outbox.person"),
            value: <bdi>{name}</bdi>,
          },
          {
            key: "message",
            label: t("auth:outbox.message"),
            value: t(`auth:outbox.event.${entry.event}`),
          },
          {
            key: "how",
            label: t("auth:outbox.how"),
            value: t(`auth:outbox.channel.${entry.channel}`),
          },
          {
            key: "queued",
            label: t("auth:outbox.queued"),
            value: <FormattedDate iso={entry.createdAt} />,
          },
          {
            key: "status",
            label: t("auth:outbox.status"),
            value: <OutboxStatusText entry={entry} />,
          },
        ]}
      />
      {entry.status === "letter" ? (
        <>
          <p>{t("auth:outbox.item.letterHelp")}</p>
          <Form id={form.id}>
            <input type="hidden" name="intent" value="posted" />
            <CheckboxGroup
              name="posted"
              label={t("auth:outbox.item.postedLegend")}
              choices={[
                {
                  value: "yes",
                  label: t("auth:outbox.item.postedLabel", {
                    name: isolate(name),
                  }),
                },
              ]}
              error={errorFor("posted")}
            />
            <Button type="submit">{t("auth:outbox.item.markPosted")}</Button>
          </Form>
        </>
      ) : null}
      {entry.canRetry ? (
        <>
          <p>{t("auth:outbox.item.retryHelp")}</p>
          <Form>
            <input type="hidden" name="intent" value="retry" />
            <Button type="submit">{t("auth:outbox.item.retry")}</Button>
          </Form>
        </>
      ) : entry.status === "failed" ? (
        <p>{t(entry.retriedAt ? "auth:outbox.item.failedAgain" : "auth:outbox.item.cannotRetry")}</p>
      ) : null}
    </FormPage>
  );
}
