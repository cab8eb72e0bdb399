import { useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Form } from "~/components/ui/Form";
import { languages } from "~/i18n";

/**
 * Each language named in itself, with its lang attribute, so screen readers pronounce it right.
 * On a small screen the list folds behind one "Language" control (a <details>: no JavaScript
 * needed), so the page's first content is not pushed down; on a wider screen the list is shown.
 *
 * Choosing a language is a POST (one small form per language, no JavaScript needed): it is
 * remembered in this browser and, signed in, saved as the person's language. A `?lng=` link only
 * shows that one page in the language. The whole page is reloaded, with the new language's words.
 */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const location = useLocation();
  const params = new URLSearchParams(location.search);
  params.delete("lng");
  const query = params.toString();
  const here = query ? `${location.pathname}?${query}` : location.pathname;
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
          {languages.map((l) => (
            <li key={l.code}>
              <Form action="/language" className="inline-form" reloadDocument>
                <input type="hidden" name="redirectTo" value={here} />
                <button
                  type="submit"
                  name="lng"
                  value={l.code}
                  lang={l.code}
                  aria-current={i18n.language === l.code ? "true" : undefined}
                  className="button--link language-switcher__link"
                >
                  {l.name}
                </button>
              </Form>
            </li>
          ))}
        </ul>
      </details>
    </nav>
  );
}
