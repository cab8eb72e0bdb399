import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { parseWithZod } from "~/web/validation/parse.server";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormPage } from "~/components/forms/FormPage";
import { useServerForm } from "~/components/forms/use-server-form";
import { Button } from "~/components/ui/Button";
import { Form } from "~/components/ui/Form";
import { isolate } from "~/utils/bidi";
import { requireFormData } from "~/web/csrf.server";
import { invalid, orNotFound, requireRecord } from "~/web/guards.server";
import { CheckboxGroup } from "~/components/ui/CheckboxGroup";
import { TextField } from "~/components/ui/TextField";
import { addConsultee, getDecisionsOverview } from "~/models/decisions.server";
import { consultScopes } from "~/models/vocabulary/decisions";
import { consulteeSchema } from "~/web/validation/decisions.server";
import { saved, saveOnce } from "~/web/saves.server";
import { getDb } from "~/utils/db.server";
import { restoreDraft } from "~/web/drafts.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, serviceUserId, own, t } = await requireRecord(request, params, "decisions.write");
  const overview = await orNotFound(getDecisionsOverview(getDb(), actor, serviceUserId));
  return json({
    serviceUserId,
    relationshipLabel: own ? t("decisions:consult.relationship") : t("decisions:consult.relationship_them", { name: isolate(overview.displayName) }),
    draft: await restoreDraft(request, actor.accountId),
    pageTitle: t("decisions:consult.title"),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, serviceUserId } = await requireRecord(request, params, "decisions.write");
  const formData = await requireFormData(request);
  const submission = parseWithZod(formData, { schema: consulteeSchema });
  if (submission.status !== "success") return invalid(submission.reply());
  return saveOnce(request, formData, actor.accountId, async (tx) => {
    await orNotFound(addConsultee(tx, actor, serviceUserId, submission.value));
    return saved(`/people/${serviceUserId}/decisions#consult`, "saved");
  });
}

/** Add someone to ask before a decision is made for me (MC-04, MCA s4(7)). */
export default function AddConsultee() {
  const { t } = useTranslation(["decisions", "common"]);
  const { serviceUserId, relationshipLabel, pageTitle, draft: kept } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const draft = lastResult ? null : kept;
  const { form, errorFor, summary, valueOf, valuesOf } = useServerForm("consultee", lastResult ?? draft);
  return (
    <FormPage back={{ href: `/people/${serviceUserId}/decisions#consult`, label: t("decisions:back") }} title={pageTitle} errors={summary} resultKey={lastResult} draft={draft}>
      <Form id={form.id} keepsDraft>
        <TextField name="name" maxLength={200} label={t("decisions:consult.name")} autoComplete="off" defaultValue={valueOf("name")} error={errorFor("name")} />
        <TextField name="relationship" maxLength={200} label={relationshipLabel} hint={t("decisions:consult.relationshipHint")} defaultValue={valueOf("relationship")} error={errorFor("relationship")} />
        <TextField name="contact" maxLength={200} label={t("decisions:consult.contact")} optional autoComplete="off" defaultValue={valueOf("contact")} error={errorFor("contact")} />
        <CheckboxGroup
          name="scopes"
          label={t("decisions:consult.scopes")}
          hint={t("decisions:consult.scopesHint")}
          defaultValue={valuesOf("scopes")}
          error={errorFor("scopes")}
          choices={consultScopes.map((s) => ({ value: s, label: t(`decisions:consult.scope.${s}`) }))}
        />
        <TextField name="scopeOther" maxLength={500} label={t("decisions:consult.scopeOther")} optional defaultValue={valueOf("scopeOther")} error={errorFor("scopeOther")} />
        <Button type="submit">{t("decisions:consult.save")}</Button>
      </Form>
    </FormPage>
  );
}
