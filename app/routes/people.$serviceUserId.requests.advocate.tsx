import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { parseWithZod } from "~/web/validation/parse.server";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useNeedsInOneLine, type FlagNeeds } from "~/components/communication/CommunicationFlag";
import { CheckAnswers } from "~/components/forms/CheckAnswers";
import { FormPage } from "~/components/forms/FormPage";
import { useServerForm } from "~/components/forms/use-server-form";
import { useAdvocateRows } from "~/components/requests/RequestParts";
import { Button } from "~/components/ui/Button";
import { CheckboxGroup } from "~/components/ui/CheckboxGroup";
import { Form } from "~/components/ui/Form";
import { Link } from "~/components/ui/Link";
import { RadioGroup } from "~/components/ui/RadioGroup";
import { TextArea } from "~/components/ui/TextArea";
import { TextField } from "~/components/ui/TextField";
import { advocateContactMethods, advocateReferrers, advocateRequestKinds, legalStatuses } from "~/models/advocacy";
import { requestAdvocate, type AdvocateDetails } from "~/models/requests.server";
import { isolate } from "~/utils/bidi";
import { requireFormData } from "~/web/csrf.server";
import { invalid, orNotFound, requireRecord } from "~/web/guards.server";
import { recordedNeedsFor } from "~/web/request-pages.server";
import { advocateRequestSchema } from "~/web/validation/requests.server";
import { useReaderT } from "~/utils/use-reader";
import { saved, saveOnce } from "~/web/saves.server";
import { restoreDraft } from "~/web/drafts.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, serviceUserId, displayName, own, t } = await requireRecord(request, params, "requests.create");
  // What is already recorded is offered, not asked again (WCAG 3.3.7).
  const needs = await recordedNeedsFor(actor, serviceUserId);
  return json({
    serviceUserId,
    displayName,
    own,
    draft: await restoreDraft(request, actor.accountId),
    needs: needs ? { contactMethods: needs.contactMethods, formats: needs.formats, support: needs.support, other: needs.other, languages: needs.languages } : null,
    pageTitle: own ? t("requests:advocate.titleOwn") : t("requests:advocate.titleOther", { name: isolate(displayName) }),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, serviceUserId, own, t } = await requireRecord(request, params, "requests.create");
  const formData = await requireFormData(request);
  const intent = formData.get("intent");
  if (intent === "start") {
    // From the guide on /advocacy: start the form with the suggested kind chosen. Posted, never in the address.
    const kind = String(formData.get("kind") ?? "");
    return json({ step: "start" as const, kind: (advocateRequestKinds as readonly string[]).includes(kind) ? kind : null, result: null });
  }
  const submission = parseWithZod(formData, { schema: advocateRequestSchema(own) });
  if (intent === "edit") return json({ step: "details" as const, result: submission.reply() });
  if (submission.status !== "success") return invalid({ step: "details" as const, result: submission.reply() });
  if (intent !== "send") {
    return json({ step: "check" as const, result: submission.reply(), answers: submission.value, pageTitle: t("requests:advocate.checkTitle") });
  }
  return saveOnce(request, formData, actor.accountId, async (tx) => {
    const id = await orNotFound(requestAdvocate(tx, actor, serviceUserId, submission.value));
    return saved(`/people/${serviceUserId}/requests/${id}?sent=1`, null);
  });
}

/** Ask for an advocate (AD-02, AD-03, CR-08): a short form, check your answers, then what happens next. */
export default function AskForAdvocate() {
  const { t } = useTranslation(["requests", "advocacy", "common"]);
  const { tw } = useReaderT();
  const { serviceUserId, displayName, own, needs, pageTitle, draft: kept } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const draft = data ? null : kept;
  const { form, errorFor, summary, valueOf, valuesOf } = useServerForm("advocate", data?.step === "details" ? data.result : draft);
  const rows = useAdvocateRows();
  const oneLine = useNeedsInOneLine();
  const back = { href: `/people/${serviceUserId}/requests`, label: t("requests:back") };
  const fresh = (!data && !draft) || data?.step === "start";

  if (data?.step === "check") {
    const values = (data.result.initialValue ?? {}) as Record<string, unknown>;
    return (
      <FormPage back={back} title={t("requests:advocate.checkTitle")} errors={[]} resultKey={data}>
        <p>{own ? t("requests:advocate.checkIntroOwn") : t("requests:advocate.checkIntroOther", { name: isolate(displayName) })}</p>
        <CheckAnswers rows={rows(data.answers as AdvocateDetails)} values={values} sendLabel={t("requests:advocate.send")} keepsDraft>
          <p>{t("requests:advocate.checkBody")}</p>
        </CheckAnswers>
      </FormPage>
    );
  }

  const kindDefault = data?.step === "start" ? (data.kind ?? undefined) : valueOf("kind");
  // Before the first answer, the contact method and sharing start from the record.
  const contactDefault = fresh ? needs?.contactMethods.find((c) => (advocateContactMethods as readonly string[]).includes(c)) : valueOf("contactMethod");
  const shareDefault = fresh ? (needs ? "yes" : undefined) : valueOf("shareCommunication");

  return (
    <FormPage back={back} title={pageTitle} errors={summary} resultKey={data} draft={draft}>
      <p className="lead">{tw("requests:advocate.intro")}</p>
      <p>
        <Link href="/advocacy">{t("requests:advocate.guideLink")}</Link>
      </p>
      <Form id={form.id} keepsDraft>
        <input type="hidden" name="intent" value="check" />
        {own ? null : (
          <RadioGroup
            name="referrer"
            label={t("requests:advocate.referrer")}
            hint={t("requests:advocate.referrerHint", { name: isolate(displayName) })}
            defaultValue={valueOf("referrer")}
            error={errorFor("referrer")}
            choices={advocateReferrers.map((r) => ({ value: r, label: t(`requests:advocate.referrers.${r}`) }))}
          />
        )}
        <RadioGroup
          name="kind"
          label={t("requests:advocate.kind")}
          hint={t("requests:advocate.kindHint")}
          defaultValue={kindDefault}
          error={errorFor("kind")}
          choices={advocateRequestKinds.map((k) => ({ value: k, label: t(`requests:advocate.kinds.${k}`) }))}
        />
        <TextArea
          name="about" maxLength={2000}
          label={own ? t("requests:advocate.aboutOwn") : t("requests:advocate.about")}
          hint={t("requests:advocate.aboutHint")}
          rows={4}
          defaultValue={valueOf("about")}
          error={errorFor("about")}
        />
        <RadioGroup
          name="legalStatus"
          label={tw("requests:advocate.legalStatus")}
          hint={tw("requests:advocate.legalStatusHint")}
          optional
          defaultValue={valueOf("legalStatus")}
          error={errorFor("legalStatus")}
          choices={legalStatuses.map((s) => ({ value: s, label: tw(`requests:advocate.legal.${s}`) }))}
        />
        <h2 className="heading-m">{t("requests:advocate.communicationTitle")}</h2>
        {needs ? (
          <>
            <p>{own ? t("requests:advocate.recordedOwn") : t("requests:advocate.recordedOther", { name: isolate(displayName) })}</p>
            <p className="inset">{oneLine(needs as FlagNeeds, own)}</p>
            <RadioGroup
              name="shareCommunication"
              label={t("requests:advocate.shareCommunication")}
              defaultValue={shareDefault}
              error={errorFor("shareCommunication")}
              choices={[
                { value: "yes", label: t("requests:advocate.yes") },
                { value: "no", label: t("requests:advocate.no") },
              ]}
            />
          </>
        ) : (
          <p>
            {t("requests:advocate.noneRecorded")}{" "}
            {own ? <Link href="/communication-needs">{t("requests:advocate.recordLink")}</Link> : null}
          </p>
        )}
        <TextArea
          name="communicationOther" maxLength={2000}
          label={tw("requests:advocate.communicationOther")}
          hint={tw("requests:advocate.communicationOtherHint")}
          optional
          rows={3}
          defaultValue={valueOf("communicationOther")}
          error={errorFor("communicationOther")}
        />
        <h2 className="heading-m">{t("requests:advocate.contactTitle")}</h2>
        <RadioGroup
          name="contactMethod"
          label={tw("requests:advocate.contactMethod")}
          defaultValue={contactDefault}
          error={errorFor("contactMethod")}
          choices={advocateContactMethods.map((c) => ({ value: c, label: tw(`requests:advocate.contact.${c}`) }))}
        />
        <TextField
          name="contactDetails" maxLength={500}
          label={t("requests:advocate.contactDetails")}
          hint={tw("requests:advocate.contactDetailsHint")}
          defaultValue={valueOf("contactDetails")}
          error={errorFor("contactDetails")}
        />
        <TextField
          name="contactTimes" maxLength={500}
          label={tw("requests:advocate.contactTimes")}
          hint={tw("requests:advocate.contactTimesHint")}
          optional
          defaultValue={valueOf("contactTimes")}
          error={errorFor("contactTimes")}
        />
        <RadioGroup
          name="leaveMessage"
          label={tw("requests:advocate.leaveMessage")}
          optional
          defaultValue={valueOf("leaveMessage")}
          error={errorFor("leaveMessage")}
          choices={[
            { value: "yes", label: t("requests:advocate.yes") },
            { value: "no", label: t("requests:advocate.no") },
          ]}
        />
        <h2 className="heading-m">{tw("requests:advocate.consentTitle")}</h2>
        <p>{tw("requests:advocate.consentBody")}</p>
        <CheckboxGroup
          name="consent"
          label={tw("requests:advocate.consentLegend")}
          defaultValue={valuesOf("consent")}
          error={errorFor("consent")}
          choices={[{ value: "yes", label: own ? t("requests:advocate.consentOwn") : t("requests:advocate.consentOther", { name: isolate(displayName) }) }]}
        />
        <Button type="submit">{t("common:form.continue")}</Button>
      </Form>
    </FormPage>
  );
}
