import { useTranslation } from "react-i18next";
import { DateInput } from "~/components/forms/DateInput";
import { TextArea } from "~/components/ui/TextArea";
import { TextField } from "~/components/ui/TextField";
import { useReaderT } from "~/utils/use-reader";

export interface GoalValues {
  what?: string;
  why?: string;
  firstStep?: string;
  whoCanHelp?: string;
  targetDate?: { day?: string; month?: string; year?: string };
}

/** The questions about a goal, in the person's own words: only the first needs an answer. */
export function GoalFields({ values, errorFor }: { values: GoalValues; errorFor: (name: string) => string | undefined }) {
  const { t } = useTranslation(["plan"]);
  const { tw } = useReaderT();
  return (
    <>
      <TextArea name="what" maxLength={500} label={tw("plan:goalForm.what")} hint={t("plan:goalForm.whatHint")} rows={3} defaultValue={values.what} error={errorFor("what")} />
      <TextArea name="why" maxLength={2000} label={tw("plan:goalForm.why")} optional rows={3} defaultValue={values.why} error={errorFor("why")} />
      <TextField
        name="firstStep" maxLength={500}
        label={t("plan:goalForm.firstStep")}
        hint={tw("plan:goalForm.firstStepHint")}
        optional
        defaultValue={values.firstStep}
        error={errorFor("firstStep")}
      />
      <TextField name="whoCanHelp" maxLength={500} label={t("plan:goalForm.whoCanHelp")} optional defaultValue={values.whoCanHelp} error={errorFor("whoCanHelp")} />
      <DateInput
        name="targetDate"
        legend={tw("plan:goalForm.targetDate")}
        hint={t("plan:goalForm.targetDateHint")}
        optional
        error={errorFor("targetDate")}
        defaultValue={values.targetDate ?? {}}
      />
    </>
  );
}
