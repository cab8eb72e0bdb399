import { useTranslation } from "react-i18next";
import { RadioGroup } from "~/components/ui/RadioGroup";
import { TextField } from "~/components/ui/TextField";
import { careTeamAgencyChoices } from "~/models/vocabulary/plan-sections";

export interface CareTeamValues {
  name?: string;
  role?: string;
  organisation?: string;
  agency?: string;
  contact?: string;
  whenToContact?: string;
}

/**
 * The questions about one member of the care team. `withName` and `withAgency` are off when the
 * coordinator is chosen from staff accounts (their name is known, and they work for the trust).
 */
export function CareTeamFields({
  values,
  errorFor,
  withName = true,
  withAgency = true,
}: {
  values: CareTeamValues;
  errorFor: (name: string) => string | undefined;
  withName?: boolean;
  withAgency?: boolean;
}) {
  const { t } = useTranslation(["plan"]);
  return (
    <>
      {withName ? (
        <TextField name="name" maxLength={200} label={t("plan:teamForm.name")} autoComplete="off" defaultValue={values.name} error={errorFor("name")} />
      ) : null}
      <TextField name="role" maxLength={200} label={t("plan:teamForm.role")} hint={t("plan:teamForm.roleHint")} defaultValue={values.role} error={errorFor("role")} />
      <TextField
        name="organisation" maxLength={200}
        label={t("plan:teamForm.organisation")}
        hint={t("plan:teamForm.organisationHint")}
        defaultValue={values.organisation}
        error={errorFor("organisation")}
      />
      {withAgency ? (
        <RadioGroup
          name="agency"
          label={t("plan:teamForm.agency")}
          defaultValue={values.agency}
          error={errorFor("agency")}
          choices={careTeamAgencyChoices.map((a) => ({ value: a, label: t(`plan:teamForm.agencyChoice.${a}`) }))}
        />
      ) : null}
      <TextField
        name="contact" maxLength={500}
        label={t("plan:teamForm.contact")}
        hint={t("plan:teamForm.contactHint")}
        defaultValue={values.contact}
        error={errorFor("contact")}
      />
      <TextField
        name="whenToContact" maxLength={500}
        label={t("plan:teamForm.whenToContact")}
        hint={t("plan:teamForm.whenToContactHint")}
        optional
        defaultValue={values.whenToContact}
        error={errorFor("whenToContact")}
      />
    </>
  );
}
