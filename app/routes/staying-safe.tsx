import { useTranslation } from "react-i18next";
import type { RouteHandle } from "~/root";
import { isolate } from "~/utils/bidi";
import { telHref } from "~/utils/phone";

export const handle: RouteHandle = { titleKey: "pages:stayingSafe.title" };

/**
 * National domestic abuse helplines, as GOV.UK lists them. Their names are names: the same in every language.
 * Checked on 5 December 2026 against the services' own published numbers (Refuge's National Domestic Abuse
 * Helpline, Respect's Men's Advice Line, Galop, and the Welsh Government's Live Fear Free page); the silent
 * 999 call is "press 55" (the police's Silent Solution). Check again at each release: numbers do change.
 */
const HELPLINES = [
  { key: "ndah", name: "National Domestic Abuse Helpline", number: "0808 2000 247" },
  { key: "mens", name: "Men’s Advice Line", number: "0808 801 0327" },
  { key: "galop", name: "Galop", number: "0800 999 5428" },
  { key: "wales", name: "Live Fear Free", number: "0808 80 10 800" },
] as const;

/**
 * "Staying safe when you use this website" (AX-14, decision 059): what "Exit this page" does, the
 * Shift shortcut, history and private browsing, and where to get help. Linked from every footer
 * and from the sign-in page; it needs no sign-in.
 */
export default function StayingSafe() {
  const { t } = useTranslation(["pages", "common"]);
  const paragraphs = (key: string) => t(`pages:stayingSafe.${key}.paragraphs`, { returnObjects: true }) as string[];
  return (
    <>
      <h1 className="heading-xl">{t("pages:stayingSafe.title")}</h1>
      <p className="lead">{t("pages:stayingSafe.intro")}</p>
      {(["exit", "history"] as const).map((section) => (
        <section key={section} aria-labelledby={`staying-safe-${section}`} className="section">
          <h2 className="heading-l" id={`staying-safe-${section}`}>
            {t(`pages:stayingSafe.${section}.title`)}
          </h2>
          {paragraphs(section).map((p, i) => (
            <p key={i}>{p}</p>
          ))}
        </section>
      ))}
      <section aria-labelledby="staying-safe-help" className="section">
        <h2 className="heading-l" id="staying-safe-help">
          {t("pages:stayingSafe.help.title")}
        </h2>
        <p>
          <a href={telHref("999")}>{t("pages:stayingSafe.help.danger", { number: isolate("999") })}</a>
        </p>
        <p>{t("pages:stayingSafe.help.silent", { number: isolate("999"), code: isolate("55") })}</p>
        <p>{t("pages:stayingSafe.help.mentalHealth")}</p>
        <p>
          <a href="/urgent-help">{t("common:urgentHelp.link")}</a>
        </p>
        <p>{t("pages:stayingSafe.help.helplines")}</p>
        {HELPLINES.map(({ key, name, number }) => (
          <section key={key} aria-labelledby={`helpline-${key}`}>
            <h3 className="heading-s" id={`helpline-${key}`} lang="en">
              {name}
            </h3>
            <p>{t(`pages:stayingSafe.help.${key}`)}</p>
            <p className="phone">
              <a href={telHref(number)}>{t("pages:stayingSafe.help.call", { number: isolate(number) })}</a>
            </p>
          </section>
        ))}
      </section>
    </>
  );
}
