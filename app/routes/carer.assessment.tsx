import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { parseWithZod } from "~/web/validation/parse.server";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { contactMethods, needsPartNames, needsPartStatus } from "~/models/vocabulary/carer-needs";
import { ChangeOrSend } from "~/components/forms/CheckAnswers";
import { FormPage } from "~/components/forms/FormPage";
import { useServerForm } from "~/components/forms/use-server-form";
import { FormattedDate, SummaryList } from "~/components/display/DisplayParts";
import { Button } from "~/components/ui/Button";
import { Form } from "~/components/ui/Form";
import { Link } from "~/components/ui/Link";
import { RadioGroup } from "~/components/ui/RadioGroup";
import { TextField } from "~/components/ui/TextField";
import {
  AssessmentAlreadyOpenError,
  getMyNeeds,
  isOpenAssessment,
  listCaredFor,
  listMyAssessmentRequests,
  requestAssessment,
} from "~/models/carers.server";
import type { RouteHandle } from "~/root";
import { isolate } from "~/utils/bidi";
import { requireFormData } from "~/web/csrf.server";
import { getDb } from "~/utils/db.server";
import { invalid, orNotFound, requireRole } from "~/web/guards.server";
import { getFixedT } from "~/web/i18n.server";
import { saved, saveOnce } from "~/web/saves.server";
import { restoreDraft } from "~/web/drafts.server";
import { assessmentRequestSchema } from "~/web/validation/sharing.server";

export const handle: RouteHandle = { titleKey: "carers:assessment.formTitle" };

async function carerContext(request: Request) {
  const signedIn = await requireRole(request, "carer");
  const needs = await orNotFound(getMyNeeds(getDb(), signedIn.actor));
  const caredFor = await listCaredFor(getDb(), signedIn.actor);
  return { ...signedIn, needs, caredFor };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { actor, account, needs, caredFor } = await carerContext(request);
  const { t } = getFixedT(request, account.preferredLanguage);
  // A request still open is shown with its status, and not offered again (one at a time per person).
  const open = (await listMyAssessmentRequests(getDb(), actor)).filter(isOpenAssessment);
  const people = caredFor
    .filter((p) => !open.some((r) => r.serviceUserId === p.serviceUserId))
    .map((p) => ({ id: p.serviceUserId, name: p.displayName }));
  return json({
    people,
    draft: await restoreDraft(request, actor.accountId),
    open: open.map((r) => ({ id: r.id, about: r.about, status: r.status, note: r.note, requestedAt: r.requestedAt })),
    partsDone: needsPartNames.filter((p) => needsPartStatus(p, needs[p]?.answers) === "completed").length,
    partsTotal: needsPartNames.length,
    pageTitle: open.length && !people.length ? t("carers:assessment.doneTitle") : t("carers:assessment.formTitle"),
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const { actor, account } = await carerContext(request);
  const formData = await requireFormData(request);
  const { t } = getFixedT(request, account.preferredLanguage);
  const intent = formData.get("intent");
  const submission = parseWithZod(formData, { schema: assessmentRequestSchema });
  if (intent === "edit") return json({ step: "details" as const, result: submission.reply() });
  if (submission.status !== "success") return invalid({ step: "details" as const, result: submission.reply() });
  if (intent !== "send") {
    return json({ step: "check" as const, result: submission.reply(), pageTitle: t("carers:assessment.checkTitle") });
  }
  try {
    return await saveOnce(request, formData, actor.accountId, async (tx) => {
      await orNotFound(requestAssessment(tx, actor, submission.value));
      return saved("/carer/assessment", "sent");
    });
  } catch (error) {
    // Already asked (another tab, an old page): the page shows that request and its status.
    if (error instanceof AssessmentAlreadyOpenError) return redirect("/carer/assessment");
    throw error;
  }
}

type Answers = Record<string, string | undefined>;

/** The answers the check step carries back to the form or on to "send". */
const carried = (answers: Answers) => Object.fromEntries((["serviceUserId", "contactBy", "bestTime", "wantsAdvocate"] as const).map((k) => [k, answers[k] ?? ""]));

/** Ask for a carer's assessment (Care Act 2014 s10): a short form, check your answers, then what happens next. */
export default function RequestAssessment() {
  const { t } = useTranslation(["carers", "common"]);
  const { people, open, partsDone, partsTotal, draft: kept } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const draft = data ? null : kept;
  const { form, errorFor, summary, valueOf } = useServerForm("assessment", data?.step === "details" ? data.result : draft);
  const back = { href: "/carer/needs", label: t("carers:needs.back") };

  const openRequests = open.length ? (
    <ul className="list">
      {open.map((r) => (
        <li key={r.id}>
          <p>
            {open.length > 1 || people.length ? (
              <>
                <bdi>{r.about}</bdi>:{" "}
              </>
            ) : null}
            {t("carers:assessment.requestedOn")} <FormattedDate iso={r.requestedAt} />:{" "}
            <strong className="tag">{t(`carers:assessment.status.${r.status}`)}</strong>
          </p>
          {r.note ? <p dir="auto">{r.note}</p> : null}
        </li>
      ))}
    </ul>
  ) : null;

  // A carer who signed up on their own and is linked to no one yet (decision 060): how to ask meanwhile.
  if (!open.length && !people.length) {
    return (
      <div className="grid-two-thirds">
        <p>
          <Link href="/carer/needs">{t("carers:needs.back")}</Link>
        </p>
        <h1 className="heading-xl">{t("carers:assessment.formTitle")}</h1>
        <p>{t("carers:assessmentNotLinked.body")}</p>
        <p>{t("carers:assessmentNotLinked.meanwhile")}</p>
        <p>{t("carers:needs.progress", { done: partsDone, total: partsTotal })}</p>
        <p>
          <Link href="/carer">{t("carers:tell.back")}</Link>
        </p>
      </div>
    );
  }

  if (open.length && !people.length && data?.step !== "check") {
    return (
      <div className="grid-two-thirds">
        <p>
          <Link href="/carer/needs">{t("carers:needs.back")}</Link>
        </p>
        <h1 className="heading-xl">{t("carers:assessment.doneTitle")}</h1>
        {openRequests}
        <h2 className="heading-m">{t("carers:assessment.nextTitle")}</h2>
        <ol className="list list--number">
          <li>{t("carers:assessment.next1")}</li>
          <li>{t("carers:assessment.next2")}</li>
          <li>{t("carers:assessment.next3")}</li>
        </ol>
        <p>{t("carers:assessment.askAgain")}</p>
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
        <ChangeOrSend values={carried(answers)} changeLabel={t("carers:invite.changeAnswers")} sendLabel={t("carers:assessment.send")} keepsDraft>
          <p>{t("carers:assessment.checkBody")}</p>
        </ChangeOrSend>
      </FormPage>
    );
  }

  return (
    <FormPage back={back} title={t("carers:assessment.formTitle")} errors={summary} resultKey={data} draft={draft}>
      {openRequests}
      <p>{t("carers:assessment.formIntro")}</p>
      <p>{t("carers:needs.progress", { done: partsDone, total: partsTotal })}</p>
      <Form id={form.id} keepsDraft>
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
        <TextField name="bestTime" maxLength={500} label={t("carers:assessment.bestTime")} hint={t("carers:assessment.bestTimeHint")} optional defaultValue={valueOf("bestTime")} error={errorFor("bestTime")} />
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
