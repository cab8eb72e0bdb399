import { json, type ActionFunctionArgs } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui/Button";
import { Form } from "~/components/ui/Form";
import { Link } from "~/components/ui/Link";
import { RadioGroup } from "~/components/ui/RadioGroup";
import { answers3, mhaStatuses, suggestAdvocates, type Answer3, type MhaStatus } from "~/models/advocacy";
import type { RouteHandle } from "~/root";
import { requireFormData } from "~/utils/csrf.server";

export const handle: RouteHandle = { titleKey: "advocacy:title" };

const kinds = ["imha", "imca", "care_act", "community"] as const;

function pick<T extends string>(values: readonly T[], value: FormDataEntryValue | null, fallback: T): T {
  return typeof value === "string" && (values as readonly string[]).includes(value) ? (value as T) : fallback;
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
  const three = answers3.map((a) => ({ value: a, label: t(`advocacy:answer.${a}`) }));
  return (
    <div className="grid-two-thirds">
      <h1 className="heading-xl">{t("advocacy:title")}</h1>
      <p className="lead">{t("advocacy:intro")}</p>
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
