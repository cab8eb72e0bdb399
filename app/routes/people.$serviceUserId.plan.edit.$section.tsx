import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { parseWithZod } from "~/web/validation/parse.server";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { BaseVersionField, conflictIn, ConflictNotice } from "~/components/forms/ConflictNotice";
import { draftBaseVersion } from "~/components/forms/DraftRestoredNotice";
import { FormPage } from "~/components/forms/FormPage";
import { useServerForm } from "~/components/forms/use-server-form";
import { crisisFields, needsFields } from "~/models/vocabulary/plan-sections";
import { Button } from "~/components/ui/Button";
import { Form } from "~/components/ui/Form";
import { Link } from "~/components/ui/Link";
import { TextArea } from "~/components/ui/TextArea";
import { getPlanSection, savePlanSection, type EditableSection } from "~/models/plan.server";

/** The sections with text fields only ("how the team will help" is a list: its own page). */
type TextSection = Exclude<EditableSection, "support">;
import { isolate } from "~/utils/bidi";
import { requireFormData } from "~/web/csrf.server";
import { baseVersionFrom, conflictReply } from "~/web/forms.server";
import { getDb } from "~/utils/db.server";
import { invalid, orNotFound, requireRecord } from "~/web/guards.server";
import { crisisSchema, needsSchema, wishesSchema } from "~/web/validation/plan.server";
import { saved, saveOnce } from "~/web/saves.server";
import { restoreDraft } from "~/web/drafts.server";

/** The text fields of each section staff can edit, in the order the plan shows them. */
const sectionFields = {
  crisis: crisisFields,
  needs: needsFields,
  wishes: ["advanceStatement"],
} as const;

function sectionFrom(value: string | undefined): TextSection {
  if (value === "crisis" || value === "needs" || value === "wishes") return value;
  throw new Response("Not found", { status: 404 });
}

/** Translation key of a field's label. */
function labelKey(section: TextSection, field: string): string {
  if (section === "crisis") return `plan:crisis.fields.${field}`;
  if (section === "needs") return `plan:needs.${field}`;
  return "plan:edit.advanceStatement";
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, serviceUserId, t } = await requireRecord(request, params, "plan.write");
  const section = sectionFrom(params.section);
  const { displayName, content, version } = await orNotFound(getPlanSection(getDb(), actor, serviceUserId, section));
  return json({
    serviceUserId,
    section,
    version,
    content: content as Record<string, string | boolean>,
    draft: await restoreDraft(request, actor.accountId),
    pageTitle: t(`plan:edit.title.${section}`, { name: isolate(displayName) }),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, serviceUserId } = await requireRecord(request, params, "plan.write");
  const formData = await requireFormData(request);
  const section = sectionFrom(params.section);
  const schema = section === "crisis" ? crisisSchema : section === "needs" ? needsSchema : wishesSchema;
  const submission = parseWithZod(formData, { schema });
  if (submission.status !== "success") return invalid(submission.reply());
  // Whether there is an advance decision to refuse treatment is recorded in one place only, on
  // "decisions about me"; the plan keeps the yes or no it had before (shown only if nothing is recorded there).
  const value =
    section === "wishes"
      ? { ...submission.value, advanceDecisionExists: (await orNotFound(getPlanSection(getDb(), actor, serviceUserId, "wishes"))).content.advanceDecisionExists }
      : submission.value;
  try {
    return await saveOnce(request, formData, actor.accountId, async (tx) => {
      await orNotFound(savePlanSection(tx, actor, serviceUserId, section, value as never, { baseVersion: baseVersionFrom(formData) }));
      return saved(`/people/${serviceUserId}/plan#${section === "wishes" ? "advance" : section}`, "saved");
    });
  } catch (error) {
    // Someone else saved this section first: show theirs, keep what was typed, let them save on top.
    return conflictReply<Record<string, string | boolean>>(submission, error);
  }
}

/** Staff edit one section of the plan per page. Each save is a new version the person can see. */
export default function EditPlanSection() {
  const { t } = useTranslation(["plan", "common"]);
  const { serviceUserId, section, content, pageTitle, version, draft: kept } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const conflict = conflictIn<Record<string, string | boolean>>(lastResult);
  const draft = lastResult ? null : kept;
  const { form, errorFor, summary, valueOf } = useServerForm(`edit-${section}`, lastResult ?? draft);
  return (
    <FormPage back={{ href: `/people/${serviceUserId}/plan`, label: t("plan:backToPlan") }} title={pageTitle} errors={summary} resultKey={lastResult} draft={draft}>
      <p>{t("plan:edit.intro")}</p>
      {conflict ? (
        <ConflictNotice conflict={conflict}>
          <dl className="summary-list">
            {sectionFields[section].map((field) => (
              <div className="summary-list__row" key={field}>
                <dt>{t(labelKey(section, field))}</dt>
                <dd dir="auto">{String(conflict.value[field] ?? "") || t("common:conflict.empty")}</dd>
              </div>
            ))}
          </dl>
        </ConflictNotice>
      ) : null}
      <Form id={form.id} keepsDraft>
        <BaseVersionField version={conflict?.version ?? draftBaseVersion(draft) ?? version} />
        {sectionFields[section].map((field) => (
          <TextArea
            key={field}
            name={field} maxLength={5000}
            label={t(labelKey(section, field), { context: "them" })}
            optional
            rows={3}
            defaultValue={valueOf(field) ?? String(content[field] ?? "")}
            error={errorFor(field)}
          />
        ))}
        {section === "wishes" ? (
          <p>
            {t("plan:edit.advanceDecisionElsewhere")} <Link href={`/people/${serviceUserId}/decisions/adrt`}>{t("plan:edit.advanceDecisionLink")}</Link>
          </p>
        ) : null}
        <Button type="submit">{t("plan:edit.save")}</Button>
      </Form>
    </FormPage>
  );
}
