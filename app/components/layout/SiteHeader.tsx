import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui/Button";
import { Form } from "~/components/ui/Form";
import { LanguageSwitcher } from "./LanguageSwitcher";
import { isolate } from "~/utils/bidi";

export interface HeaderUser {
  displayName: string;
}

/**
 * The same on every page, signed in or not, including error pages: the service name, the
 * "Get help now" link (always first after the skip link), the languages, and who is signed in.
 */
export function SiteHeader({ serviceName, user }: { serviceName: string; user: HeaderUser | null }) {
  const { t } = useTranslation();
  return (
    <header className="site-header">
      <div className="site-header__bar width-container">
        <a href="/" className="site-header__service">
          {serviceName}
        </a>
        <a href="/urgent-help" className="urgent-link">
          {t("common:urgentHelp.link")}
        </a>
      </div>
      <div className="site-header__tools width-container">
        <LanguageSwitcher />
        {user ? (
          <div className="site-header__account">
            <p className="site-header__signed-in">{t("common:account.signedInAs", { name: isolate(user.displayName) })}</p>
            <Form action="/logout" className="inline-form" reloadDocument>
              <Button type="submit" variant="link">
                {t("common:account.signOut")}
              </Button>
            </Form>
          </div>
        ) : null}
      </div>
    </header>
  );
}
