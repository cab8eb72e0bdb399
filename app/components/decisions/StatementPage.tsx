import type { SubmissionResult } from "@conform-to/react";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { StatementKind } from "#db/schema/index";
import { StatementHistory, useDecisionsT } from "~/components/decisions/DecisionParts";
import { BaseVersionField, conflictIn, ConflictNotice } from "~/components/forms/ConflictNotice";
import { draftBaseVersion, type RestoredDraft } from "~/components/forms/DraftRestoredNotice";
import { FormPage } from "~/components/forms/FormPage";
import { useServerForm } from "~/components/forms/use-server-form";
import { SummaryList, TheirWords } from "~/components/display/DisplayParts";
import { Button } from "~/components/ui/Button";
import { Form } from "~/components/ui/Form";
import { TextArea } from "~/components/ui/TextArea";
import { advanceParts } from "~/models/vocabulary/decisions";
import type { listStatementVersions } from "~/models/decisions.server";

/** What the statement page's loader sends (web/statement-page.server.ts). */
interface StatementPageData {
  serviceUserId: string;
  own: boolean;
  displayName: string;
  versions: Awaited<ReturnType<typeof listStatementVersions>>;
  canWrite: boolean;
  pageTitle: string;
  draft: RestoredDraft | null;
}

/** Whether any part has words in it. */
const hasWords = (parts: Record<string, string>) => Object.values(parts).some((v) => v.trim());

/**
 * The person's own words about decisions, every version kept: "my wishes, feelings, beliefs and
 * values" (MC-03) is one text; "my advance statement" (MC-07) is four optional parts.
 */
export function StatementPage({ kind }: { kind: StatementKind }) {
  const { t } = useTranslation(["decisions", "common"]);
  const { serviceUserId, own, displayName, versions, canWrite, pageTitle, draft: kept } = useLoaderData<StatementPageData>();
  const tt = useDecisionsT(own);
  const lastResult = useActionData<SubmissionResult<string[]>>();
  const conflict = conflictIn<Record<string, string>>(lastResult);
  const draft = lastResult ? null : kept;
  const { form, errorFor, summary, valueOf } = useServerForm(kind, (lastResult ?? draft) as SubmissionResult<string[]> | null | undefined);
  const [current] = versions;
  const show =
    kind === "advance"
      ? (parts: Record<string, string>) => (
          <SummaryList
            rows={advanceParts.filter((p) => parts[p]).map((p) => ({ key: p, label: t(`decisions:advance.parts.${p}`), value: <span className="their-words">{parts[p]}</span> }))}
          />
        )
      : (parts: Record<string, string>) => <TheirWords text={parts.body ?? ""} />;
  return (
    <FormPage back={{ href: `/people/${serviceUserId}/decisions`, label: t("decisions:back") }} title={pageTitle} errors={summary} resultKey={lastResult} draft={draft}>
      <p className="lead">{tt(`decisions:${kind}.explain`)}</p>
      {kind === "wishes" ? <p>{tt("decisions:wishes.explain2")}</p> : null}
      {conflict ? <ConflictNotice conflict={conflict}>{hasWords(conflict.value) ? show(conflict.value) : <p>{t("common:conflict.empty")}</p>}</ConflictNotice> : null}
      {canWrite ? (
        <Form id={form.id} keepsDraft>
          <BaseVersionField version={conflict?.version ?? draftBaseVersion(draft) ?? current?.version ?? 0} />
          {kind === "advance" ? (
            <>
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
            </>
          ) : (
            <TextArea
              name="body" maxLength={5000}
              label={t("decisions:wishes.label")}
              hint={t("decisions:wishes.hint")}
              rows={10}
              defaultValue={valueOf("body") ?? current?.parts.body ?? ""}
              error={errorFor("body")}
            />
          )}
          <Button type="submit">{t("decisions:save")}</Button>
        </Form>
      ) : (
        <>
          <p>{t(`decisions:${kind}.readOnly`)}</p>
          {current ? show(current.parts) : <p>{t("decisions:notYet")}</p>}
        </>
      )}
      <StatementHistory versions={versions} name={displayName} show={show} />
    </FormPage>
  );
}
