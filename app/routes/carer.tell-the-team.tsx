import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DateInput } from "~/components/forms/DateInput";
import { FormPage } from "~/components/forms/FormPage";
import { useServerForm } from "~/components/forms/use-server-form";
import { Button } from "~/components/ui/Button";
import { Form } from "~/components/ui/Form";
import { Link } from "~/components/ui/Link";
import { TextArea } from "~/components/ui/TextArea";
import { TextField } from "~/components/ui/TextField";
import { sendCarerNote } from "~/models/carer-sign-up.server";
import type { RouteHandle } from "~/root";
import { requireFormData } from "~/web/csrf.server";
import { restoreDraft } from "~/web/drafts.server";
import { invalid, orNotFound, requireRole } from "~/web/guards.server";
import { saved, saveOnce } from "~/web/saves.server";
import { carerNoteSchema } from "~/web/validation/carers.server";
import { parseWithZod } from "~/web/validation/parse.server";

export const handle: RouteHandle = { titleKey: "carers:note.title" };

export async function loader({ request }: LoaderFunctionArgs) {
  const { actor, t } = await requireRole(request, "carer");
  // After sending (Post/Redirect/Get): the address says only that, never what was sent.
  const sent = new URL(request.url).searchParams.get("sent") === "1";
  return json({
    sent,
    draft: sent ? null : await restoreDraft(request, actor.accountId),
    pageTitle: sent ? t("carers:note.sentTitle") : t("carers:note.title"),
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const { actor } = await requireRole(request, "carer");
  const formData = await requireFormData(request);
  const submission = parseWithZod(formData, { schema: carerNoteSchema() });
  if (submission.status !== "success") return invalid({ result: submission.reply() });
  return saveOnce(request, formData, actor.accountId, async (tx) => {
    await orNotFound(sendCarerNote(tx, actor, submission.value));
    return saved("/carer/tell-the-team?sent=1", null);
  });
}

/**
 * Tell the team about someone by name (decision 060), for a carer whom no one has linked to the
 * person yet. The page never says whether the person is known to the service: before and after
 * sending, it says the same thing whoever is named.
 */
export default function TellTheTeamAboutSomeone() {
  const { t } = useTranslation(["carers", "common"]);
  const { pageTitle, sent, draft: kept } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const draft = data ? null : kept;
  const { form, errorFor, summary, valueOf, partOf } = useServerForm("carer-note", data?.result ?? draft);
  if (sent && !data) {
    return (
      <div className="grid-two-thirds">
        <div className="panel" role="status">
          <h1 className="heading-xl">{t("carers:note.sentTitle")}</h1>
        </div>
        <h2 className="heading-m">{t("carers:note.nextTitle")}</h2>
        <p>{t("carers:note.next")}</p>
        <p>{t("carers:note.privacy")}</p>
        <p>{t("carers:tell.urgent")}</p>
        <p>
          <Link href="/carer">{t("carers:tell.back")}</Link>
        </p>
      </div>
    );
  }
  return (
    <FormPage back={{ href: "/carer", label: t("carers:tell.back") }} title={pageTitle} errors={summary} resultKey={data} draft={draft}>
      <p>{t("carers:note.intro")}</p>
      <p>{t("carers:note.privacy")}</p>
      <div className="warning-text">
        <strong>{t("carers:tell.urgent")}</strong>
      </div>
      <Form id={form.id} keepsDraft>
        <TextField name="personName" maxLength={200} label={t("carers:note.personName")} autoComplete="off" defaultValue={valueOf("personName")} error={errorFor("personName")} />
        <DateInput
          name="personBirthDate"
          legend={t("carers:note.birthDate")}
          hint={t("carers:note.birthDateHint")}
          optional
          error={errorFor("personBirthDate")}
          defaultValue={{ day: partOf("personBirthDate", "day"), month: partOf("personBirthDate", "month"), year: partOf("personBirthDate", "year") }}
        />
        <TextArea
          name="personDetails"
          maxLength={1000}
          label={t("carers:note.details")}
          optional
          hint={t("carers:note.detailsHint")}
          rows={3}
          defaultValue={valueOf("personDetails")}
          error={errorFor("personDetails")}
        />
        <TextArea name="body" maxLength={5000} label={t("carers:tell.label")} hint={t("carers:tell.hint")} rows={8} defaultValue={valueOf("body")} error={errorFor("body")} />
        <Button type="submit">{t("carers:tell.send")}</Button>
      </Form>
    </FormPage>
  );
}
