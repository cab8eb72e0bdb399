import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EasyReadPage, EasyReadSection, Idea } from "~/components/easy-read/EasyRead";
import { Link } from "~/components/ui/Link";
import { ownServiceUserId } from "~/models/access.server";
import { getSignedIn } from "~/web/auth.server";
import type { RouteHandle } from "~/root";

export const handle: RouteHandle = { titleKey: "easyread:advocacy.title" };

/** Open to everyone, as /advocacy. Signed in, the way to ask for an advocate for oneself (from the session: no query of its own). */
export async function loader({ request }: LoaderFunctionArgs) {
  const signedIn = await getSignedIn(request);
  const own = signedIn ? ownServiceUserId(signedIn.actor, "requests.create") : null;
  return json({ askHref: own ? `/people/${own}/requests/advocate` : null });
}

/** Advocacy in Easy Read (CT-05): what an advocate does, when the law gives a right to one, and how to get one. */
export default function AdvocacyEasyRead() {
  const { t } = useTranslation(["easyread"]);
  const { askHref } = useLoaderData<typeof loader>();
  return (
    <EasyReadPage title={t("easyread:advocacy.title")} standardHref="/advocacy">
      <Idea picture="person-asking">
        <p>{t("easyread:advocacy.what")}</p>
      </Idea>
      <Idea picture="handshake">
        <p>{t("easyread:advocacy.side")}</p>
      </Idea>
      <Idea picture="ear">
        <p>{t("easyread:advocacy.listen")}</p>
      </Idea>
      <Idea picture="thumbs-up">
        <p>{t("easyread:advocacy.free")}</p>
      </Idea>

      <EasyReadSection id="advocacy-rights" title={t("easyread:advocacy.rights.title")}>
        <Idea picture="hospital">
          <p>{t("easyread:advocacy.rights.hospital")}</p>
        </Idea>
        <Idea picture="warning">
          <p>{t("easyread:advocacy.rights.decision")}</p>
        </Idea>
        <Idea picture="family">
          <p>{t("easyread:advocacy.rights.care")}</p>
        </Idea>
        <Idea picture="unlocked">
          <p>{t("easyread:advocacy.rights.anyone")}</p>
        </Idea>
      </EasyReadSection>

      <EasyReadSection id="advocacy-ask" title={t("easyread:advocacy.ask.title")}>
        <Idea picture="phone">
          <p>{t("easyread:advocacy.ask.team")}</p>
        </Idea>
        {askHref ? (
          <Idea picture="memo">
            <p>{t("easyread:advocacy.ask.here")}</p>
            <p>
              <Link href={askHref}>{t("easyread:advocacy.ask.link")}</Link>
            </p>
          </Idea>
        ) : null}
      </EasyReadSection>
    </EasyReadPage>
  );
}
