import { useTranslation } from "react-i18next";
import { DateInput } from "~/components/forms/DateInput";
import { CheckboxGroup } from "~/components/ui/CheckboxGroup";
import { Link } from "~/components/ui/Link";
import { shareableScopes } from "~/models/vocabulary/relationships";

/** What to share (nothing ticked by default) and an optional end date: the same on the invite and change pages. */
export function SharingFields({
  label,
  scopes,
  endsOn,
  errorFor,
}: {
  label: string;
  scopes: string[];
  endsOn: { day?: string; month?: string; year?: string };
  errorFor: (name: string) => string | undefined;
}) {
  const { t } = useTranslation(["carers"]);
  return (
    <>
      <CheckboxGroup
        name="scopes"
        label={label}
        // Not "(optional)": ticking nothing is an answer ("share nothing"), and the hint says so.
        hint={t("carers:change.whatHint")}
        defaultValue={scopes}
        error={errorFor("scopes")}
        choices={shareableScopes.map((s) => ({ value: s, label: t(`carers:scope.${s}`), hint: t(`carers:scopeHint.${s}`) }))}
      />
      <DateInput name="endsOn" legend={t("carers:change.endsOn")} hint={t("carers:change.endsOnHint")} optional error={errorFor("endsOn")} defaultValue={endsOn} />
    </>
  );
}

/** Shown when someone under 18 helps with caring: a plain pointer to help of their own (CR-09). */
export function YoungCarersNote() {
  const { t } = useTranslation(["carers"]);
  return (
    <div className="inset">
      <p>{t("carers:youngCarers.short")}</p>
      <p>
        <Link href="/young-carers">{t("carers:youngCarers.link")}</Link>
      </p>
    </div>
  );
}
