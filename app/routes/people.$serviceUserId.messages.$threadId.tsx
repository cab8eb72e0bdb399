import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SelectField } from "~/components/forms/SelectField";
import { FormPage } from "~/components/forms/FormPage";
import { useServerForm } from "~/components/forms/use-server-form";
import { MessageList, MessagesNotice } from "~/components/messages/MessageParts";
import { AppointmentTime } from "~/components/requests/RequestParts";
import { Button } from "~/components/ui/Button";
import { Form } from "~/components/ui/Form";
import { TextArea } from "~/components/ui/TextArea";
import { config } from "~/config.server";
import { can } from "~/models/access.server";
import { assignThread, getThread, listColleagues, markThreadDone, sendMessage } from "~/models/messages.server";
import { isolate } from "~/utils/bidi";
import { getDb } from "~/utils/db.server";
import { requireFormData } from "~/web/csrf.server";
import { restoreDraft } from "~/web/drafts.server";
import { invalid, orNotFound, pathParam, requireRecord } from "~/web/guards.server";
import { saved, saveOnce } from "~/web/saves.server";
import { assignSchema, replySchema } from "~/web/validation/messages.server";
import { parseWithZod } from "~/web/validation/parse.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, serviceUserId, t } = await requireRecord(request, params, "messages.read");
  const thread = await orNotFound(getThread(getDb(), actor, serviceUserId, pathParam(params, "threadId")));
  const canManage = can(actor, "messages.manage", { serviceUserId });
  return json({
    serviceUserId,
    thread,
    team: canManage,
    canWrite: can(actor, "messages.write", { serviceUserId }),
    colleagues: canManage ? await listColleagues(getDb(), actor, serviceUserId) : [],
    replyDays: config().messageReplyWorkingDays,
    draft: await restoreDraft(request, actor.accountId),
    pageTitle: t("messages:threadTitle", { subject: isolate(thread.subject) }),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, serviceUserId } = await requireRecord(request, params, "messages.read");
  const formData = await requireFormData(request);
  const threadId = pathParam(params, "threadId");
  const here = `/people/${serviceUserId}/messages/${threadId}`;
  const intent = formData.get("intent");
  if (intent === "done") {
    return saveOnce(request, formData, actor.accountId, async (tx) => {
      await orNotFound(markThreadDone(tx, actor, serviceUserId, threadId));
      return saved("/staff/messages", "saved");
    });
  }
  if (intent === "assign") {
    const submission = parseWithZod(formData, { schema: assignSchema });
    if (submission.status !== "success") return invalid({ result: submission.reply(), form: "assign" as const });
    return saveOnce(request, formData, actor.accountId, async (tx) => {
      await orNotFound(assignThread(tx, actor, serviceUserId, threadId, submission.value.assignee));
      return saved(here, "saved");
    });
  }
  const submission = parseWithZod(formData, { schema: replySchema });
  if (submission.status !== "success") return invalid({ result: submission.reply(), form: "reply" as const });
  return saveOnce(request, formData, actor.accountId, async (tx) => {
    await orNotFound(sendMessage(tx, actor, serviceUserId, { threadId, body: submission.value.body }));
    return saved(here, "sent");
  });
}

/** One thread: every message, oldest first, a reply form, and for the team: who deals with it, and done. */
export default function Thread() {
  const { t } = useTranslation(["messages", "common"]);
  const { serviceUserId, thread, team, canWrite, colleagues, replyDays, pageTitle, draft: kept } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const draft = data ? null : kept;
  const reply = useServerForm("reply", data?.form === "reply" ? data.result : draft);
  const assign = useServerForm("assign", data?.form === "assign" ? data.result : null);
  return (
    <FormPage
      back={{ href: team ? "/staff/messages" : `/people/${serviceUserId}/messages`, label: team ? t("messages:inbox.back") : t("messages:back") }}
      title={pageTitle}
      errors={[...reply.summary, ...assign.summary]}
      resultKey={data}
      draft={draft}
    >
      <p>
        {thread.status === "done" && thread.doneAt ? (
          <>
            {t("messages:doneOn", { name: isolate(thread.doneBy ?? t("messages:someone")) })} <AppointmentTime iso={thread.doneAt} />
            {t("common:fullStop")}
          </>
        ) : thread.waitingSince ? (
          <>
            {t("messages:waitingSince")} <AppointmentTime iso={thread.waitingSince} />
            {t("common:fullStop")}
          </>
        ) : (
          t("messages:status.answered")
        )}
      </p>
      {team ? <p>{thread.assignedTo ? t("messages:assignedTo", { name: isolate(thread.assignedTo) }) : t("messages:notAssigned")}</p> : null}
      <MessageList messages={thread.messages} />
      {canWrite ? (
        <>
          <h2 className="heading-l">{t("messages:replyTitle")}</h2>
          {team ? null : <MessagesNotice replyDays={replyDays} />}
          <Form id={reply.form.id} keepsDraft>
            <input type="hidden" name="intent" value="reply" />
            <TextArea
              name="body"
              maxLength={5000}
              label={t("messages:replyLabel")}
              rows={6}
              defaultValue={reply.valueOf("body")}
              error={reply.errorFor("body")}
            />
            <Button type="submit">{t("messages:sendReply")}</Button>
          </Form>
        </>
      ) : null}
      {team ? (
        <>
          <h2 className="heading-l">{t("messages:inbox.dealTitle")}</h2>
          <Form id={assign.form.id}>
            <input type="hidden" name="intent" value="assign" />
            <SelectField
              name="assignee"
              label={t("messages:inbox.assignLabel")}
              hint={t("messages:inbox.assignHint")}
              placeholder={t("messages:inbox.assignPlaceholder")}
              options={colleagues.map((c) => ({ value: c.accountId, label: c.displayName }))}
              defaultValue={assign.valueOf("assignee") || thread.assignedToId || ""}
              error={assign.errorFor("assignee")}
            />
            <Button type="submit" variant="secondary">
              {t("messages:inbox.assign")}
            </Button>
          </Form>
          {thread.status === "open" ? (
            <Form>
              <input type="hidden" name="intent" value="done" />
              <p>{t("messages:inbox.doneHint")}</p>
              <Button type="submit" variant="secondary">
                {t("messages:inbox.done")}
              </Button>
            </Form>
          ) : null}
        </>
      ) : null}
    </FormPage>
  );
}
