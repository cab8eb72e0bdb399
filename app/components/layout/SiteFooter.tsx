import { useTranslation } from "react-i18next";

export function SiteFooter() {
  const { t } = useTranslation();
  return (
    <footer className="site-footer">
      <div className="width-container">
        <h2 className="visually-hidden">{t("common:footer.heading")}</h2>
        <ul className="site-footer__links">
          <li>
            <a href="/urgent-help">{t("common:urgentHelp.link")}</a>
          </li>
          <li>
            <a href="/staying-safe">{t("common:footer.stayingSafe")}</a>
          </li>
          <li>
            <a href="/words-we-use">{t("common:footer.glossary")}</a>
          </li>
          <li>
            <a href="/accessibility">{t("common:footer.accessibility")}</a>
          </li>
          <li>
            <a href="/privacy">{t("common:footer.privacy")}</a>
          </li>
        </ul>
      </div>
    </footer>
  );
}
