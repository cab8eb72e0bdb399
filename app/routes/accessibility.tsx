import { useTranslation } from "react-i18next";
import type { RouteHandle } from "~/root";

export const handle: RouteHandle = { titleKey: "pages:accessibility.title" };

/** Accessibility statement in the UK public sector model format. */
export default function AccessibilityStatement() {
  const { t } = useTranslation(["pages"]);
  const sections = ["using", "howAccessible", "feedback", "enforcement", "compliance", "nonAccessible", "testing"] as const;
  return (
    <>
      <h1 className="heading-xl">{t("pages:accessibility.title")}</h1>
      <p className="lead">{t("pages:accessibility.intro")}</p>
      {sections.map((s) => (
        <section key={s} aria-labelledby={`a11y-${s}`} className="section">
          <h2 className="heading-l" id={`a11y-${s}`}>
            {t(`pages:accessibility.${s}.title`)}
          </h2>
          {(t(`pages:accessibility.${s}.paragraphs`, { returnObjects: true }) as string[]).map((p, i) => (
            <p key={i}>{p}</p>
          ))}
        </section>
      ))}
      <p>{t("pages:accessibility.prepared")}</p>
    </>
  );
}
