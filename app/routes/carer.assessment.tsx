import { parseWithZod } from "~/utils/validation/parse.server";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { contactMethods, needsPartNames } from "~/components/carers/needs-parts";
import { FormPage } from "~/components/forms/FormPage";
import { useServerForm } from "~/components/forms/use-server-form";
import { SummaryList } from "~/components/plan/PlanParts";
import { Button } from "~/components/ui/Button";
import { Form } from "~/components/ui/Form";
import { Link } from "~/components/ui/Link";
import { RadioGroup } from "~/components/ui/RadioGroup";
import { TextField } from "~/components/ui/TextField";
import { getMyNeeds, listCaredFor, requestAssessment } from "~/models/carers.server";
import type { RouteHandle } from "~/root";
import { requireSignedIn } from "~/utils/auth.server";
import { isolate } from "~/utils/bidi";
import { requireFormData } from "~/utils/csrf.server";
import { getDb } from "~/utils/db.server";
import { orNotFound } from "~/utils/guards.server";
import { getFixedT } from "~/utils/i18n.server";
import { assessmentRequestSchema } from "~/utils/validation/sharing.server";

export const handle: RouteHandle = { titleKey: "carers:assessment.formTitle" };

async function carerContext(request: Request) {
  const signedIn = await requireSignedIn(request);
  const needs = await orNotFound(getMyNeeds(getDb(), signedIn.actor));
  const caredFor = await listCaredFor(getDb(), signedIn.actor);
  return { ...signedIn, needs, caredFor };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { needs, caredFor } = await carerContext(request);
  return json({
    people: caredFor.map((p) => ({ id: p.serviceUserId, name: p.displayName })),
    partsDone: needsPartNames.filter((p) => needs[p]).length,
    partsTotal: needsPartNames.length,
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const { actor, account } = await carerContext(request);
  const formData = await requireFormData(request);
  const { t } = getFixedT(request, account.preferredLanguage);
  const intent = formData.get("intent");
  const submission = parseWithZod(formData, { schema: assessmentRequestSchema });
  if (intent === "edit") return json({ step: "details" as const, result: submission.reply() });
  if (submission.status !== "success") return json({ step: "details" as const, result: submission.reply() }, { status: 400 });
  if (intent !== "send") {
    return json({ step: "check" as const, result: submission.reply(), pageTitle: t("carers:assessment.checkTitle") });
  }
  await orNotFound(requestAssessment(getDb(), actor, submission.value));
  return json({ step: "done" as const, result: null, pageTitle: t("carers:assessment.doneTitle") });
}

type Answers = Record<string, string | undefined>;

function Hidden({ answers }: { answers: Answers }) {
  return (
    <>
      {(["serviceUserId", "contactBy", "bestTime", "wantsAdvocate"] as const).map((k) => (
        <input key={k} type="hidden" name={k} value={answers[k] ?? ""} />
      ))}
    </>
  );
}

/** Ask for a carer's assessment (Care Act 2014 s10): a short form, check your answers, then what happens next. */
export default function RequestAssessment() {
  const { t } = useTranslation(["carers", "common"]);
  const { people, partsDone, partsTotal } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const { form, errorFor, summary, valueOf } = useServerForm("assessment", data?.step === "details" ? data.result : null);
  const back = { href: "/carer/needs", label: t("carers:needs.back") };

  if (data?.step === "done") {
    return (
      <div className="grid-two-thirds">
        <div className="panel" role="status">
          <h1 className="heading-xl">{t("carers:assessment.doneTitle")}</h1>
        </div>
        <h2 className="heading-m">{t("carers:assessment.nextTitle")}</h2>
        <ol className="list list--number">
          <li>{t("carers:assessment.next1")}</li>
          <li>{t("carers:assessment.next2")}</li>
          <li>{t("carers:assessment.next3")}</li>
        </ol>
        <p>
          <Link href="/carer/needs">{t("carers:needs.back")}</Link>
        </p>
      </div>
    );
  }

  if (data?.step === "check" && data.result) {
    const answers = (data.result.initialValue ?? {}) as Answers;
    const person = people.find((p) => p.id === answers.serviceUserId);
    return (
      <FormPage back={back} title={t("carers:assessment.checkTitle")} errors={[]} resultKey={data}>
        <SummaryList
          rows={[
            { key: "who", label: t("carers:assessment.person"), value: <bdi>{person?.name ?? ""}</bdi> },
            { key: "contact", label: t("carers:assessment.contactBy"), value: t(`carers:assessment.contact.${answers.contactBy}`) },
            { key: "time", label: t("carers:assessment.bestTime"), value: answers.bestTime ? <bdi>{answers.bestTime}</bdi> : t("carers:assessment.notGiven") },
            { key: "advocate", label: t("carers:assessment.advocate"), value: t(`carers:assessment.yesNo.${answers.wantsAdvocate}`) },
            { key: "needs", label: t("carers:assessment.needs"), value: t("carers:needs.progress", { done: partsDone, total: partsTotal }) },
          ]}
        />
        <Form>
          <Hidden answers={answers} />
          <input type="hidden" name="intent" value="edit" />
          <Button type="submit" variant="secondary">
            {t("carers:invite.changeAnswers")}
          </Button>
        </Form>
        <p>{t("carers:assessment.checkBody")}</p>
        <Form>
          <Hidden answers={answers} />
          <input type="hidden" name="intent" value="send" />
          <Button type="submit">{t("carers:assessment.send")}</Button>
        </Form>
      </FormPage>
    );
  }

  return (
    <FormPage back={back} title={t("carers:assessment.formTitle")} errors={summary} resultKey={data}>
      <p>{t("carers:assessment.formIntro")}</p>
      <p>{t("carers:needs.progress", { done: partsDone, total: partsTotal })}</p>
      <Form id={form.id} onSubmit={form.onSubmit}>
        <input type="hidden" name="intent" value="check" />
        {people.length === 1 ? (
          <>
            <input type="hidden" name="serviceUserId" value={people[0]!.id} />
            <p>{t("carers:assessment.about", { name: isolate(people[0]!.name) })}</p>
          </>
        ) : (
          <RadioGroup
            name="serviceUserId"
            label={t("carers:assessment.person")}
            defaultValue={valueOf("serviceUserId")}
            error={errorFor("serviceUserId")}
            choices={people.map((p) => ({ value: p.id, label: <bdi>{p.name}</bdi> }))}
          />
        )}
        <RadioGroup
          name="contactBy"
          label={t("carers:assessment.contactBy")}
          defaultValue={valueOf("contactBy")}
          error={errorFor("contactBy")}
          choices={contactMethods.map((c) => ({ value: c, label: t(`carers:assessment.contact.${c}`) }))}
        />
        <TextField name="bestTime" label={t("carers:assessment.bestTime")} hint={t("carers:assessment.bestTimeHint")} optional defaultValue={valueOf("bestTime")} error={errorFor("bestTime")} />
        <RadioGroup
          name="wantsAdvocate"
          label={t("carers:assessment.advocate")}
          hint={t("carers:assessment.advocateHint")}
          defaultValue={valueOf("wantsAdvocate")}
          error={errorFor("wantsAdvocate")}
          choices={(["yes", "no"] as const).map((v) => ({ value: v, label: t(`carers:assessment.yesNo.${v}`) }))}
        />
        <Button type="submit">{t("common:form.continue")}</Button>
      </Form>
    </FormPage>
  );
}
