import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CheckAnswers } from "~/components/forms/CheckAnswers";
import { FormPage } from "~/components/forms/FormPage";
import { useServerForm } from "~/components/forms/use-server-form";
import { DialogFields } from "~/components/how-i-am-doing/HowIAmDoingFields";
import { dialogRows, usePointText } from "~/components/how-i-am-doing/HowIAmDoingParts";
import { Button } from "~/components/ui/Button";
import { Form } from "~/components/ui/Form";
import { recordHowIAmDoing } from "~/models/how-i-am-doing.server";
import { isolate } from "~/utils/bidi";
import { useReaderT } from "~/utils/use-reader";
import { requireFormData } from "~/web/csrf.server";
import { restoreDraft } from "~/web/drafts.server";
import { invalid, orNotFound, requireRecord } from "~/web/guards.server";
import { saved, saveOnce } from "~/web/saves.server";
import { howIAmDoingSchema } from "~/web/validation/how-i-am-doing.server";
import { parseWithZod } from "~/web/validation/parse.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, serviceUserId, displayName, own, t } = await requireRecord(request, params, "howIAmDoing.write");
  return json({
    serviceUserId,
    draft: await restoreDraft(request, actor.accountId),
    pageTitle: own ? t("plan:howIAmDoing.formTitle") : t("plan:howIAmDoing.formTitle_them", { name: isolate(displayName) }),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, serviceUserId, t } = await requireRecord(request, params, "howIAmDoing.write");
  const formData = await requireFormData(request);
  const intent = formData.get("intent");
  const submission = parseWithZod(formData, { schema: howIAmDoingSchema });
  // "Change" on the check page: back to the form with every answer kept.
  if (intent === "edit") return json({ step: "form" as const, result: submission.reply() });
  if (submission.status !== "success") return invalid({ step: "form" as const, result: submission.reply() });
  // Check answers before saving: nothing is stored until the person saves.
  if (intent !== "send") {
    return json({ step: "check" as const, result: submission.reply(), answers: submission.value, pageTitle: t("plan:howIAmDoing.checkTitle") });
  }
  return saveOnce(request, formData, actor.accountId, async (tx) => {
    await orNotFound(recordHowIAmDoing(tx, actor, serviceUserId, submission.value));
    return saved(`/people/${serviceUserId}/how-i-am-doing`, "plan:howIAmDoing.saved");
  });
}

/** Say how I am doing (CP-14): eleven areas, 1 to 7, and where I would like more help. */
export default function SayHowIAmDoing() {
  const { t } = useTranslation(["plan", "common"]);
  const { tw, own, name } = useReaderT();
  const pointText = usePointText();
  const { serviceUserId, pageTitle, draft: kept } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const draft = data ? null : kept;
  const { form, errorFor, summary, valueOf, valuesOf } = useServerForm("how-i-am-doing", data?.step === "form" ? data.result : draft);
  const back = { href: `/people/${serviceUserId}/how-i-am-doing`, label: t("plan:howIAmDoing.back") };

  if (data?.step === "check") {
    return (
      <FormPage back={back} title={t("plan:howIAmDoing.checkTitle")} errors={[]} resultKey={data}>
        <CheckAnswers
          rows={dialogRows(data.answers, t, pointText)}
          values={(data.result.initialValue ?? {}) as Record<string, unknown>}
          sendLabel={t("plan:howIAmDoing.save")}
          keepsDraft
        >
          <p>{tw("plan:howIAmDoing.checkBody")}</p>
        </CheckAnswers>
      </FormPage>
    );
  }

  return (
    <FormPage back={back} title={pageTitle} errors={summary} resultKey={data} draft={draft}>
      <p className="lead">{tw("plan:howIAmDoing.formIntro")}</p>
      {own ? null : (
        <div className="inset">
          <p>{t("plan:howIAmDoing.forSomeone", { name: isolate(name) })}</p>
        </div>
      )}
      <p>{t("plan:howIAmDoing.scale")}</p>
      <Form id={form.id} keepsDraft>
        <input type="hidden" name="intent" value="check" />
        <DialogFields valueOf={valueOf} valuesOf={valuesOf} errorFor={errorFor} />
        <Button type="submit">{t("common:form.continue")}</Button>
      </Form>
    </FormPage>
  );
}
