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

/**
 * The needs in one line, in the reader's language: what staff must do before they write or meet.
 * Each need is said once (a BSL interpreter asked for as support and for the BSL language is one
 * need; a named spoken language interpreter replaces "spoken language interpreter"), and anything
 * written in the person's own words is a sentence of its own. Spoken to the person when `own`.
 */
export function useNeedsInOneLine() {
  const { t } = useTranslation(["communication", "common"]);
  const { list } = useFormat();
  return (needs: FlagNeeds, own = false): string => {
    const ctx = own ? {} : { context: "them" };
    const interpreters = needs.languages.filter((l) => l.interpreterNeeded);
    const support = needs.support.filter(
      (s) => !(s === "spoken_interpreter" && interpreters.some((l) => l.code !== bslCode)),
    );
    const items = [
      ...support.map((s) => t(`communication:support.${s}`, ctx)),
      ...needs.formats.map((f) => t(`communication:format.${f}`)),
      ...interpreters
        .filter((l) => !(l.code === bslCode && needs.support.includes("bsl_interpreter")))
        .map((l) => t("communication:flag.interpreter", { language: t(`communication:language.${l.code}`) })),
      ...needs.contactMethods.map((c) => t(`communication:contact.${c}`, ctx)),
    ];
    // The list ends with the language's own full stop ("。" in Chinese, "۔" in Urdu, "।" in Bengali and Punjabi).
    const line = items.length ? list([...new Set(items)]) : "";
    const more = needs.other ? t("communication:flag.more", ctx) : "";
    if (!line) return more;
    return more ? `${line}${t("common:sentenceBreak")}${more}` : `${line}${t("common:fullStop")}`;
  };
}

/** British Sign Language, as a language code (ISO 639-3). */
const bslCode = "bfi";

/** The communication-needs flag staff see wherever the person appears (AIS "flag" stage). */
export function CommunicationFlag({ needs, href }: { needs: FlagNeeds; href: string }) {
  const { t } = useTranslation(["communication"]);
  const oneLine = useNeedsInOneLine();
  return (
    <div className="comm-flag" role="note" aria-label={t("communication:flag.label")}>
      <strong className="comm-flag__title">{t("communication:flag.title")}</strong> {oneLine(needs)}{" "}
      <Link href={href}>{t("communication:flag.detail")}</Link>
    </div>
  );
}
