import { useTranslation } from "react-i18next";
import { Link } from "~/components/ui/Link";
import type { RouteHandle } from "~/root";

export const handle: RouteHandle = { titleKey: "pages:youngCarers.title" };

/**
 * Help for young carers (CR-09…CR-11), written for someone under 18 to read. Public: a young
 * carer may have no account, and a parent or carer may want to show it to them.
 */
export default function YoungCarers() {
  const { t } = useTranslation(["pages", "carers"]);
  const sections = ["what", "assessment", "ask", "older", "talk"] as const;
  return (
    <div className="grid-two-thirds">
      <h1 className="heading-xl">{t("pages:youngCarers.title")}</h1>
      <p className="lead">{t("pages:youngCarers.intro")}</p>
      {sections.map((s) => (
        <section key={s} aria-labelledby={`young-${s}`} className="section">
          <h2 className="heading-l" id={`young-${s}`}>
            {t(`pages:youngCarers.${s}.title`)}
          </h2>
          {(t(`pages:youngCarers.${s}.paragraphs`, { returnObjects: true }) as string[]).map((p, i) => (
            <p key={i}>{p}</p>
          ))}
        </section>
      ))}
      <p>
        <Link href="/look-after-someone">{t("carers:signUp.link")}</Link>
      </p>
    </div>
  );
}
