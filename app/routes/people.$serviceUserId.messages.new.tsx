import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormPage } from "~/components/forms/FormPage";
import { useServerForm } from "~/components/forms/use-server-form";
import { MessagesNotice } from "~/components/messages/MessageParts";
import { Button } from "~/components/ui/Button";
import { Form } from "~/components/ui/Form";
import { TextArea } from "~/components/ui/TextArea";
import { TextField } from "~/components/ui/TextField";
import { config } from "~/config.server";
import { sendMessage } from "~/models/messages.server";
import { requireFormData } from "~/web/csrf.server";
import { restoreDraft } from "~/web/drafts.server";
import { invalid, orNotFound, requireRecord } from "~/web/guards.server";
import { saved, saveOnce } from "~/web/saves.server";
import { newThreadSchema } from "~/web/validation/messages.server";
import { parseWithZod } from "~/web/validation/parse.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, serviceUserId, t } = await requireRecord(request, params, "messages.start");
  return json({
    serviceUserId,
    replyDays: config().messageReplyWorkingDays,
    draft: await restoreDraft(request, actor.accountId),
    pageTitle: t("messages:newTitle"),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, serviceUserId } = await requireRecord(request, params, "messages.start");
  const formData = await requireFormData(request);
  const submission = parseWithZod(formData, { schema: newThreadSchema });
  if (submission.status !== "success") return invalid({ result: submission.reply() });
  return saveOnce(request, formData, actor.accountId, async (tx) => {
    const { threadId } = await orNotFound(sendMessage(tx, actor, serviceUserId, submission.value));
    return saved(`/people/${serviceUserId}/messages/${threadId}`, "sent");
  });
}

/** Start a thread with the care team: a subject and a message. */
export default function NewThread() {
  const { t } = useTranslation(["messages", "common"]);
  const { serviceUserId, replyDays, pageTitle, draft: kept } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const draft = data ? null : kept;
  const { form, errorFor, summary, valueOf } = useServerForm("new-message", data?.result ?? draft);
  return (
    <FormPage back={{ href: `/people/${serviceUserId}/messages`, label: t("messages:back") }} title={pageTitle} errors={summary} resultKey={data} draft={draft}>
      <MessagesNotice replyDays={replyDays} />
      <Form id={form.id} keepsDraft>
        <TextField name="subject" maxLength={120} label={t("messages:subject")} hint={t("messages:subjectHint")} defaultValue={valueOf("subject")} error={errorFor("subject")} />
        <TextArea
          name="body"
          maxLength={5000}
          label={t("messages:body")}
          hint={t("messages:bodyHint")}
          rows={8}
          defaultValue={valueOf("body")}
          error={errorFor("body")}
        />
        <Button type="submit">{t("messages:send")}</Button>
      </Form>
    </FormPage>
  );
}
