import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AppointmentFields } from "~/components/appointments/AppointmentFields";
import { FormPage } from "~/components/forms/FormPage";
import { useServerForm } from "~/components/forms/use-server-form";
import { Button } from "~/components/ui/Button";
import { Form } from "~/components/ui/Form";
import { AppointmentInPastError, recordAppointment } from "~/models/appointments.server";
import { isolate } from "~/utils/bidi";
import { requireFormData } from "~/web/csrf.server";
import { restoreDraft } from "~/web/drafts.server";
import { invalid, orNotFound, requireRecord } from "~/web/guards.server";
import { saved, saveOnce } from "~/web/saves.server";
import { appointmentSchema } from "~/web/validation/appointments.server";
import { parseWithZod } from "~/web/validation/parse.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, displayName, serviceUserId, t } = await requireRecord(request, params, "appointments.write");
  return json({ serviceUserId, draft: await restoreDraft(request, actor.accountId), pageTitle: t("appointments:form.newTitle", { name: isolate(displayName) }) });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, serviceUserId } = await requireRecord(request, params, "appointments.write");
  const formData = await requireFormData(request);
  const submission = parseWithZod(formData, { schema: appointmentSchema() });
  if (submission.status !== "success") return invalid(submission.reply());
  try {
    return await saveOnce(request, formData, actor.accountId, async (tx) => {
      await orNotFound(recordAppointment(tx, actor, serviceUserId, submission.value));
      return saved(`/people/${serviceUserId}/appointments`, "saved");
    });
  } catch (error) {
    // It became the past between the check and the save: the same error, what was typed kept.
    if (error instanceof AppointmentInPastError) return invalid(submission.reply({ fieldErrors: { startsTime: ["validation:appointment.past"] } }));
    throw error;
  }
}

/** Staff record an appointment or review for the person. */
export default function RecordAppointment() {
  const { t } = useTranslation(["appointments"]);
  const { serviceUserId, pageTitle, draft: kept } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const draft = lastResult ? null : kept;
  const form = useServerForm("appointment", lastResult ?? draft);
  return (
    <FormPage back={{ href: `/people/${serviceUserId}/appointments`, label: t("appointments:back") }} title={pageTitle} errors={form.summary} resultKey={lastResult} draft={draft}>
      <Form id={form.form.id} keepsDraft>
        <AppointmentFields form={form} />
        <Button type="submit">{t("appointments:form.save")}</Button>
      </Form>
    </FormPage>
  );
}
