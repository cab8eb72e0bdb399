import { useTranslation } from "react-i18next";
import type { RouteHandle } from "~/root";

export const handle: RouteHandle = { titleKey: "glossary:title" };

/**
 * Words we use (CT-03): the terms of mental health care in plain words, in the reader's language
 * and in that language's alphabetical order. Public, and needs no database. The locale file holds the
 * terms in that order (tests/support/order-locale-lists.mjs): sorting here gave the browser a different
 * order from the server's in Welsh, as their collation data differ.
 */
export default function WordsWeUse() {
  const { t } = useTranslation(["glossary"]);
  const terms = t("glossary:terms", { returnObjects: true }) as Record<string, { term: string; meaning: string }>;
  const sorted = Object.entries(terms);
  return (
    <div className="grid-two-thirds">
      <h1 className="heading-xl">{t("glossary:title")}</h1>
      <p className="lead">{t("glossary:intro")}</p>
      <dl className="glossary">
        {sorted.map(([key, { term, meaning }]) => (
          <div key={key} className="glossary__entry" id={`term-${key}`}>
            <dt className="heading-s">{term}</dt>
            <dd>{meaning}</dd>
          </div>
        ))}
      </dl>
      <p>{t("glossary:urgent")}</p>
    </div>
  );
}
