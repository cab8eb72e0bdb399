import { useTranslation } from "react-i18next";
import { Link } from "~/components/ui/Link";
import { useFormat } from "~/utils/use-format";

export interface FlagNeeds {
  contactMethods: string[];
  formats: string[];
  support: string[];
  other: string;
  languages: { code: string; interpreterNeeded: boolean }[];
}

/** The needs in one line, in the reader's language: what staff must do before they write or meet. */
export function useNeedsInOneLine() {
  const { t } = useTranslation(["communication"]);
  const { list } = useFormat();
  return (needs: FlagNeeds) =>
    list([
      ...needs.support.map((s) => t(`communication:support.${s}`)),
      ...needs.formats.map((f) => t(`communication:format.${f}`)),
      ...needs.languages
        .filter((l) => l.interpreterNeeded)
        .map((l) => t("communication:flag.interpreter", { language: t(`communication:language.${l.code}`) })),
      ...needs.contactMethods.map((c) => t(`communication:contact.${c}`)),
      ...(needs.other ? [t("communication:flag.other")] : []),
    ]);
}

/** The communication-needs flag staff see wherever the person appears (AIS "flag" stage). */
export function CommunicationFlag({ needs, href }: { needs: FlagNeeds; href: string }) {
  const { t } = useTranslation(["communication"]);
  const oneLine = useNeedsInOneLine();
  return (
    <div className="comm-flag" role="note" aria-label={t("communication:flag.label")}>
      <strong className="comm-flag__title">{t("communication:flag.title")}</strong> {oneLine(needs)}.{" "}
      <Link href={href}>{t("communication:flag.detail")}</Link>
    </div>
  );
}
