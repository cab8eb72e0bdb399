import type { SubmissionResult } from "@conform-to/react";
import { useTranslation } from "react-i18next";

/**
 * What a form's loader gives back when the person's session ended as they saved (see
 * app/web/drafts.server.ts): the fields they typed, read like an action's result.
 */
export interface RestoredDraft {
  initialValue: Record<string, unknown>;
  restored: true;
}

/** The version the person's form was opened at, when what they typed has been brought back. */
export function draftBaseVersion(draft: RestoredDraft | null | undefined): number | undefined {
  const raw = draft?.initialValue.baseVersion;
  const n = typeof raw === "string" && /^\d+$/.test(raw) ? Number(raw) : NaN;
  return Number.isSafeInteger(n) ? n : undefined;
}

/**
 * A draft as the form's result, for useServerForm, where TypeScript cannot see the two agree (an
 * action whose answers differ in shape): a draft has the same nested fields as an action's result.
 */
export function draftAsResult(draft: { initialValue: Record<string, unknown> } | null | undefined): SubmissionResult<string[]> | null {
  return (draft ?? null) as SubmissionResult<string[]> | null;
}

/**
 * On a page with several forms, each with its own hidden `intent`: the draft when it was typed in
 * the form with this intent, so it goes back into that form and no other.
 */
export function draftFor<D extends { initialValue: Record<string, unknown> }>(draft: D | null | undefined, intent: string): D | null {
  return draft?.initialValue.intent === intent ? draft : null;
}

/**
 * Above a form holding what the person typed before their session ended: check it, then save.
 * Nothing was saved for them. Shown until they next press save.
 */
export function DraftRestoredNotice({ draft }: { draft: RestoredDraft | null | undefined }) {
  const { t } = useTranslation("common");
  if (!draft) return null;
  return (
    <div className="notification" role="region" aria-labelledby="draft-restored-heading">
      <h2 className="notification__title" id="draft-restored-heading">
        {t("draft.title")}
      </h2>
      <p>{t("draft.text")}</p>
    </div>
  );
}
