import { useTranslation } from "react-i18next";
import { CheckboxGroup } from "~/components/ui/CheckboxGroup";
import { RadioGroup } from "~/components/ui/RadioGroup";
import { dialogAreas, dialogPoints } from "~/models/vocabulary/how-i-am-doing";
import { usePointText } from "./HowIAmDoingParts";

// The form's fields live apart from the display parts, so pages that only show ratings (the history,
// the readable copy) do not load the radio and checkbox components (decision 049).

/** The eleven areas, each a radio group 1 to 7 and a "more help" checkbox (the GOV.UK radios pattern). */
export function DialogFields({
  valueOf,
  valuesOf,
  errorFor,
}: {
  valueOf: (name: string) => string | undefined;
  valuesOf: (name: string) => string[] | undefined;
  errorFor: (name: string) => string | undefined;
}) {
  const { t } = useTranslation(["plan"]);
  const pointText = usePointText();
  return (
    <>
      {dialogAreas.map((area) => (
        <div className="dialog-area" key={area}>
          <RadioGroup
            name={area}
            label={t(`plan:howIAmDoing.area.${area}`)}
            hint={t(`plan:howIAmDoing.hint.${area}`)}
            defaultValue={valueOf(area)}
            error={errorFor(area)}
            choices={dialogPoints.map((p) => ({ value: String(p), label: pointText(p) }))}
          />
          <CheckboxGroup
            name={`${area}Help`}
            label={t("plan:howIAmDoing.helpLabel", { area: t(`plan:howIAmDoing.area.${area}`) })}
            optional
            defaultValue={valuesOf(`${area}Help`)}
            choices={[{ value: "yes", label: t("plan:howIAmDoing.moreHelp") }]}
          />
        </div>
      ))}
    </>
  );
}
