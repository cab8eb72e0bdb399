import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { parseWithZod } from "~/web/validation/parse.server";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { StatementHistory, useDecisionsT } from "~/components/decisions/DecisionParts";
import { FormPage } from "~/components/forms/FormPage";
import { useServerForm } from "~/components/forms/use-server-form";
import { SummaryList } from "~/components/display/DisplayParts";
import { Button } from "~/components/ui/Button";
import { Form } from "~/components/ui/Form";
import { TextArea } from "~/components/ui/TextArea";
import { can } from "~/models/access.server";
import { listStatementVersions, writeStatement } from "~/models/decisions.server";
import { advanceParts } from "~/models/vocabulary/decisions";
import { requireSignedIn } from "~/web/auth.server";
import { isolate } from "~/utils/bidi";
import { requireFormData } from "~/web/csrf.server";
import { getDb } from "~/utils/db.server";
import { decisionsPage } from "~/web/decisions-page.server";
import { orNotFound } from "~/web/guards.server";
import { advanceStatementSchema } from "~/web/validation/decisions.server";
import { saved, saveOnce } from "~/web/saves.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, serviceUserId, overview, own, t } = await decisionsPage(request, params, "decisions.read");
  return json({
    serviceUserId,
    own,
    displayName: overview.displayName,
    versions: await listStatementVersions(getDb(), actor, serviceUserId, "advance"),
    canWrite: can(actor, "decisions.write", { serviceUserId }),
    pageTitle: own ? t("decisions:advance.heading") : t("decisions:advance.titleOther", { name: isolate(overview.displayName) }),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor } = await requireSignedIn(request);
  const formData = await requireFormData(request);
  const serviceUserId = params.serviceUserId ?? "";
  const submission = parseWithZod(formData, { schema: advanceStatementSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  return saveOnce(request, formData, actor.accountId, async (tx) => {
    await orNotFound(writeStatement(tx, actor, serviceUserId, "advance", submission.value));
    return saved(`/people/${serviceUserId}/decisions#advance`, "saved");
  });
}

/** An advance statement (MC-07): what I would like if I become unwell and cannot say. Versions kept. */
export default function AdvanceStatement() {
  const { t } = useTranslation(["decisions", "common"]);
  const { serviceUserId, own, displayName, versions, canWrite, pageTitle } = useLoaderData<typeof loader>();
  const tt = useDecisionsT(own);
  const lastResult = useActionData<typeof action>();
  const { form, errorFor, summary, valueOf } = useServerForm("advance", lastResult);
  const [current] = versions;
  const partsList = (parts: Record<string, string>) => (
    <SummaryList
      rows={advanceParts.filter((p) => parts[p]).map((p) => ({ key: p, label: t(`decisions:advance.parts.${p}`), value: <span className="their-words">{parts[p]}</span> }))}
    />
  );
  return (
    <FormPage back={{ href: `/people/${serviceUserId}/decisions`, label: t("decisions:back") }} title={pageTitle} errors={summary} resultKey={lastResult}>
      <p className="lead">{tt("decisions:advance.explain")}</p>
      {canWrite ? (
        <Form id={form.id} onSubmit={form.onSubmit}>
          <p className="hint">{t("decisions:advance.hint")}</p>
          {advanceParts.map((part) => (
            <TextArea
              key={part}
              name={part} maxLength={3000}
              label={t(`decisions:advance.parts.${part}`)}
              hint={t(`decisions:advance.hints.${part}`)}
              optional
              rows={4}
              defaultValue={valueOf(part) ?? current?.parts[part] ?? ""}
              error={errorFor(part)}
            />
          ))}
          <Button type="submit">{t("decisions:save")}</Button>
        </Form>
      ) : (
        <>
          <p>{t("decisions:advance.readOnly")}</p>
          {current ? partsList(current.parts) : <p>{t("decisions:notYet")}</p>}
        </>
      )}
      <StatementHistory versions={versions} name={displayName} show={partsList} />
    </FormPage>
  );
}
