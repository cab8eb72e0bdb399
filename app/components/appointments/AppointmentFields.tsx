import { useTranslation } from "react-i18next";
import { DateInput } from "~/components/forms/DateInput";
import type { useServerForm } from "~/components/forms/use-server-form";
import { RadioGroup } from "~/components/ui/RadioGroup";
import { TextArea } from "~/components/ui/TextArea";
import { TextField } from "~/components/ui/TextField";
import { appointmentKinds, appointmentModes } from "~/models/vocabulary/appointments";

// The form's fields live apart from the display parts, so pages that only show appointments (the
// list, the readable copy) do not load the form components (decision 049).

type ServerForm = ReturnType<typeof useServerForm>;

/** Staff's questions for recording or changing an appointment, with what was typed kept. */
export function AppointmentFields({ form }: { form: Pick<ServerForm, "errorFor" | "valueOf" | "partOf"> }) {
  const { t } = useTranslation(["appointments"]);
  const { errorFor, valueOf, partOf } = form;
  return (
    <>
      <RadioGroup
        name="kind"
        label={t("appointments:form.kind")}
        defaultValue={valueOf("kind")}
        error={errorFor("kind")}
        choices={appointmentKinds.map((k) => ({ value: k, label: t(`appointments:kind.${k}`) }))}
      />
      <DateInput
        name="startsOn"
        legend={t("appointments:form.date")}
        hint={t("appointments:form.dateHint")}
        error={errorFor("startsOn")}
        defaultValue={{ day: partOf("startsOn", "day"), month: partOf("startsOn", "month"), year: partOf("startsOn", "year") }}
      />
      <TextField
        name="startsTime"
        label={t("appointments:form.time")}
        hint={t("appointments:form.timeHint")}
        width="5"
        inputMode="numeric"
        defaultValue={valueOf("startsTime")}
        error={errorFor("startsTime")}
      />
      <RadioGroup
        name="mode"
        label={t("appointments:how")}
        defaultValue={valueOf("mode")}
        error={errorFor("mode")}
        choices={appointmentModes.map((m) => ({ value: m, label: t(`appointments:mode.${m}`) }))}
      />
      <TextField name="place" maxLength={500} label={t("appointments:form.place")} hint={t("appointments:form.placeHint")} defaultValue={valueOf("place")} error={errorFor("place")} />
      <TextField name="withWhom" maxLength={500} label={t("appointments:withWhom")} hint={t("appointments:form.withWhomHint")} defaultValue={valueOf("withWhom")} error={errorFor("withWhom")} />
      <TextArea name="purpose" maxLength={2000} label={t("appointments:purpose")} hint={t("appointments:form.purposeHint")} rows={3} defaultValue={valueOf("purpose")} error={errorFor("purpose")} />
    </>
  );
}
