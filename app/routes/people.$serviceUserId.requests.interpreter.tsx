import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { parseWithZod } from "~/web/validation/parse.server";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DateInput } from "~/components/forms/DateInput";
import { CheckAnswers } from "~/components/forms/CheckAnswers";
import { FormPage } from "~/components/forms/FormPage";
import { useLanguageOptions } from "~/components/forms/language-options";
import { SelectField } from "~/components/forms/SelectField";
import { useServerForm } from "~/components/forms/use-server-form";
import { useInterpreterRows } from "~/components/requests/RequestParts";
import { Button } from "~/components/ui/Button";
import { CheckboxGroup } from "~/components/ui/CheckboxGroup";
import { Form } from "~/components/ui/Form";
import { RadioGroup } from "~/components/ui/RadioGroup";
import { TextField } from "~/components/ui/TextField";
import { interpreterGenders, interpreterModes, interpreterNeeds } from "~/models/vocabulary/communication";
import { requestInterpreter } from "~/models/requests.server";
import { can, NotFoundError, type Actor } from "~/models/access.server";
import { getAppointment, isOpen } from "~/models/appointments.server";
import { interpreterModeFor } from "~/models/vocabulary/appointments";
import { getDb } from "~/utils/db.server";
import { dateAndTimeAnswers } from "~/web/validation/appointments.server";
import { isolate } from "~/utils/bidi";
import { requireFormData } from "~/web/csrf.server";
import { invalid, orNotFound, requireRecord } from "~/web/guards.server";
import { interpreterRequestSchema } from "~/web/validation/requests.server";
import { useReaderT } from "~/utils/use-reader";
import { saved, saveOnce } from "~/web/saves.server";
import { restoreDraft } from "~/web/drafts.server";

/**
 * "Ask for an interpreter" from an appointment (`?appointment=<id>`): the form starts with its
 * date, time, way and what it is. Only the id is in the address; nothing is filled in from an
 * appointment this person may not see, or one that is cancelled or has passed.
 */
async function fromAppointment(request: Request, actor: Actor, serviceUserId: string, t: (key: string) => string) {
  const appointmentId = new URL(request.url).searchParams.get("appointment");
  if (!appointmentId || !can(actor, "appointments.read", { serviceUserId })) return null;
  try {
    const a = await getAppointment(getDb(), actor, serviceUserId, appointmentId);
    if (!isOpen(a)) return null;
    const { date, time } = dateAndTimeAnswers(a.startsAt);
    return {
      initialValue: {
        mode: interpreterModeFor[a.mode],
        appointment: `${t(`appointments:kind.${a.kind}`)}${t("common:comma")}${a.withWhom}: ${a.purpose}`.slice(0, 500),
        appointmentOn: date,
        appointmentTime: time,
      },
    };
  } catch (error) {
    if (error instanceof NotFoundError) return null;
    throw error;
  }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, serviceUserId, displayName, own, t } = await requireRecord(request, params, "requests.create");
  return json({
    serviceUserId,
    draft: await restoreDraft(request, actor.accountId),
    prefill: await fromAppointment(request, actor, serviceUserId, t),
    pageTitle: own ? t("requests:interpreter.titleOwn") : t("requests:interpreter.titleOther", { name: isolate(displayName) }),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, serviceUserId, t } = await requireRecord(request, params, "requests.create");
  const formData = await requireFormData(request);
  const intent = formData.get("intent");
  const submission = parseWithZod(formData, { schema: interpreterRequestSchema() });
  // "Change" on the check page: back to the form with every answer kept.
  if (intent === "edit") return json({ step: "details" as const, result: submission.reply() });
  if (submission.status !== "success") return invalid({ step: "details" as const, result: submission.reply() });
  // Check answers before sending (AX-12). Nothing is stored until the person sends it.
  if (intent !== "send") {
    const { appointmentAt, ...answers } = submission.value;
    return json({
      step: "check" as const,
      result: submission.reply(),
      answers,
      appointmentAt: appointmentAt.toISOString(),
      pageTitle: t("requests:interpreter.checkTitle"),
    });
  }
  return saveOnce(request, formData, actor.accountId, async (tx) => {
    const id = await orNotFound(requestInterpreter(tx, actor, serviceUserId, submission.value));
    return saved(`/people/${serviceUserId}/requests/${id}?sent=1`, null);
  });
}

/** Ask for an interpreter for one appointment or review (MC-01…MC-09). */
export default function AskForInterpreter() {
  const { t } = useTranslation(["requests", "communication", "common"]);
  const { tw } = useReaderT();
  const { serviceUserId, pageTitle, draft: kept, prefill } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const draft = data ? null : kept;
  const { form, errorFor, summary, valueOf, valuesOf, partOf } = useServerForm("interpreter", data?.step === "details" ? data.result : (draft ?? prefill));
  const languageOptions = useLanguageOptions({ withSignLanguage: false });
  const rows = useInterpreterRows();
  const back = { href: `/people/${serviceUserId}/requests`, label: t("requests:back") };

  if (data?.step === "check") {
    return (
      <FormPage back={back} title={t("requests:interpreter.checkTitle")} errors={[]} resultKey={data}>
        <CheckAnswers
          rows={rows(data.answers, data.appointmentAt)}
          values={(data.result.initialValue ?? {}) as Record<string, unknown>}
          sendLabel={t("requests:interpreter.send")}
          keepsDraft
        >
          <p>{t("requests:interpreter.checkBody")}</p>
        </CheckAnswers>
      </FormPage>
    );
  }

  return (
    <FormPage back={back} title={pageTitle} errors={summary} resultKey={data} draft={draft}>
      <p className="lead">{tw("requests:interpreter.intro")}</p>
      <div className="inset">
        <p>{tw("requests:interpreter.noFamily")}</p>
      </div>
      <Form id={form.id} keepsDraft>
        <input type="hidden" name="intent" value="check" />
        <RadioGroup
          name="need"
          label={t("requests:interpreter.need")}
          defaultValue={valueOf("need")}
          error={errorFor("need")}
          choices={interpreterNeeds.map((n) => ({ value: n, label: t(`requests:need.${n}`) }))}
        />
        <SelectField
          name="language"
          label={t("requests:interpreter.language")}
          hint={t("requests:interpreter.languageHint")}
          placeholder={t("communication:language.choose")}
          options={languageOptions}
          defaultValue={valueOf("language")}
          error={errorFor("language")}
        />
        <RadioGroup
          name="mode"
          label={t("requests:interpreter.mode")}
          hint={t("requests:interpreter.modeHint")}
          defaultValue={valueOf("mode")}
          error={errorFor("mode")}
          choices={interpreterModes.map((m) => ({ value: m, label: t(`requests:mode.${m}`) }))}
        />
        <RadioGroup
          name="gender"
          label={t("requests:interpreter.gender")}
          optional
          defaultValue={valueOf("gender")}
          error={errorFor("gender")}
          choices={interpreterGenders.map((g) => ({ value: g, label: t(`requests:gender.${g}`) }))}
        />
        <TextField name="dialect" maxLength={200} label={t("requests:interpreter.dialect")} hint={tw("requests:interpreter.dialectHint")} optional defaultValue={valueOf("dialect")} error={errorFor("dialect")} />
        <CheckboxGroup
          name="notSomeoneIKnow"
          label={t("requests:interpreter.privacy")}
          optional
          defaultValue={valuesOf("notSomeoneIKnow")}
          choices={[{ value: "yes", label: tw("requests:interpreter.notSomeoneIKnow") }]}
        />
        <TextField name="appointment" maxLength={500} label={t("requests:interpreter.appointment")} hint={tw("requests:interpreter.appointmentHint")} defaultValue={valueOf("appointment")} error={errorFor("appointment")} />
        <DateInput
          name="appointmentOn"
          legend={t("requests:interpreter.date")}
          hint={t("requests:interpreter.dateHint")}
          error={errorFor("appointmentOn")}
          defaultValue={{ day: partOf("appointmentOn", "day"), month: partOf("appointmentOn", "month"), year: partOf("appointmentOn", "year") }}
        />
        <TextField
          name="appointmentTime"
          label={t("requests:interpreter.time")}
          hint={t("requests:interpreter.timeHint")}
          width="5"
          inputMode="numeric"
          defaultValue={valueOf("appointmentTime")}
          error={errorFor("appointmentTime")}
        />
        <Button type="submit">{t("common:form.continue")}</Button>
      </Form>
    </FormPage>
  );
}
