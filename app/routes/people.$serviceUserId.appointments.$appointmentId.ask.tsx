import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AppointmentSummary } from "~/components/appointments/AppointmentParts";
import { FormPage } from "~/components/forms/FormPage";
import { useServerForm } from "~/components/forms/use-server-form";
import { Button } from "~/components/ui/Button";
import { Form } from "~/components/ui/Form";
import { RadioGroup } from "~/components/ui/RadioGroup";
import { TextArea } from "~/components/ui/TextArea";
import { AppointmentInPastError, askToChangeAppointment, getAppointment, isOpen } from "~/models/appointments.server";
import { NotFoundError } from "~/models/access.server";
import { appointmentAsks } from "~/models/vocabulary/appointments";
import { getDb } from "~/utils/db.server";
import { requireFormData } from "~/web/csrf.server";
import { restoreDraft } from "~/web/drafts.server";
import { invalid, orNotFound, pathParam, requireRecord } from "~/web/guards.server";
import { saved, saveOnce } from "~/web/saves.server";
import { askAppointmentChangeSchema } from "~/web/validation/appointments.server";
import { parseWithZod } from "~/web/validation/parse.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, serviceUserId, t } = await requireRecord(request, params, "appointments.request");
  const appointment = await orNotFound(getAppointment(getDb(), actor, serviceUserId, pathParam(params, "appointmentId")));
  // Cancelled or passed: nothing to ask about.
  if (!isOpen(appointment)) throw new Response("Not found", { status: 404 });
  return json({ serviceUserId, appointment, draft: await restoreDraft(request, actor.accountId), pageTitle: t("appointments:askForm.title") });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, serviceUserId } = await requireRecord(request, params, "appointments.request");
  const formData = await requireFormData(request);
  const submission = parseWithZod(formData, { schema: askAppointmentChangeSchema });
  if (submission.status !== "success") return invalid(submission.reply());
  try {
    return await saveOnce(request, formData, actor.accountId, async (tx) => {
      const id = await orNotFound(askToChangeAppointment(tx, actor, serviceUserId, pathParam(params, "appointmentId"), submission.value));
      return saved(`/people/${serviceUserId}/requests/${id}?sent=1`, null);
    });
  } catch (error) {
    // It has passed (or was cancelled) since the page opened: say so, with what was typed kept.
    if (error instanceof AppointmentInPastError || error instanceof NotFoundError) return invalid(submission.reply({ formErrors: ["validation:appointment.passed"] }));
    throw error;
  }
}

/** The person (or someone acting for them) asks the team to change or cancel one appointment. */
export default function AskToChange() {
  const { t } = useTranslation(["appointments", "common"]);
  const { serviceUserId, appointment, pageTitle, draft: kept } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const draft = lastResult ? null : kept;
  const { form, errorFor, summary, valueOf } = useServerForm("appointment-ask", lastResult ?? draft);
  return (
    <FormPage back={{ href: `/people/${serviceUserId}/appointments`, label: t("appointments:back") }} title={pageTitle} errors={summary} resultKey={lastResult} draft={draft}>
      <AppointmentSummary appointment={appointment} />
      <p>{t("appointments:askForm.intro")}</p>
      <Form id={form.id} keepsDraft>
        <RadioGroup
          name="ask"
          label={t("appointments:askForm.ask")}
          defaultValue={valueOf("ask")}
          error={errorFor("ask")}
          choices={appointmentAsks.map((a) => ({ value: a, label: t(`appointments:askForm.asks.${a}`) }))}
        />
        <TextArea name="reason" maxLength={2000} label={t("appointments:askForm.reason")} hint={t("appointments:askForm.reasonHint")} optional rows={4} defaultValue={valueOf("reason")} error={errorFor("reason")} />
        <Button type="submit">{t("appointments:askForm.send")}</Button>
      </Form>
    </FormPage>
  );
}
