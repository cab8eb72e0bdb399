import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { parseWithZod } from "~/web/validation/parse.server";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { StatementHistory, useDecisionsT } from "~/components/decisions/DecisionParts";
import { FormPage } from "~/components/forms/FormPage";
import { useServerForm } from "~/components/forms/use-server-form";
import { TheirWords } from "~/components/display/DisplayParts";
import { Button } from "~/components/ui/Button";
import { Form } from "~/components/ui/Form";
import { TextArea } from "~/components/ui/TextArea";
import { can } from "~/models/access.server";
import { listStatementVersions, writeStatement } from "~/models/decisions.server";
import { requireSignedIn } from "~/web/auth.server";
import { isolate } from "~/utils/bidi";
import { requireFormData } from "~/web/csrf.server";
import { getDb } from "~/utils/db.server";
import { decisionsPage } from "~/web/decisions-page.server";
import { orNotFound } from "~/web/guards.server";
import { wishesSchema } from "~/web/validation/decisions.server";
import { saved, saveOnce } from "~/web/saves.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, serviceUserId, overview, own, t } = await decisionsPage(request, params, "decisions.read");
  return json({
    serviceUserId,
    own,
    displayName: overview.displayName,
    versions: await listStatementVersions(getDb(), actor, serviceUserId, "wishes"),
    canWrite: can(actor, "decisions.write", { serviceUserId }),
    pageTitle: own ? t("decisions:wishes.heading") : t("decisions:wishes.titleOther", { name: isolate(overview.displayName) }),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor } = await requireSignedIn(request);
  const formData = await requireFormData(request);
  const serviceUserId = params.serviceUserId ?? "";
  const submission = parseWithZod(formData, { schema: wishesSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  return saveOnce(request, formData, actor.accountId, async (tx) => {
    await orNotFound(writeStatement(tx, actor, serviceUserId, "wishes", { body: submission.value.body }));
    return saved(`/people/${serviceUserId}/decisions#wishes`, "saved");
  });
}

/** My wishes, feelings, beliefs and values (MC-03): the person's words, every version kept. */
export default function Wishes() {
  const { t } = useTranslation(["decisions", "common"]);
  const { serviceUserId, own, displayName, versions, canWrite, pageTitle } = useLoaderData<typeof loader>();
  const tt = useDecisionsT(own);
  const lastResult = useActionData<typeof action>();
  const { form, errorFor, summary, valueOf } = useServerForm("wishes", lastResult);
  const [current] = versions;
  return (
    <FormPage back={{ href: `/people/${serviceUserId}/decisions`, label: t("decisions:back") }} title={pageTitle} errors={summary} resultKey={lastResult}>
      <p className="lead">{tt("decisions:wishes.explain")}</p>
      <p>{tt("decisions:wishes.explain2")}</p>
      {canWrite ? (
        <Form id={form.id} onSubmit={form.onSubmit}>
          <TextArea
            name="body" maxLength={5000}
            label={t("decisions:wishes.label")}
            hint={t("decisions:wishes.hint")}
            rows={10}
            defaultValue={valueOf("body") ?? current?.parts.body ?? ""}
            error={errorFor("body")}
          />
          <Button type="submit">{t("decisions:save")}</Button>
        </Form>
      ) : (
        <>
          <p>{t("decisions:wishes.readOnly")}</p>
          {current ? <TheirWords text={current.parts.body ?? ""} /> : <p>{t("decisions:notYet")}</p>}
        </>
      )}
      <StatementHistory versions={versions} name={displayName} show={(parts) => <TheirWords text={parts.body ?? ""} />} />
    </FormPage>
  );
}
