import { parseWithZod } from "~/web/validation/parse.server";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useNeedsInOneLine } from "~/components/communication/CommunicationFlag";
import { FormPage } from "~/components/forms/FormPage";
import { useServerForm } from "~/components/forms/use-server-form";
import { Button } from "~/components/ui/Button";
import { CheckboxGroup } from "~/components/ui/CheckboxGroup";
import { Form } from "~/components/ui/Form";
import { Link } from "~/components/ui/Link";
import type { Actor } from "~/models/access.server";
import { requestNeedsShared } from "~/models/requests.server";
import { isolate } from "~/utils/bidi";
import { requireFormData } from "~/web/csrf.server";
import { invalid, orNotFound, requireRecord } from "~/web/guards.server";
import { recordedNeedsFor } from "~/web/request-pages.server";
import { shareNeedsSchema } from "~/web/validation/requests.server";
import { useReaderT } from "~/utils/use-reader";
import { saved, saveOnce } from "~/web/saves.server";
import { restoreDraft } from "~/web/drafts.server";

async function recordedNeeds(actor: Actor, serviceUserId: string) {
  const needs = await recordedNeedsFor(actor, serviceUserId);
  return needs
    ? { contactMethods: needs.contactMethods, formats: needs.formats, support: needs.support, languages: needs.languages, other: Boolean(needs.other) }
    : null;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, serviceUserId, displayName, own, t } = await requireRecord(request, params, "requests.create");
  return json({
    serviceUserId,
    own,
    displayName,
    needs: await recordedNeeds(actor, serviceUserId),
    draft: await restoreDraft(request, actor.accountId),
    pageTitle: own ? t("requests:shareNeeds.titleOwn") : t("requests:shareNeeds.titleOther", { name: isolate(displayName) }),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, serviceUserId } = await requireRecord(request, params, "requests.create");
  const formData = await requireFormData(request);
  const submission = parseWithZod(formData, { schema: shareNeedsSchema });
  if (submission.status !== "success") return invalid(submission.reply());
  const needs = await recordedNeeds(actor, serviceUserId);
  if (!needs) return redirect(`/people/${serviceUserId}/requests/share-needs`);
  return saveOnce(request, formData, actor.accountId, async (tx) => {
    const id = await orNotFound(requestNeedsShared(tx, actor, serviceUserId, { consent: true, needs }));
    return saved(`/people/${serviceUserId}/requests/${id}?sent=1`, null);
  });
}

/**
 * Ask the team to share communication needs with other NHS services (AIS "share", AD-10). Only
 * staff can set the national Reasonable Adjustment flag, so this asks them to, with consent.
 */
export default function ShareNeeds() {
  const { t } = useTranslation(["requests", "communication", "common"]);
  const { serviceUserId, own, displayName, needs, pageTitle, draft: kept } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const draft = lastResult ? null : kept;
  const { form, errorFor, summary, valuesOf } = useServerForm("share-needs", lastResult ?? draft);
  const oneLine = useNeedsInOneLine();
  const { tw } = useReaderT();
  return (
    <FormPage back={{ href: `/people/${serviceUserId}/requests`, label: t("requests:back") }} title={pageTitle} errors={summary} resultKey={lastResult} draft={draft}>
      <p className="lead">{tw("requests:shareNeeds.intro")}</p>
      <p>{tw("requests:shareNeeds.flag")}</p>
      {needs ? (
        <>
          <h2 className="heading-m">{t("requests:shareNeeds.needs")}</h2>
          <p className="inset">{oneLine({ ...needs, other: needs.other ? "yes" : "" }, own)}</p>
          {own ? (
            <p>
              <Link href="/communication-needs">{t("requests:shareNeeds.change")}</Link>
            </p>
          ) : null}
          <Form id={form.id} keepsDraft>
            <CheckboxGroup
              name="consent"
              label={t("requests:shareNeeds.consentLegend")}
              defaultValue={valuesOf("consent")}
              error={errorFor("consent")}
              choices={[{ value: "yes", label: own ? t("requests:shareNeeds.consentOwn") : t("requests:shareNeeds.consentOther", { name: isolate(displayName) }) }]}
            />
            <Button type="submit">{t("requests:shareNeeds.send")}</Button>
          </Form>
        </>
      ) : (
        <p>
          {t("requests:shareNeeds.noneRecorded")}{" "}
          {own ? <Link href="/communication-needs">{t("requests:advocate.recordLink")}</Link> : null}
        </p>
      )}
    </FormPage>
  );
}
