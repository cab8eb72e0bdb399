import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { parseWithZod } from "~/web/validation/parse.server";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DateInput } from "~/components/forms/DateInput";
import { FormPage } from "~/components/forms/FormPage";
import { useServerForm } from "~/components/forms/use-server-form";
import { FormattedDate } from "~/components/display/DisplayParts";
import { Button } from "~/components/ui/Button";
import { Form } from "~/components/ui/Form";
import { RadioGroup } from "~/components/ui/RadioGroup";
import { TextField } from "~/components/ui/TextField";
import { endActingOnBehalf, listActingCandidates, recordActingOnBehalf } from "~/models/sharing.server";
import { isolate } from "~/utils/bidi";
import { requireFormData } from "~/web/csrf.server";
import { getDb } from "~/utils/db.server";
import { invalid, orNotFound, requireRecord } from "~/web/guards.server";
import { actingOnBehalfSchema } from "~/web/validation/sharing.server";
import { saved, saveOnce } from "~/web/saves.server";
import { restoreDraft } from "~/web/drafts.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, displayName, serviceUserId, t } = await requireRecord(request, params, "decisions.manage");
  const db = getDb();
  const candidates = await listActingCandidates(db, actor, serviceUserId);
  return json({
    serviceUserId,
    displayName,
    candidates: candidates.map((c) => ({
      relationshipId: c.relationshipId,
      name: c.name,
      kind: c.kind,
      acting: c.grants.filter((g) => g.scope === "act_on_behalf").map((g) => ({ basis: g.basis, note: g.basisNote, endsAt: g.endsAt })),
    })),
    draft: await restoreDraft(request, actor.accountId),
    pageTitle: t("carers:acting.staffTitle", { name: isolate(displayName) }),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, serviceUserId } = await requireRecord(request, params, "decisions.manage");
  const formData = await requireFormData(request);
  if (formData.get("intent") === "end") {
    return saveOnce(request, formData, actor.accountId, async (tx) => {
      await orNotFound(endActingOnBehalf(tx, actor, serviceUserId, String(formData.get("relationshipId") ?? "")));
      return saved(`/people/${serviceUserId}/acting-for`, "saved");
    });
  }
  const submission = parseWithZod(formData, { schema: actingOnBehalfSchema() });
  if (submission.status !== "success") return invalid(submission.reply());
  const { relationshipId, basis, decision, endsOn } = submission.value;
  return saveOnce(request, formData, actor.accountId, async (tx) => {
    await orNotFound(recordActingOnBehalf(tx, actor, serviceUserId, relationshipId, { basis, decision, endsOn: endsOn! }));
    return saved(`/people/${serviceUserId}/carers`, "saved");
  });
}

/**
 * Staff record that an advocate or attorney may fill in forms for the person, for one decision the
 * person cannot make at the moment: the legal basis, the decision, and an end date.
 */
export default function RecordActingOnBehalf() {
  const { t } = useTranslation(["carers", "common"]);
  const { serviceUserId, displayName, candidates, pageTitle, draft: kept } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const draft = lastResult ? null : kept;
  const { form, errorFor, summary, valueOf, partOf } = useServerForm("acting", lastResult ?? draft);
  return (
    <FormPage back={{ href: `/people/${serviceUserId}/carers`, label: t("carers:acting.back") }} title={pageTitle} errors={summary} resultKey={lastResult} draft={draft}>
      <p>{t("carers:acting.staffIntro", { name: isolate(displayName) })}</p>
      {candidates.some((c) => c.acting.length) ? (
        <>
          <h2 className="heading-m">{t("carers:acting.now")}</h2>
          <ul className="list list--bullet">
            {candidates.flatMap((c) =>
              c.acting.map((a, i) => (
                <li key={`${c.relationshipId}-${i}`}>
                  <bdi>{c.name}</bdi>
                  {t("common:colon")}
                  {t(`carers:acting.basis.${a.basis}`)}
                  {a.note ? (
                    <>
                      {" – "}
                      <bdi>{a.note}</bdi>
                    </>
                  ) : null}
                  {a.endsAt ? (
                    <>
                      {t("common:sentenceBreak")}
                      {t("carers:sharing.until")} <FormattedDate iso={a.endsAt} />
                    </>
                  ) : null}
                  {a.basis !== "consent" ? (
                    <Form>
                      <input type="hidden" name="intent" value="end" />
                      <input type="hidden" name="relationshipId" value={c.relationshipId} />
                      <Button type="submit" variant="secondary">
                        {t("carers:acting.end", { name: isolate(c.name) })}
                      </Button>
                    </Form>
                  ) : null}
                </li>
              )),
            )}
          </ul>
        </>
      ) : null}
      {candidates.length ? (
        <Form id={form.id} keepsDraft>
          <RadioGroup
            name="relationshipId"
            label={t("carers:acting.who")}
            defaultValue={valueOf("relationshipId")}
            error={errorFor("relationshipId")}
            choices={candidates.map((c) => ({ value: c.relationshipId, label: <><bdi>{c.name}</bdi> ({t(`carers:kind.${c.kind}`)})</> }))}
          />
          <RadioGroup
            name="basis"
            label={t("carers:acting.basisLabel")}
            defaultValue={valueOf("basis")}
            error={errorFor("basis")}
            choices={(["best_interests", "lasting_power_of_attorney"] as const).map((b) => ({
              value: b,
              label: t(`carers:acting.basis.${b}`),
              hint: t(`carers:acting.basisHint.${b}`),
            }))}
          />
          <TextField name="decision" maxLength={500} label={t("carers:acting.decision")} hint={t("carers:acting.decisionHint")} defaultValue={valueOf("decision")} error={errorFor("decision")} />
          <DateInput
            name="endsOn"
            legend={t("carers:acting.endsOn")}
            hint={t("carers:acting.endsOnHint")}
            error={errorFor("endsOn")}
            defaultValue={{ day: partOf("endsOn", "day"), month: partOf("endsOn", "month"), year: partOf("endsOn", "year") }}
          />
          <Button type="submit">{t("carers:acting.save")}</Button>
        </Form>
      ) : (
        <p>{t("carers:acting.noCandidates", { name: isolate(displayName) })}</p>
      )}
    </FormPage>
  );
}
