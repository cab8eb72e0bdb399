import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { parseWithZod } from "~/web/validation/parse.server";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { isNeedsPart, needsPartNames, needsParts, optionSets, type NeedsField, type NeedsPart } from "~/models/vocabulary/carer-needs";
import { YoungCarersNote } from "~/components/carers/SharingFields";
import { FormPage } from "~/components/forms/FormPage";
import { useServerForm } from "~/components/forms/use-server-form";
import { Button } from "~/components/ui/Button";
import { Form } from "~/components/ui/Form";
import { RadioGroup } from "~/components/ui/RadioGroup";
import { TextArea } from "~/components/ui/TextArea";
import { getMyNeeds, listCaredFor, saveNeedsPart } from "~/models/carers.server";
import { isolate } from "~/utils/bidi";
import { requireFormData } from "~/web/csrf.server";
import { getDb } from "~/utils/db.server";
import { invalid, orNotFound, requireRole } from "~/web/guards.server";
import { getFixedT } from "~/web/i18n.server";
import { needsPartSchema } from "~/web/validation/sharing.server";
import { formatList } from "~/utils/locale-format";
import { saved, saveOnce } from "~/web/saves.server";
import { restoreDraft } from "~/web/drafts.server";

function partFrom(value: string | undefined): NeedsPart {
  if (!isNeedsPart(value)) throw new Response("Not found", { status: 404 });
  return value;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, account, t } = await requireRole(request, "carer");
  const part = partFrom(params.part);
  const needs = await orNotFound(getMyNeeds(getDb(), actor));
  const caredFor = await listCaredFor(getDb(), actor);
  const { lng } = getFixedT(request, account.preferredLanguage);
  return json({
    part,
    answers: needs[part]?.answers ?? {},
    draft: await restoreDraft(request, actor.accountId),
    // The person's name, for questions about them ("Does anyone under 18 help look after Sam?").
    name: formatList(
      caredFor.map((p) => p.displayName),
      lng,
    ),
    pageTitle: t(`carers:needs.part.${part}.title`),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor } = await requireRole(request, "carer");
  const formData = await requireFormData(request);
  const part = partFrom(params.part);
  const submission = parseWithZod(formData, { schema: needsPartSchema(part) });
  if (submission.status !== "success") return invalid(submission.reply());
  return saveOnce(request, formData, actor.accountId, async (tx) => {
    await orNotFound(saveNeedsPart(tx, actor, part, submission.value));
    // Straight on to the next part not yet looked at; back to the list when this was the last.
    const next = needsPartNames[needsPartNames.indexOf(part) + 1];
    return saved(formData.get("then") === "next" && next ? `/carer/needs/${next}` : "/carer/needs", "saved");
  });
}

/** One part of "my needs as a carer": every question optional; save and continue, or save and come back later. */
export default function NeedsPartPage() {
  const { t } = useTranslation(["carers", "common"]);
  const { part, answers, name, pageTitle, draft: kept } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const draft = lastResult ? null : kept;
  const { form, errorFor, summary, valueOf } = useServerForm(`needs-${part}`, lastResult ?? draft);
  const fields = needsParts[part] as readonly NeedsField[];
  const value = (f: string) => ((lastResult ?? draft) ? valueOf(f) : answers[f]);
  const key = (f: string) => `carers:needs.part.${part}.${f}`;
  const next = needsPartNames[needsPartNames.indexOf(part) + 1];
  return (
    <FormPage back={{ href: "/carer/needs", label: t("carers:needs.back") }} title={pageTitle} errors={summary} resultKey={lastResult} draft={draft}>
      <p>{t(`carers:needs.part.${part}.intro`, { name: isolate(name) })}</p>
      <p className="hint">{t("carers:needs.allOptional")}</p>
      <Form id={form.id} keepsDraft>
        {fields.map((f) =>
          f.type === "text" ? (
            <TextArea
              key={f.name}
              name={f.name} maxLength={5000}
              label={t(`${key(f.name)}.label`, { name: isolate(name) })}
              hint={t(`${key(f.name)}.hint`, { defaultValue: "", name: isolate(name) }) || undefined}
              optional
              rows={4}
              defaultValue={value(f.name)}
              error={errorFor(f.name)}
            />
          ) : (
            <RadioGroup
              key={f.name}
              name={f.name}
              label={t(`${key(f.name)}.label`, { name: isolate(name) })}
              optional
              defaultValue={value(f.name)}
              error={errorFor(f.name)}
              choices={optionSets[f.options].map((o) => ({ value: o, label: t(`carers:needs.option.${f.options}.${o}`) }))}
            />
          ),
        )}
        {part === "othersICareFor" && value("youngCarer") === "yes" ? <YoungCarersNote /> : null}
        <div className="button-group">
          {next ? (
            <Button type="submit" name="then" value="next">
              {t("carers:needs.saveNext")}
            </Button>
          ) : null}
          <Button type="submit" name="then" value="list" variant={next ? "secondary" : "primary"}>
            {t("carers:needs.saveLater")}
          </Button>
        </div>
      </Form>
    </FormPage>
  );
}
