import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { NhsLoginAccountSection } from "~/components/account/NhsLoginAccount";
import { SessionList } from "~/components/account/SessionList";
import { Button } from "~/components/ui/Button";
import { Form } from "~/components/ui/Form";
import { Link } from "~/components/ui/Link";
import { endOneSession, endOtherSessions, listSessions } from "~/models/account-security.server";
import { signInMethodsOf } from "~/models/external-identities.server";
import type { RouteHandle } from "~/root";
import { needsSecondFactor, requireSignedIn, sessionHashOf } from "~/web/auth.server";
import { requireFormData } from "~/web/csrf.server";
import { redirectWithSuccess } from "~/web/saves.server";
import { getDb } from "~/utils/db.server";
import { isUuid } from "~/utils/ids";
import { nhsLoginEnabled } from "~/web/nhs-login.server";

export const handle: RouteHandle = { titleKey: "auth:account.title" };

/**
 * "Your account", for everyone signed in: password (or setting a first one), authenticator app, NHS login (when the portal
 * has it), and where they are signed in.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const { account, sessionId } = await requireSignedIn(request);
  const db = getDb();
  const sessions = await listSessions(db, account.id, sessionId);
  // NHS login is for people who use services and those who support them, not for staff accounts.
  const methods = nhsLoginEnabled() && !needsSecondFactor(account) ? await signInMethodsOf(db, account.id, "nhs-login") : null;
  // An account with neither a password nor NHS login (none is made so) has nothing to link with.
  const nhsLogin = methods && (methods.hasPassword || methods.linkedAt) ? { linked: methods.linkedAt !== null, hasPassword: methods.hasPassword } : null;
  // An account made through NHS login has no password yet: it can set one (decision 067).
  const canSetPassword = methods !== null && !methods.hasPassword;
  return json({ sessions, hasTotp: account.hasTotp, mustHaveTotp: needsSecondFactor(account), nhsLogin, canSetPassword });
}

/** End one other session, or all of them. This one ends by signing out. */
export async function action({ request }: ActionFunctionArgs) {
  const { actor } = await requireSignedIn(request);
  const formData = await requireFormData(request);
  const db = getDb();
  const keepSessionHash = sessionHashOf(request);
  const intent = formData.get("intent");
  if (intent === "end-others") {
    await endOtherSessions(db, actor, keepSessionHash);
    return redirectWithSuccess(request, "/account", "auth:account.othersEnded");
  }
  const sessionId = formData.get("sessionId");
  if (intent === "end" && typeof sessionId === "string" && isUuid(sessionId)) {
    // Already ended (another tab, or it timed out): the list shows that as well as a message would.
    const ended = await endOneSession(db, actor, { sessionId, keepSessionHash });
    return ended ? redirectWithSuccess(request, "/account", "auth:account.sessionEnded") : redirect("/account");
  }
  throw new Response("Bad request", { status: 400 });
}

export default function Account() {
  const { t } = useTranslation(["auth", "common"]);
  const { sessions, hasTotp, mustHaveTotp, nhsLogin, canSetPassword } = useLoaderData<typeof loader>();
  const others = sessions.filter((s) => !s.current).length;
  return (
    <div className="grid-two-thirds">
      <h1 className="heading-xl">{t("auth:account.title")}</h1>

      <h2 className="heading-m">{t("auth:account.passwordTitle")}</h2>
      {canSetPassword ? (
        <>
          <p>{t("auth:account.noPassword")}</p>
          <p>
            <Link href="/account/set-password">{t("auth:account.setPasswordLink")}</Link>
          </p>
        </>
      ) : (
        <p>
          <Link href="/account/password">{t("auth:account.changePasswordLink")}</Link>
        </p>
      )}

      <h2 className="heading-m">{t("auth:account.authenticatorTitle")}</h2>
      <p>{t(hasTotp ? "auth:account.authenticatorOn" : mustHaveTotp ? "auth:authenticator.required" : "auth:account.authenticatorOff")}</p>
      <p>
        <Link href="/account/authenticator">{t(hasTotp ? "auth:account.authenticatorManage" : "auth:account.authenticatorSetUp")}</Link>
      </p>

      {nhsLogin ? <NhsLoginAccountSection linked={nhsLogin.linked} hasPassword={nhsLogin.hasPassword} /> : null}

      <h2 className="heading-m">{t("auth:account.notificationsTitle")}</h2>
      <p>{t("auth:account.notificationsIntro")}</p>
      <p>
        <Link href="/account/notifications">{t("auth:account.notificationsLink")}</Link>
      </p>

      <h2 className="heading-m">{t("auth:account.sessionsTitle")}</h2>
      <p>{t("auth:account.sessionsIntro")}</p>
      <SessionList sessions={sessions} />
      {others > 0 ? (
        <Form>
          <input type="hidden" name="intent" value="end-others" />
          <p className="hint">{t("auth:account.endOthersHint")}</p>
          <Button type="submit" variant="warning">
            {t("auth:account.endOthers")}
          </Button>
        </Form>
      ) : (
        <p>{t("auth:account.noOthers")}</p>
      )}

      <h2 className="heading-m">{t("auth:account.copyTitle")}</h2>
      <p>{t("auth:account.copyIntro")}</p>
      <p>
        <a href="/account/copy.json" download>
          {t("auth:account.copyLink")}
        </a>
      </p>
    </div>
  );
}
