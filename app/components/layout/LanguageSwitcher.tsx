import { useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { languages } from "~/i18n";

/** Each language named in itself, with its lang attribute, so screen readers pronounce it right. */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const location = useLocation();
  return (
    <nav className="language-switcher" aria-label={t("common:language.navLabel")}>
      <ul>
        {languages.map((l) => {
          const params = new URLSearchParams(location.search);
          params.set("lng", l.code);
          const current = i18n.language === l.code;
          return (
            <li key={l.code}>
              <a
                href={`${location.pathname}?${params}`}
                lang={l.code}
                hrefLang={l.code}
                aria-current={current ? "true" : undefined}
                className="language-switcher__link"
              >
                {l.name}
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
