import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui/Button";
import { Form } from "~/components/ui/Form";
import { Link } from "~/components/ui/Link";

/** Why signing in with NHS login stopped: each has its own page (auth:nhsLogin.problem.*). */
export const NHS_LOGIN_PROBLEMS = [
  "failed",
  "cancelled",
  "level",
  "no-record",
  "unavailable",
  "expired",
  "used",
  "unknown",
  "email-taken",
  "nhs-number",
  "nhs-number-other",
  // Linking NHS login from "Your account" (decision 066).
  "linked-elsewhere",
  "account-linked",
  "link-session",
  "link-nhs-number",
  // Signing in with NHS login again before setting a password (decision 067).
  "again-session",
  "again-other",
] as const;
export type NhsLoginProblem = (typeof NHS_LOGIN_PROBLEMS)[number];

/**
 * "Continue with NHS login", as NHS login's button guidance asks: its own words (a lower case "l"),
 * a plain button in the NHS blue, above the other way to sign in, and nothing said about what
 * happens next. A real form posted to the portal (with its CSRF token), which sends the person on
 * to NHS login; reloadDocument, because the answer is a redirect to another site.
 */
export function NhsLoginButton({ redirectTo = "", invitation }: { redirectTo?: string; invitation?: string }) {
  const { t } = useTranslation(["auth"]);
  return (
    <Form action="/login/nhs" reloadDocument className="nhs-login">
      <input type="hidden" name="redirectTo" value={redirectTo} />
      {invitation ? <input type="hidden" name="invitation" value={invitation} /> : null}
      <Button type="submit" className="nhs-login__button">
        {t("auth:nhsLogin.button")}
      </Button>
    </Form>
  );
}

/**
 * NHS login first, then the page's own way in (a password): a line about NHS login, the button, and
 * a heading for the other way (`orKey`), on the sign-in page and on an invitation.
 */
export function NhsLoginChoice({
  introKey,
  orKey,
  redirectTo,
  invitation,
}: {
  introKey: "auth:nhsLogin.intro" | "auth:nhsLogin.invitationIntro";
  orKey: "auth:nhsLogin.orEmail" | "auth:nhsLogin.orPassword";
  redirectTo?: string;
  invitation?: string;
}) {
  const { t } = useTranslation(["auth"]);
  return (
    <>
      <p>{t(introKey)}</p>
      <NhsLoginButton redirectTo={redirectTo} invitation={invitation} />
      <h2 className="heading-m">{t(orKey)}</h2>
    </>
  );
}

/**
 * A page for one problem: what happened, what to do, and the way back to signing in (or to "Your
 * account", when the person was linking NHS login from there).
 */
export function NhsLoginProblemPage({ problem, back = "sign-in" }: { problem: NhsLoginProblem; back?: "sign-in" | "account" }) {
  const { t } = useTranslation(["auth"]);
  // An invitation that cannot be used says what its own page says (auth:invitation.*).
  const fromInvitation = problem === "expired" || problem === "used" || problem === "unknown";
  const title = fromInvitation ? t(`auth:invitation.${problem}.title`) : t(`auth:nhsLogin.problem.${problem}.title`);
  const paragraphs = fromInvitation
    ? [t(`auth:invitation.${problem}.body`)]
    : (t(`auth:nhsLogin.problem.${problem}.body`, { returnObjects: true }) as string[]);
  return (
    <div className="grid-two-thirds">
      <h1 className="heading-xl">{title}</h1>
      {paragraphs.map((text) => (
        <p key={text}>{text}</p>
      ))}
      <p>
        {back === "account" ? <Link href="/account">{t("auth:nhsLogin.backToAccount")}</Link> : <Link href="/login">{t("auth:nhsLogin.backToSignIn")}</Link>}
      </p>
    </div>
  );
}
