import { useTranslation } from "react-i18next";
import { Items, SummaryList, TheirWords } from "~/components/display/DisplayParts";
import type { LanguageEntry } from "#db/schema/communication";
import { useFormat } from "~/utils/use-format";

export interface NeedsShown {
  support: readonly string[];
  formats: readonly string[];
  attachmentFormat: string;
  contactMethods: readonly string[];
  languages: readonly LanguageEntry[];
  other: string;
}

/** A person's communication needs as a summary list (their detail page and the readable copy). */
export function NeedsSummary({ needs }: { needs: NeedsShown }) {
  const { t } = useTranslation(["communication", "common"]);
  const { list } = useFormat();
  const none = t("communication:none");
  const names = (key: string, values: readonly string[]) => (values.length ? <Items items={values.map((v) => t(`communication:${key}.${v}`))} /> : none);
  return (
    <SummaryList
      rows={[
        { key: "support", label: t("communication:supportLabel"), value: names("support", needs.support) },
        { key: "formats", label: t("communication:formats"), value: names("format", needs.formats) },
        ...(needs.attachmentFormat
          ? [{ key: "attachment", label: t("communication:attachmentFormat"), value: <bdi>{needs.attachmentFormat}</bdi> }]
          : []),
        { key: "contact", label: t("communication:contactMethods"), value: names("contact", needs.contactMethods) },
        {
          key: "languages",
          label: t("communication:languagesTitle"),
          value: needs.languages.length ? (
            <ul className="list">
              {needs.languages.map((l) => (
                <li key={l.code}>
                  {t(`communication:language.${l.code}`)}
                  {l.preferred ? ` (${t("communication:preferred")})` : ""}
                  {l.modes.length ? `${t("common:colon")}${list(l.modes.map((m) => t(`communication:mode.${m}`)))}` : ""}
                  {l.proficiency ? `${t("common:sentenceBreak")}${t("communication:proficiency.shown", { level: t(`communication:proficiency.${l.proficiency}`) })}` : ""}
                  {l.interpreterNeeded ? `${t("common:sentenceBreak")}${t("communication:interpreterYes")}` : ""}
                </li>
              ))}
            </ul>
          ) : (
            none
          ),
        },
        { key: "other", label: t("communication:other"), value: needs.other ? <TheirWords text={needs.other} /> : none },
      ]}
    />
  );
}
