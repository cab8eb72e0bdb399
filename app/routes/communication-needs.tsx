import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { parseWithZod } from "~/web/validation/parse.server";
import { useTranslation } from "react-i18next";
import { Link } from "~/components/ui/Link";
import { FormPage } from "~/components/forms/FormPage";
import { useLanguageOptions } from "~/components/forms/language-options";
import { SelectField } from "~/components/forms/SelectField";
import { useServerForm } from "~/components/forms/use-server-form";
import { FormattedDate } from "~/components/display/DisplayParts";
import { Button } from "~/components/ui/Button";
import { CheckboxGroup } from "~/components/ui/CheckboxGroup";
import { Form } from "~/components/ui/Form";
import { RadioGroup } from "~/components/ui/RadioGroup";
import { TextArea } from "~/components/ui/TextArea";
import { TextField } from "~/components/ui/TextField";
import { config } from "~/config.server";
import {
  communicationSupport,
  contactMethodsAis,
  informationFormats,
  languageModes,
  languageProficiencies,
} from "~/models/vocabulary/communication";
import { ownServiceUserId } from "~/models/access.server";
import { getMyCommunicationNeeds, saveMyCommunicationNeeds } from "~/models/communication.server";
import type { RouteHandle } from "~/root";
import { requireSignedIn } from "~/web/auth.server";
import { requireFormData } from "~/web/csrf.server";
import { getDb } from "~/utils/db.server";
import { communicationNeedsSchema } from "~/web/validation/communication.server";
import { saved, saveOnce } from "~/web/saves.server";
import { invalid } from "~/web/guards.server";
import { restoreDraft } from "~/web/drafts.server";

export const handle: RouteHandle = { titleKey: "communication:title" };

/** The form offers the main language and one more. Kept here (not in the .server schema) for the page. */
const languageRows = 2;

export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requireSignedIn(request);
  const needs = await getMyCommunicationNeeds(getDb(), actor, config().reviewIntervalMonths);
  // A service user can also ask for their plan in this format, or for their needs to be shared: the links go to
  // pages that need requests.create on their own record, by the same rule as everywhere else (access.server.ts).
  const ownRecord = ownServiceUserId(actor, "requests.create");
  return json({ needs, ownRecord, draft: await restoreDraft(request, actor.accountId) });
}

export async function action({ request }: ActionFunctionArgs) {
  const { actor } = await requireSignedIn(request);
  const formData = await requireFormData(request);
  const submission = parseWithZod(formData, { schema: communicationNeedsSchema });
  if (submission.status !== "success") return invalid(submission.reply());
  return saveOnce(request, formData, actor.accountId, async (tx) => {
    await saveMyCommunicationNeeds(tx, actor, submission.value);
    // "saved=1" only marks the address as after a save; the message comes from the session.
    return saved("/communication-needs?saved=1", "communication:saved");
  });
}

/** How I need information (Accessible Information Standard), for service users and carers alike. */
export default function CommunicationNeeds() {
  const { t } = useTranslation(["communication", "requests", "common"]);
  const { needs, ownRecord, draft: kept } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const draft = lastResult ? null : kept;
  const { form, errorFor, summary, valuesOf } = useServerForm("communication-needs", lastResult ?? draft);
  const typed = (lastResult?.initialValue ?? null) as Record<string, unknown> | null;
  const text = (name: "attachmentFormat" | "other") => (typed ? (typeof typed[name] === "string" ? (typed[name] as string) : "") : (needs?.[name] ?? ""));
  const list = (name: "contactMethods" | "formats" | "support") => (typed ? (valuesOf(name) ?? []) : (needs?.[name] ?? []));
  const typedLanguages = (typed?.languages ?? []) as { code?: string; modes?: string | string[]; interpreterNeeded?: string; proficiency?: string }[];
  const language = (i: number) => {
    if (typed) {
      const row = typedLanguages[i] ?? {};
      return { code: row.code ?? "", modes: [row.modes ?? []].flat(), interpreterNeeded: row.interpreterNeeded, proficiency: row.proficiency };
    }
    const saved = needs?.languages[i];
    return saved
      ? { code: saved.code, modes: saved.modes, interpreterNeeded: saved.interpreterNeeded ? "yes" : "no", proficiency: saved.proficiency ?? undefined }
      : { code: "", modes: [], interpreterNeeded: undefined, proficiency: undefined };
  };
  const languageOptions = useLanguageOptions({ withSignLanguage: true });
  return (
    <FormPage back={{ href: "/", label: t("communication:back") }} title={t("communication:title")} errors={summary} resultKey={lastResult} draft={draft}>
      <p className="lead">{t("communication:intro")}</p>
      {needs ? (
        <p>
          {t("communication:lastReviewed")} <FormattedDate iso={needs.reviewedAt} />
          {needs.reviewDue ? (
            <>
              {" "}
              <strong>{t("communication:reviewDue")}</strong>
            </>
          ) : null}
        </p>
      ) : null}
      <Form id={form.id} keepsDraft>
        <CheckboxGroup
          name="contactMethods"
          label={t("communication:contactMethods")}
          hint={t("communication:tickAll")}
          optional
          defaultValue={list("contactMethods")}
          error={errorFor("contactMethods")}
          choices={contactMethodsAis.map((c) => ({ value: c, label: t(`communication:contact.${c}`) }))}
        />
        <CheckboxGroup
          name="formats"
          label={t("communication:formats")}
          hint={t("communication:tickAll")}
          optional
          defaultValue={list("formats")}
          error={errorFor("formats")}
          choices={informationFormats.map((c) => ({ value: c, label: t(`communication:format.${c}`) }))}
        />
        <TextField
          name="attachmentFormat" maxLength={200}
          label={t("communication:attachmentFormat")}
          hint={t("communication:attachmentFormatHint")}
          optional
          defaultValue={text("attachmentFormat")}
          error={errorFor("attachmentFormat")}
        />
        <CheckboxGroup
          name="support"
          label={t("communication:supportLabel")}
          hint={t("communication:tickAll")}
          optional
          defaultValue={list("support")}
          error={errorFor("support")}
          choices={communicationSupport.map((c) => ({ value: c, label: t(`communication:support.${c}`) }))}
        />
        <h2 className="heading-m">{t("communication:languagesTitle")}</h2>
        <p>{t("communication:languagesIntro")}</p>
        {Array.from({ length: languageRows }, (_, i) => {
          const row = language(i);
          return (
            <fieldset key={i} className="fieldset support-line">
              <legend className="field__label field__legend">{i === 0 ? t("communication:mainLanguage") : t("communication:otherLanguage")}</legend>
              <SelectField
                name={`languages[${i}].code`}
                label={t("communication:language.label")}
                hint={t("communication:language.hint")}
                optional
                placeholder={t("communication:language.choose")}
                options={languageOptions}
                defaultValue={row.code}
                error={errorFor(`languages[${i}].code`)}
              />
              <CheckboxGroup
                name={`languages[${i}].modes`}
                label={t("communication:modes")}
                optional
                defaultValue={row.modes}
                error={errorFor(`languages[${i}].modes`)}
                choices={languageModes.map((m) => ({ value: m, label: t(`communication:mode.${m}`) }))}
              />
              <RadioGroup
                name={`languages[${i}].proficiency`}
                label={t("communication:proficiency.label")}
                hint={t("communication:proficiency.hint")}
                optional
                defaultValue={row.proficiency}
                error={errorFor(`languages[${i}].proficiency`)}
                choices={languageProficiencies.map((p) => ({ value: p, label: t(`communication:proficiency.${p}`) }))}
              />
              <RadioGroup
                name={`languages[${i}].interpreterNeeded`}
                label={t("communication:interpreterNeeded")}
                optional
                defaultValue={row.interpreterNeeded}
                error={errorFor(`languages[${i}].interpreterNeeded`)}
                choices={[
                  { value: "yes", label: t("communication:yes") },
                  { value: "no", label: t("communication:no") },
                ]}
              />
            </fieldset>
          );
        })}
        <TextArea name="other" maxLength={2000} label={t("communication:other")} hint={t("communication:otherHint")} optional rows={4} defaultValue={text("other")} error={errorFor("other")} />
        <Button type="submit">{needs ? t("communication:saveReviewed") : t("communication:save")}</Button>
      </Form>
      {ownRecord && needs && !needs.noNeeds ? (
        <section aria-labelledby="use-needs" className="section">
          <h2 className="heading-m" id="use-needs">
            {t("requests:format.useNeedsTitle")}
          </h2>
          <ul className="list">
            <li>
              <Link href={`/people/${ownRecord}/requests/format`}>{t("requests:format.linkOwn")}</Link>
            </li>
            <li>
              <Link href={`/people/${ownRecord}/requests/share-needs`}>{t("requests:shareNeeds.linkOwn")}</Link>
            </li>
          </ul>
        </section>
      ) : null}
    </FormPage>
  );
}
