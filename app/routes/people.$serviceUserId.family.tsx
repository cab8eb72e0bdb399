import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { parseWithZod } from "~/web/validation/parse.server";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { YoungCarersNote } from "~/components/carers/SharingFields";
import { FormPage } from "~/components/forms/FormPage";
import { useServerForm } from "~/components/forms/use-server-form";
import { Button } from "~/components/ui/Button";
import { Form } from "~/components/ui/Form";
import { RadioGroup } from "~/components/ui/RadioGroup";
import { TextArea } from "~/components/ui/TextArea";
import { TextField } from "~/components/ui/TextField";
import { addDependant, answerYoungCarerQuestion, getYoungCarerAnswer, listDependants, removeDependant } from "~/models/family.server";
import { isolate } from "~/utils/bidi";
import { requireFormData } from "~/web/csrf.server";
import { getDb } from "~/utils/db.server";
import { invalid, orNotFound, requireRecord } from "~/web/guards.server";
import { dependantSchema, youngCarerSchema } from "~/web/validation/sharing.server";
import { saved, saveOnce } from "~/web/saves.server";
import { restoreDraft } from "~/web/drafts.server";
import { draftFor } from "~/components/forms/DraftRestoredNotice";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, serviceUserId, t } = await requireRecord(request, params, "sharing.manage");
  const db = getDb();
  const people = await orNotFound(listDependants(db, actor, serviceUserId));
  const youngCarer = await getYoungCarerAnswer(db, actor, serviceUserId);
  return json({ serviceUserId, people, youngCarer, draft: await restoreDraft(request, actor.accountId), pageTitle: t("carers:family.title") });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, serviceUserId } = await requireRecord(request, params, "record.view");
  const formData = await requireFormData(request);
  const intent = formData.get("intent");
  if (intent === "remove") {
    return saveOnce(request, formData, actor.accountId, async (tx) => {
      await orNotFound(removeDependant(tx, actor, serviceUserId, String(formData.get("dependantId") ?? "")));
      return saved(`/people/${serviceUserId}/family`, "removed");
    });
  }
  if (intent === "youngCarer") {
    const submission = parseWithZod(formData, { schema: youngCarerSchema });
    if (submission.status !== "success") return invalid({ intent, result: submission.reply() });
    return saveOnce(request, formData, actor.accountId, async (tx) => {
      await orNotFound(answerYoungCarerQuestion(tx, actor, serviceUserId, submission.value.answer));
      return saved(`/people/${serviceUserId}/family#young-carers`, "saved");
    });
  }
  const submission = parseWithZod(formData, { schema: dependantSchema });
  if (submission.status !== "success") return invalid({ intent: "add", result: submission.reply() });
  return saveOnce(request, formData, actor.accountId, async (tx) => {
    await orNotFound(addDependant(tx, actor, serviceUserId, submission.value));
    return saved(`/people/${serviceUserId}/family`, "saved");
  });
}

/** My family and dependants: who relies on me, and who looks after them if I am unwell. Shown in my crisis plan. */
export default function Family() {
  const { t } = useTranslation(["carers", "common"]);
  const { serviceUserId, people, youngCarer, pageTitle, draft: kept } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  // What was typed before the session ended goes back into the form it came from (by its intent).
  const draft = data ? null : kept;
  const resultOf = (intent: string) => (data ? (data.intent === intent ? data.result : null) : draftFor(draft, intent));
  const add = useServerForm("add-dependant", resultOf("add"));
  const young = useServerForm("young-carer", resultOf("youngCarer"));
  return (
    <FormPage
      back={{ href: `/people/${serviceUserId}/plan`, label: t("carers:family.back") }}
      title={pageTitle}
      errors={[...add.summary, ...young.summary]}
      resultKey={data}
      draft={draft}
    >
      <p className="lead">{t("carers:family.intro")}</p>
      {people.length ? (
        <ul className="list">
          {people.map((p) => (
            <li key={p.id} className="supporter">
              <h2 className="heading-m">
                <bdi>{p.name}</bdi>
                {p.age !== null ? <span className="caption"> – {t("carers:family.age", { count: p.age })}</span> : null}
              </h2>
              <p>{p.livesWithMe ? t("carers:family.livesWithMe") : t("carers:family.livesElsewhere")}</p>
              <p>
                {t("carers:family.whoLooksAfter")} {p.whoLooksAfter ? <bdi>{p.whoLooksAfter}</bdi> : t("carers:family.notSaid")}
              </p>
              <Form>
                <input type="hidden" name="intent" value="remove" />
                <input type="hidden" name="dependantId" value={p.id} />
                <Button type="submit" variant="secondary">
                  {t("carers:family.remove", { name: isolate(p.name) })}
                </Button>
              </Form>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t("carers:family.none")}</p>
      )}

      <h2 className="heading-l">{t("carers:family.addTitle")}</h2>
      <Form id={add.form.id} keepsDraft>
        <input type="hidden" name="intent" value="add" />
        <TextField name="name" maxLength={100} label={t("carers:family.name")} hint={t("carers:family.nameHint")} autoComplete="off" width="20" defaultValue={add.valueOf("name")} error={add.errorFor("name")} />
        <TextField name="age" label={t("carers:family.ageLabel")} optional inputMode="numeric" width="4" defaultValue={add.valueOf("age")} error={add.errorFor("age")} />
        <RadioGroup
          name="livesWithMe"
          label={t("carers:family.livesWithMeLabel")}
          defaultValue={add.valueOf("livesWithMe")}
          error={add.errorFor("livesWithMe")}
          choices={[
            { value: "yes", label: t("carers:assessment.yesNo.yes") },
            { value: "no", label: t("carers:assessment.yesNo.no") },
          ]}
        />
        <TextArea
          name="whoLooksAfter" maxLength={1000}
          label={t("carers:family.whoLooksAfterLabel")}
          hint={t("carers:family.whoLooksAfterHint")}
          optional
          rows={3}
          defaultValue={add.valueOf("whoLooksAfter")}
          error={add.errorFor("whoLooksAfter")}
        />
        <Button type="submit">{t("carers:family.add")}</Button>
      </Form>

      <section aria-labelledby="young-carers" className="section">
        <h2 className="heading-l" id="young-carers">
          {t("carers:family.youngTitle")}
        </h2>
        <Form id={young.form.id} keepsDraft>
          <input type="hidden" name="intent" value="youngCarer" />
          <RadioGroup
            name="answer"
            label={t("carers:family.youngQuestion")}
            defaultValue={young.valueOf("answer") ?? youngCarer ?? undefined}
            error={young.errorFor("answer")}
            choices={(["yes", "no", "not_sure"] as const).map((v) => ({ value: v, label: t(`carers:needs.option.yesNoNotSure.${v}`) }))}
          />
          <Button type="submit" variant="secondary">
            {t("carers:family.youngSave")}
          </Button>
        </Form>
        {youngCarer === "yes" || youngCarer === "not_sure" ? <YoungCarersNote /> : null}
      </section>
    </FormPage>
  );
}
