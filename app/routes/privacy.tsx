import { useTranslation } from "react-i18next";
import type { RouteHandle } from "~/root";

export const handle: RouteHandle = { titleKey: "pages:privacy.title" };

export default function PrivacyNotice() {
  const { t } = useTranslation(["pages"]);
  const sections = ["who", "what", "why", "sharing", "keeping", "rights", "contact"] as const;
  return (
    <>
      <h1 className="heading-xl">{t("pages:privacy.title")}</h1>
      <p className="lead">{t("pages:privacy.intro")}</p>
      {sections.map((s) => (
        <section key={s} aria-labelledby={`privacy-${s}`} className="section">
          <h2 className="heading-l" id={`privacy-${s}`}>
            {t(`pages:privacy.${s}.title`)}
          </h2>
          {(t(`pages:privacy.${s}.paragraphs`, { returnObjects: true }) as string[]).map((p, i) => (
            <p key={i}>{p}</p>
          ))}
        </section>
      ))}
    </>
  );
}
