import { useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { languages } from "~/i18n";

/**
 * Each language named in itself, with its lang attribute, so screen readers pronounce it right.
 * On a small screen the list folds behind one "Language" control (a <details>: no JavaScript
 * needed), so the page's first content is not pushed down; on a wider screen the list is shown.
 */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const location = useLocation();
  return (
    <nav className="language-switcher" aria-label={t("common:language.navLabel")}>
      <details className="language-switcher__details">
        <summary className="language-switcher__summary">
          <svg className="language-switcher__icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
            <circle cx="12" cy="12" r="10" />
            <path d="M2 12h20M12 2c2.8 3 4 6.3 4 10s-1.2 7-4 10c-2.8-3-4-6.3-4-10s1.2-7 4-10z" />
          </svg>
          <span>{t("common:language.navLabel")}</span>
        </summary>
        <ul>
          {languages.map((l) => {
            const params = new URLSearchParams(location.search);
            params.set("lng", l.code);
            return (
              <li key={l.code}>
                <a
                  href={`${location.pathname}?${params}`}
                  lang={l.code}
                  hrefLang={l.code}
                  aria-current={i18n.language === l.code ? "true" : undefined}
                  className="language-switcher__link"
                >
                  {l.name}
                </a>
              </li>
            );
          })}
        </ul>
      </details>
    </nav>
  );
}
