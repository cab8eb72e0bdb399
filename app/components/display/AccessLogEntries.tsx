import { useTranslation } from "react-i18next";
import type { AccessLogEntry } from "~/models/access-log.server";
import { systemChangePhrases } from "~/models/vocabulary/access-log";
import { isolate } from "~/utils/bidi";
import { useFormat } from "~/utils/use-format";
import { formatDateWithWeekday } from "~/utils/locale-weekdays";

/**
 * Who looked at or changed a person's record, one plain sentence each, with why they could: the
 * access log page and the readable copy say it in the same words (decisions 050 and 052).
 */
export function AccessLogEntries({ entries }: { entries: readonly Omit<AccessLogEntry, "id">[] }) {
  const { t, i18n } = useTranslation(["home"]);
  const format = useFormat();
  return (
    <ol className="list access-log">
      {entries.map((e, i) => (
        <li key={i}>
          <p>
            {e.role === "recordSystem"
              ? // No person: "The trust's record system changed your care plan" (decision 053).
                t(`home:accessLog.system.${(systemChangePhrases as readonly string[]).includes(e.phrase) ? e.phrase : "record"}`, {
                  date: formatDateWithWeekday(e.at, i18n.language),
                  time: format.time(e.at),
                })
              : t(`home:accessLog.${e.kind}.${e.phrase}`, {
                  name: isolate(e.name),
                  role: t(`home:accessLog.role.${e.role}`),
                  date: formatDateWithWeekday(e.at, i18n.language),
                  time: format.time(e.at),
                })}
          </p>
          {e.basis ? <p className="hint">{t(`home:accessLog.basis.${e.basis}`)}</p> : null}
        </li>
      ))}
    </ol>
  );
}
