import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SessionList } from "~/components/account/SessionList";
import { Button } from "~/components/ui/Button";
import { Form } from "~/components/ui/Form";
import { Link } from "~/components/ui/Link";
import { endOneSession, endOtherSessions, listSessions } from "~/models/account-security.server";
import type { RouteHandle } from "~/root";
import { needsSecondFactor, requireSignedIn, sessionHashOf } from "~/web/auth.server";
import { requireFormData } from "~/web/csrf.server";
import { redirectWithSuccess } from "~/web/saves.server";
import { getDb } from "~/utils/db.server";
import { isUuid } from "~/utils/ids";

export const handle: RouteHandle = { titleKey: "auth:account.title" };

/** "Your account", for everyone signed in: password, authenticator app, and where they are signed in. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { account, sessionId } = await requireSignedIn(request);
  const sessions = await listSessions(getDb(), account.id, sessionId);
  return json({ sessions, hasTotp: account.hasTotp, mustHaveTotp: needsSecondFactor(account) });
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
  const { sessions, hasTotp, mustHaveTotp } = useLoaderData<typeof loader>();
  const others = sessions.filter((s) => !s.current).length;
  return (
    <div className="grid-two-thirds">
      <h1 className="heading-xl">{t("auth:account.title")}</h1>

      <h2 className="heading-m">{t("auth:account.passwordTitle")}</h2>
      <p>
        <Link href="/account/password">{t("auth:account.changePasswordLink")}</Link>
      </p>

      <h2 className="heading-m">{t("auth:account.authenticatorTitle")}</h2>
      <p>{t(hasTotp ? "auth:account.authenticatorOn" : mustHaveTotp ? "auth:authenticator.required" : "auth:account.authenticatorOff")}</p>
      <p>
        <Link href="/account/authenticator">{t(hasTotp ? "auth:account.authenticatorManage" : "auth:account.authenticatorSetUp")}</Link>
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
