import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AppointmentFields } from "~/components/appointments/AppointmentFields";
import { AppointmentSummary } from "~/components/appointments/AppointmentParts";
import { BaseVersionField, conflictIn, ConflictNotice } from "~/components/forms/ConflictNotice";
import { FormPage } from "~/components/forms/FormPage";
import { useServerForm } from "~/components/forms/use-server-form";
import { Button } from "~/components/ui/Button";
import { Form } from "~/components/ui/Form";
import { TextArea } from "~/components/ui/TextArea";
import { AppointmentInPastError, cancelAppointment, changeAppointment, getAppointment, isOpen, type Appointment } from "~/models/appointments.server";
import { isolate } from "~/utils/bidi";
import { getDb } from "~/utils/db.server";
import { requireFormData } from "~/web/csrf.server";
import { restoreDraft } from "~/web/drafts.server";
import { baseVersionFrom, conflictReply } from "~/web/forms.server";
import { invalid, orNotFound, pathParam, requireRecord } from "~/web/guards.server";
import { saved, saveOnce } from "~/web/saves.server";
import { appointmentSchema, cancelAppointmentSchema, dateAndTimeAnswers } from "~/web/validation/appointments.server";
import { parseWithZod } from "~/web/validation/parse.server";

/** The appointment as the form's answers: the date and time on the clocks in England. */
function answersOf(a: Appointment) {
  const { date, time } = dateAndTimeAnswers(a.startsAt);
  return {
    kind: a.kind,
    startsOn: date,
    startsTime: time,
    mode: a.mode,
    place: a.place,
    withWhom: a.withWhom,
    purpose: a.purpose,
  };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, displayName, serviceUserId, t } = await requireRecord(request, params, "appointments.write");
  const appointment = await orNotFound(getAppointment(getDb(), actor, serviceUserId, pathParam(params, "appointmentId")));
  return json({
    serviceUserId,
    appointment,
    open: isOpen(appointment),
    answers: { initialValue: answersOf(appointment) },
    draft: await restoreDraft(request, actor.accountId),
    pageTitle: t("appointments:form.changeTitle", { name: isolate(displayName) }),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, serviceUserId } = await requireRecord(request, params, "appointments.write");
  const formData = await requireFormData(request);
  const appointmentId = pathParam(params, "appointmentId");
  const intent = formData.get("intent") === "cancel" ? "cancel" : "change";
  const submission = intent === "cancel" ? parseWithZod(formData, { schema: cancelAppointmentSchema }) : parseWithZod(formData, { schema: appointmentSchema() });
  if (submission.status !== "success") return invalid({ intent, ...submission.reply() });
  try {
    return await saveOnce(request, formData, actor.accountId, async (tx) => {
      if (submission.value && "reason" in submission.value) {
        await orNotFound(cancelAppointment(tx, actor, serviceUserId, appointmentId, submission.value.reason));
      } else {
        await orNotFound(changeAppointment(tx, actor, serviceUserId, appointmentId, { ...submission.value, baseVersion: baseVersionFrom(formData) }));
      }
      return saved(`/people/${serviceUserId}/appointments`, "saved");
    });
  } catch (error) {
    // It has passed meanwhile: it can no longer be changed or cancelled. What was typed is kept.
    if (error instanceof AppointmentInPastError) return invalid({ intent, ...submission.reply({ formErrors: ["validation:appointment.passed"] }) });
    // Only a change carries a base version: a conflict is always the change form's.
    return conflictReply<Appointment>(submission, error);
  }
}

/** Staff change an upcoming appointment, or cancel it with a reason the person reads. */
export default function ChangeAppointment() {
  const { t } = useTranslation(["appointments", "common"]);
  const { serviceUserId, appointment, open, answers, pageTitle, draft: kept } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const draft = lastResult ? null : kept;
  const conflict = conflictIn<Appointment>(lastResult);
  const changing = !lastResult || !("intent" in lastResult) || lastResult.intent === "change";
  const change = useServerForm("appointment", changing ? (lastResult ?? draft ?? answers) : answers);
  const cancel = useServerForm("appointment-cancel", changing ? null : lastResult);
  return (
    <FormPage
      back={{ href: `/people/${serviceUserId}/appointments`, label: t("appointments:back") }}
      title={pageTitle}
      errors={changing ? change.summary : cancel.summary}
      resultKey={lastResult}
      draft={draft}
    >
      {!open ? (
        <>
          <AppointmentSummary appointment={appointment} />
          <p>{t("appointments:form.closed")}</p>
        </>
      ) : (
        <>
          {conflict ? (
            <ConflictNotice conflict={conflict}>
              <AppointmentSummary appointment={{ ...appointment, ...conflict.value }} />
            </ConflictNotice>
          ) : null}
          <Form id={change.form.id} keepsDraft>
            <BaseVersionField version={conflict?.version ?? appointment.version} />
            <AppointmentFields form={change} />
            <Button type="submit">{t("appointments:form.saveChange")}</Button>
          </Form>
          <h2 className="heading-l">{t("appointments:form.cancelTitle")}</h2>
          <Form id={cancel.form.id}>
            <input type="hidden" name="intent" value="cancel" />
            <TextArea
              name="reason"
              maxLength={2000}
              label={t("appointments:form.cancelReason")}
              hint={t("appointments:form.cancelReasonHint")}
              rows={3}
              defaultValue={cancel.valueOf("reason")}
              error={cancel.errorFor("reason")}
            />
            <Button type="submit" variant="warning">
              {t("appointments:form.cancel")}
            </Button>
          </Form>
        </>
      )}
    </FormPage>
  );
}
