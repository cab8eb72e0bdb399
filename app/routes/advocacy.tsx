import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EasyReadLink } from "~/components/easy-read/EasyRead";
import { Button } from "~/components/ui/Button";
import { Form } from "~/components/ui/Form";
import { Link } from "~/components/ui/Link";
import { RadioGroup } from "~/components/ui/RadioGroup";
import { answers3, mhaStatuses, suggestAdvocates, type Answer3, type MhaStatus } from "~/models/advocacy";
import type { RouteHandle } from "~/root";
import { can } from "~/models/access.server";
import { listVisibleRecords } from "~/models/people.server";
import { getSignedIn } from "~/web/auth.server";
import { isolate } from "~/utils/bidi";
import { requireFormData } from "~/web/csrf.server";
import { getDb } from "~/utils/db.server";

export const handle: RouteHandle = { titleKey: "advocacy:title" };

const kinds = ["imha", "imca", "care_act", "community"] as const;

function pick<T extends string>(values: readonly T[], value: FormDataEntryValue | null, fallback: T): T {
  return typeof value === "string" && (values as readonly string[]).includes(value) ? (value as T) : fallback;
}

/**
 * Open to everyone. When someone is signed in, the page also offers to ask for an advocate for
 * each person they may ask for (themselves, or someone they act for), and a carer's own
 * assessment (CR-08). Staff ask from the person's record instead, so no caseload is listed here.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const signedIn = await getSignedIn(request);
  if (!signedIn || signedIn.actor.isStaff) return json({ askFor: [], isCarer: false });
  const { actor } = signedIn;
  const records = await listVisibleRecords(getDb(), actor);
  return json({
    askFor: records
      .filter((r) => can(actor, "requests.create", { serviceUserId: r.serviceUserId }))
      .map((r) => ({ serviceUserId: r.serviceUserId, name: r.displayName, own: r.capacity === "service_user" })),
    isCarer: actor.relationships.some((r) => r.kind === "carer_of"),
  });
}

/**
 * The guide's answers are health information, so they are posted, never put in the address.
 * Nothing is stored: the answer is worked out and shown, and unanswered questions count as "not sure".
 */
export async function action({ request }: ActionFunctionArgs) {
  const formData = await requireFormData(request);
  const answers = {
    mha: pick<MhaStatus>(mhaStatuses, formData.get("mha"), "not_sure"),
    seriousDecision: pick<Answer3>(answers3, formData.get("seriousDecision"), "not_sure"),
    someoneToHelp: pick<Answer3>(answers3, formData.get("someoneToHelp"), "not_sure"),
    substantialDifficulty: pick<Answer3>(answers3, formData.get("substantialDifficulty"), "not_sure"),
    over16: pick<Answer3>(answers3, formData.get("over16"), "not_sure"),
  };
  return json({ answers, suggestions: suggestAdvocates(answers) });
}

/** Get an advocate: what each kind does, and a short guide that ends in a suggestion, never a refusal (AD-01). */
export default function Advocacy() {
  const { t } = useTranslation(["advocacy", "common"]);
  const data = useActionData<typeof action>();
  const { askFor, isCarer } = useLoaderData<typeof loader>();
  // The strongest suggestion starts the request form; community advocacy means "not sure which".
  const first = data?.suggestions.find((s) => s.strength === "likely" && s.kind !== "community") ?? null;
  const three = answers3.map((a) => ({ value: a, label: t(`advocacy:answer.${a}`) }));
  return (
    <div className="grid-two-thirds">
      <h1 className="heading-xl">{t("advocacy:title")}</h1>
      <p className="lead">{t("advocacy:intro")}</p>
      <EasyReadLink href="/advocacy/easy-read" />
      <p>{t("advocacy:free")}</p>
      {kinds.map((k) => (
        <section key={k} aria-labelledby={`kind-${k}`} className="section">
          <h2 className="heading-l" id={`kind-${k}`}>
            {t(`advocacy:kind.${k}.title`)}
          </h2>
          <p>{t(`advocacy:kind.${k}.what`)}</p>
          <p>{t(`advocacy:kind.${k}.who`)}</p>
        </section>
      ))}

      {askFor.length || isCarer ? (
        <section aria-labelledby="ask-heading" className="section">
          <h2 className="heading-l" id="ask-heading">
            {t("advocacy:askTitle")}
          </h2>
          <ul className="list">
            {askFor.map((p) => (
              <li key={p.serviceUserId}>
                <Link href={`/people/${p.serviceUserId}/requests/advocate`}>{p.own ? t("advocacy:askOwn") : t("advocacy:askOther", { name: isolate(p.name) })}</Link>
              </li>
            ))}
            {isCarer ? (
              <li>
                <Link href="/carer/assessment">{t("advocacy:askCarer")}</Link>
              </li>
            ) : null}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="guide-heading" className="section">
        <h2 className="heading-l" id="guide-heading">
          {t("advocacy:guide.title")}
        </h2>
        <p>{t("advocacy:guide.intro")}</p>
        {data ? (
          <div className="panel" role="status" aria-labelledby="result-heading" tabIndex={-1}>
            <h3 className="heading-m" id="result-heading">
              {t("advocacy:result.title")}
            </h3>
            <ul className="list list--bullet">
              {data.suggestions.map((s) => (
                <li key={s.kind}>
                  <strong>{t(`advocacy:kind.${s.kind}.title`)}</strong>: {t(`advocacy:result.${s.strength}`)}
                </li>
              ))}
            </ul>
            <p>{t("advocacy:result.ask")}</p>
            {askFor.map((p) => (
              <Form key={p.serviceUserId} action={`/people/${p.serviceUserId}/requests/advocate`}>
                <input type="hidden" name="intent" value="start" />
                <input type="hidden" name="kind" value={first?.kind ?? "not_sure"} />
                <Button type="submit">{p.own ? t("advocacy:askOwn") : t("advocacy:askOther", { name: isolate(p.name) })}</Button>
              </Form>
            ))}
          </div>
        ) : null}
        <Form>
          <RadioGroup
            name="mha"
            label={t("advocacy:guide.mha")}
            hint={t("advocacy:guide.mhaHint")}
            defaultValue={data?.answers.mha}
            choices={mhaStatuses.map((m) => ({ value: m, label: t(`advocacy:mha.${m}`) }))}
          />
          <RadioGroup name="seriousDecision" label={t("advocacy:guide.seriousDecision")} hint={t("advocacy:guide.seriousDecisionHint")} defaultValue={data?.answers.seriousDecision} choices={three} />
          <RadioGroup name="substantialDifficulty" label={t("advocacy:guide.substantialDifficulty")} defaultValue={data?.answers.substantialDifficulty} choices={three} />
          <RadioGroup name="someoneToHelp" label={t("advocacy:guide.someoneToHelp")} hint={t("advocacy:guide.someoneToHelpHint")} defaultValue={data?.answers.someoneToHelp} choices={three} />
          <RadioGroup name="over16" label={t("advocacy:guide.over16")} defaultValue={data?.answers.over16} choices={three} />
          <Button type="submit">{t("advocacy:guide.submit")}</Button>
        </Form>
      </section>
      <p>
        <Link href="/urgent-help">{t("advocacy:urgent")}</Link>
      </p>
    </div>
  );
}
