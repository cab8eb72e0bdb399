import { parseWithZod } from "~/web/validation/parse.server";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormPage } from "~/components/forms/FormPage";
import { useServerForm } from "~/components/forms/use-server-form";
import { Button } from "~/components/ui/Button";
import { Form } from "~/components/ui/Form";
import { Link } from "~/components/ui/Link";
import { TextArea } from "~/components/ui/TextArea";
import { getTellTheTeam, sendCarerMessage } from "~/models/carers.server";
import { isolate } from "~/utils/bidi";
import { requireFormData } from "~/web/csrf.server";
import { getDb } from "~/utils/db.server";
import { invalid, orNotFound, requireRecord } from "~/web/guards.server";
import { carerMessageSchema } from "~/web/validation/sharing.server";
import { saved, saveOnce } from "~/web/saves.server";
import { restoreDraft } from "~/web/drafts.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, serviceUserId, t } = await requireRecord(request, params, "team.tell");
  const info = await orNotFound(getTellTheTeam(getDb(), actor, serviceUserId));
  // After sending (Post/Redirect/Get): the address says only that, never what was sent.
  const sent = new URL(request.url).searchParams.get("sent") === "1";
  return json({
    serviceUserId,
    ...info,
    sent,
    draft: sent ? null : await restoreDraft(request, actor.accountId),
    pageTitle: sent ? t("carers:tell.sentTitle") : t("carers:tell.title", { name: isolate(info.displayName) }),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, serviceUserId } = await requireRecord(request, params, "team.tell");
  const formData = await requireFormData(request);
  const submission = parseWithZod(formData, { schema: carerMessageSchema });
  if (submission.status !== "success") return invalid({ result: submission.reply() });
  return saveOnce(request, formData, actor.accountId, async (tx) => {
    await orNotFound(sendCarerMessage(tx, actor, serviceUserId, submission.value.body));
    return saved(`/people/${serviceUserId}/tell-the-team?sent=1`, null);
  });
}

/** A carer can always tell the team something; they are told who reads it, and that the person does not see it automatically. */
export default function TellTheTeam() {
  const { t } = useTranslation(["carers", "common"]);
  const { displayName, coordinator, pageTitle, sent, draft: kept } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const draft = data ? null : kept;
  const { form, errorFor, summary, valueOf } = useServerForm("tell-the-team", data?.result ?? draft);
  const name = isolate(displayName);
  if (sent && !data) {
    return (
      <div className="grid-two-thirds">
        <div className="panel" role="status">
          <h1 className="heading-xl">{t("carers:tell.sentTitle")}</h1>
        </div>
        <p>{coordinator ? t("carers:tell.sentBody", { name, coordinator: isolate(coordinator) }) : t("carers:tell.sentBodyTeam", { name })}</p>
        <p>{t("carers:tell.urgent")}</p>
        <p>
          <Link href="/carer">{t("carers:tell.back")}</Link>
        </p>
      </div>
    );
  }
  return (
    <FormPage back={{ href: "/carer", label: t("carers:tell.back") }} title={pageTitle} errors={summary} resultKey={data} draft={draft}>
      <p>{t("carers:tell.always", { name })}</p>
      <p>{coordinator ? t("carers:tell.whoReads", { name, coordinator: isolate(coordinator) }) : t("carers:tell.whoReadsTeam", { name })}</p>
      <p>{t("carers:tell.notShown", { name })}</p>
      <div className="warning-text">
        <strong>{t("carers:tell.urgent")}</strong>
      </div>
      <Form id={form.id} keepsDraft>
        <TextArea name="body" maxLength={5000} label={t("carers:tell.label")} hint={t("carers:tell.hint")} rows={8} defaultValue={valueOf("body")} error={errorFor("body")} />
        <Button type="submit">{t("carers:tell.send")}</Button>
      </Form>
    </FormPage>
  );
}
