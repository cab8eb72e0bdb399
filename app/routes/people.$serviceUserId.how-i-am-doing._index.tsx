import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DialogLatest, DialogOverTime } from "~/components/how-i-am-doing/HowIAmDoingParts";
import { Link } from "~/components/ui/Link";
import { can } from "~/models/access.server";
import { listHowIAmDoing } from "~/models/how-i-am-doing.server";
import { getDb } from "~/utils/db.server";
import { isolate } from "~/utils/bidi";
import { useReaderT } from "~/utils/use-reader";
import { requireRecord } from "~/web/guards.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, serviceUserId, displayName, own, t } = await requireRecord(request, params, "howIAmDoing.read");
  const sets = await listHowIAmDoing(getDb(), actor, serviceUserId);
  return json({
    serviceUserId,
    displayName,
    sets,
    canWrite: can(actor, "howIAmDoing.write", { serviceUserId }),
    pageTitle: own ? t("plan:howIAmDoing.title") : t("plan:howIAmDoing.title_them", { name: isolate(displayName) }),
  });
}

/** "How I am doing" over time (CP-14): the latest first, then each area as a chart and a table. */
export default function HowIAmDoing() {
  const { t } = useTranslation(["plan"]);
  const { tw } = useReaderT();
  const { serviceUserId, displayName, sets, canWrite, pageTitle } = useLoaderData<typeof loader>();
  const latest = sets.at(-1);
  return (
    <>
      <p>
        <Link href={`/people/${serviceUserId}/plan#reviews`}>{t("plan:backToPlan")}</Link>
      </p>
      <h1 className="heading-xl">{pageTitle}</h1>
      <div className="grid-two-thirds">
        <p className="lead">{tw("plan:howIAmDoing.intro")}</p>
        {canWrite ? (
          <p>
            <Link href={`/people/${serviceUserId}/how-i-am-doing/new`}>{tw("plan:howIAmDoing.add")}</Link>
          </p>
        ) : null}
        {latest ? (
          <section aria-labelledby="latest" className="section">
            <h2 className="heading-l" id="latest">
              {t("plan:howIAmDoing.latestTitle")}
            </h2>
            <DialogLatest set={latest} forName={displayName} />
          </section>
        ) : (
          <p>{tw("plan:howIAmDoing.none")}</p>
        )}
        {sets.length ? (
          <section aria-labelledby="over-time" className="section">
            <h2 className="heading-l" id="over-time">
              {t("plan:howIAmDoing.overTimeTitle")}
            </h2>
            <p>{t("plan:howIAmDoing.overTimeIntro")}</p>
            <DialogOverTime sets={sets} forName={displayName} />
          </section>
        ) : null}
      </div>
    </>
  );
}
