import { useTranslation } from "react-i18next";
import { isolate } from "~/utils/bidi";
import { useFormat } from "~/utils/use-format";

/** What an action returns when someone else saved the same thing first (see ConflictError). */
export interface ConflictInfo {
  version: number;
  changedBy: string | null;
  changedAt: string;
}

/** The conflict in an action's answer (see conflictReply in web/forms.server.ts), or null. */
export function conflictIn<T>(lastResult: unknown): (ConflictInfo & { value: T }) | null {
  return lastResult && typeof lastResult === "object" && "conflict" in lastResult ? (lastResult.conflict as ConflictInfo & { value: T }) : null;
}

/**
 * Someone else saved this while the person was editing it. Shows who and when, and what they
 * saved (`children`), above the form that still holds what this person typed. Saving again puts
 * theirs on top: the form's base version is now the other person's.
 */
export function ConflictNotice({ conflict, children }: { conflict: ConflictInfo; children: React.ReactNode }) {
  const { t } = useTranslation("common");
  const format = useFormat();
  const when = { date: format.date(conflict.changedAt), time: format.time(conflict.changedAt) };
  return (
    <section className="inset" aria-labelledby="conflict-heading">
      <h2 id="conflict-heading" className="heading-m">
        {t("conflict.heading")}
      </h2>
      <p>
        {conflict.changedBy
          ? t("conflict.savedBy", { name: isolate(conflict.changedBy), ...when })
          : t("conflict.savedAt", when)}
      </p>
      {children}
      <p>{t("conflict.whatNext")}</p>
    </section>
  );
}

/** The hidden field that carries the version the form was opened at (or the other person's, after a conflict). */
export function BaseVersionField({ version }: { version: number }) {
  return <input type="hidden" name="baseVersion" value={String(version)} />;
}
