import { useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui/Button";
import { Form } from "~/components/ui/Form";
import type { HeaderCrisisPlan } from "~/models/people.server";
import { ExitThisPage } from "./ExitThisPage";
import { LanguageSwitcher } from "./LanguageSwitcher";
import { isolate } from "~/utils/bidi";

export interface HeaderUser {
  displayName: string;
  /** Their communication needs ask for Easy Read: "Get help now" leads to its Easy Read version (CT-05). */
  easyRead?: boolean;
}

/** "My crisis plan", "Sam Taylor's crisis plan", or "Crisis plans" (to the people you support, on the home page). */
function CrisisPlanLink({ crisisPlan }: { crisisPlan: NonNullable<HeaderCrisisPlan> }) {
  const { t } = useTranslation();
  const [href, label] =
    crisisPlan.kind === "own"
      ? [`/people/${crisisPlan.serviceUserId}/plan/crisis`, t("plan:crisis.titleOwn")]
      : crisisPlan.kind === "other"
        ? [`/people/${crisisPlan.serviceUserId}/plan/crisis`, t("plan:crisis.titleOther", { name: isolate(crisisPlan.displayName) })]
        : ["/#supporting-heading", t("common:crisisPlan.several")];
  return (
    <a href={href} className="site-header__crisis">
      {label}
    </a>
  );
}

/**
 * The same on every page, signed in or not, including error pages: the service name (a link home,
 * but on urgent help), the "Get help now" link (always first after the skip link and the service
 * name), the crisis plan for anyone who may see one, "Exit this page" (to `exitTo`), the
 * languages, and who is signed in.
 */
export function SiteHeader({
  serviceName,
  user,
  crisisPlan = null,
  exitTo = "/exit",
}: {
  serviceName: string;
  user: HeaderUser | null;
  crisisPlan?: HeaderCrisisPlan;
  /** Where the page goes with JavaScript; "/exit" (which redirects there) when the root's data is missing. */
  exitTo?: string;
}) {
  const { t } = useTranslation();
  // On urgent help the service name is not a link: on a phone the first number to call stays four
  // keyboard stops away with "Exit this page" before it (decision 059).
  const onUrgentHelp = useLocation().pathname === "/urgent-help";
  return (
    <header className="site-header">
      <div className="site-header__bar width-container">
        {onUrgentHelp ? (
          <span className="site-header__service">{serviceName}</span>
        ) : (
          <a href="/" className="site-header__service">
            {serviceName}
          </a>
        )}
        <div className="site-header__help">
          <a href={user?.easyRead ? "/urgent-help/easy-read" : "/urgent-help"} className="urgent-link">
            {t("common:urgentHelp.link")}
          </a>
          {crisisPlan ? <CrisisPlanLink crisisPlan={crisisPlan} /> : null}
          <ExitThisPage to={exitTo} />
        </div>
      </div>
      <div className="site-header__tools width-container">
        <LanguageSwitcher />
        {user ? (
          <div className="site-header__account">
            <p className="site-header__signed-in">{t("common:account.signedInAs", { name: isolate(user.displayName) })}</p>
            <a href="/account" className="site-header__link">
              {t("common:account.yourAccount")}
            </a>
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
