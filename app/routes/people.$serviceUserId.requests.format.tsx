import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { parseWithZod } from "~/web/validation/parse.server";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormPage } from "~/components/forms/FormPage";
import { useServerForm } from "~/components/forms/use-server-form";
import { Button } from "~/components/ui/Button";
import { Form } from "~/components/ui/Form";
import { RadioGroup } from "~/components/ui/RadioGroup";
import { TextField } from "~/components/ui/TextField";
import { useLanguageOptions } from "~/components/forms/language-options";
import { SelectField } from "~/components/forms/SelectField";
import { formatDeliveries, formatDocuments, informationFormats, requestFormats } from "~/models/vocabulary/communication";
import { languages as portalLanguages } from "~/i18n";
import { requestFormat } from "~/models/requests.server";
import { isolate } from "~/utils/bidi";
import { requireFormData } from "~/web/csrf.server";
import { invalid, orNotFound, requireRecord } from "~/web/guards.server";
import { recordedNeedsFor } from "~/web/request-pages.server";
import { formatRequestSchema } from "~/web/validation/requests.server";
import { useReaderT } from "~/utils/use-reader";
import { saved, saveOnce } from "~/web/saves.server";
import { restoreDraft } from "~/web/drafts.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, serviceUserId, displayName, own, t } = await requireRecord(request, params, "requests.create");
  // The format already recorded is chosen for them (WCAG 3.3.7); they can still pick another.
  const recorded = await recordedNeedsFor(actor, serviceUserId);
  const document = new URL(request.url).searchParams.get("document");
  return json({
    serviceUserId,
    defaults: {
      document: (formatDocuments as readonly string[]).includes(document ?? "") ? document! : undefined,
      format: recorded?.formats.find((f) => (informationFormats as readonly string[]).includes(f)),
      attachmentFormat: recorded?.attachmentFormat || undefined,
      delivery: recorded?.contactMethods.includes("email") ? "email" : recorded?.contactMethods.includes("letter") ? "post" : undefined,
      // A translation starts from the person's main recorded language, when the portal is not in it.
      language: recordedLanguageNotInPortal(recorded?.languages.map((l) => l.code) ?? []),
    },
    draft: await restoreDraft(request, actor.accountId),
    pageTitle: own ? t("requests:format.titleOwn") : t("requests:format.titleOther", { name: isolate(displayName) }),
  });
}

function recordedLanguageNotInPortal(codes: string[]): string | undefined {
  return codes.find((code) => code !== "bfi" && !portalLanguages.some((l) => l.code === code || l.code.split("-")[0] === code));
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, serviceUserId } = await requireRecord(request, params, "requests.create");
  const formData = await requireFormData(request);
  const submission = parseWithZod(formData, { schema: formatRequestSchema });
  if (submission.status !== "success") return invalid(submission.reply());
  return saveOnce(request, formData, actor.accountId, async (tx) => {
    const id = await orNotFound(requestFormat(tx, actor, serviceUserId, submission.value));
    return saved(`/people/${serviceUserId}/requests/${id}?sent=1`, null);
  });
}

/** Ask for the plan, the crisis plan or letters in the format that works (AIS "meet", AD-11). */
export default function AskForFormat() {
  const { t } = useTranslation(["requests", "communication", "common"]);
  const { tw } = useReaderT();
  const { serviceUserId, defaults, pageTitle, draft: kept } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const draft = lastResult ? null : kept;
  const { form, errorFor, summary, valueOf } = useServerForm("format", lastResult ?? draft);
  const languageOptions = useLanguageOptions({ withSignLanguage: false });
  const pick = (name: keyof typeof defaults) => ((lastResult ?? draft) ? valueOf(name) : defaults[name]);
  return (
    <FormPage back={{ href: `/people/${serviceUserId}/requests`, label: t("requests:back") }} title={pageTitle} errors={summary} resultKey={lastResult} draft={draft}>
      <p className="lead">{tw("requests:format.intro")}</p>
      <Form id={form.id} keepsDraft>
        <RadioGroup
          name="document"
          label={t("requests:format.document")}
          defaultValue={pick("document")}
          error={errorFor("document")}
          choices={formatDocuments.map((d) => ({ value: d, label: t(`requests:format.documents.${d}`) }))}
        />
        <RadioGroup
          name="format"
          label={t("requests:format.format")}
          hint={defaults.format ? t("requests:format.formatHintRecorded") : undefined}
          defaultValue={pick("format")}
          error={errorFor("format")}
          choices={requestFormats.map((f) => ({ value: f, label: t(`communication:format.${f}`) }))}
        />
        <TextField
          name="attachmentFormat" maxLength={200}
          label={t("communication:attachmentFormat")}
          hint={t("requests:format.attachmentHint")}
          optional
          defaultValue={pick("attachmentFormat")}
          error={errorFor("attachmentFormat")}
        />
        <SelectField
          name="language"
          label={t("requests:format.language")}
          hint={t("requests:format.languageHint")}
          placeholder={t("communication:language.choose")}
          options={languageOptions}
          defaultValue={pick("language")}
          error={errorFor("language")}
        />
        <RadioGroup
          name="delivery"
          label={tw("requests:format.delivery")}
          defaultValue={pick("delivery")}
          error={errorFor("delivery")}
          choices={formatDeliveries.map((d) => ({ value: d, label: tw(`requests:format.deliveries.${d}`) }))}
        />
        <Button type="submit">{t("requests:format.send")}</Button>
      </Form>
    </FormPage>
  );
}
