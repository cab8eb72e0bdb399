import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Items, SummaryList } from "~/components/display/DisplayParts";
import { Button } from "~/components/ui/Button";
import { Form } from "~/components/ui/Form";
import { Link } from "~/components/ui/Link";
import { getConsultee, removeConsultee } from "~/models/decisions.server";
import { requireSignedIn } from "~/web/auth.server";
import { isolate } from "~/utils/bidi";
import { requireFormData } from "~/web/csrf.server";
import { getDb } from "~/utils/db.server";
import { orNotFound } from "~/web/guards.server";
import { getFixedT } from "~/web/i18n.server";
import { saved, saveOnce } from "~/web/saves.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, account } = await requireSignedIn(request);
  const serviceUserId = params.serviceUserId ?? "";
  const consultee = await orNotFound(getConsultee(getDb(), actor, serviceUserId, params.consulteeId ?? ""));
  const { t } = getFixedT(request, account.preferredLanguage);
  return json({ serviceUserId, consultee, pageTitle: t("decisions:consult.removeTitle", { name: isolate(consultee.name) }) });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor } = await requireSignedIn(request);
  const formData = await requireFormData(request);
  const serviceUserId = params.serviceUserId ?? "";
  return saveOnce(request, formData, actor.accountId, async (tx) => {
    await orNotFound(removeConsultee(tx, actor, serviceUserId, params.consulteeId ?? ""));
    return saved(`/people/${serviceUserId}/decisions#consult`, "removed");
  });
}

/** Check before taking someone off the people to consult. */
export default function RemoveConsultee() {
  const { t } = useTranslation(["decisions", "common"]);
  const { serviceUserId, consultee, pageTitle } = useLoaderData<typeof loader>();
  const back = `/people/${serviceUserId}/decisions#consult`;
  return (
    <div className="grid-two-thirds">
      <p>
        <Link href={back}>{t("decisions:back")}</Link>
      </p>
      <h1 className="heading-xl">{pageTitle}</h1>
      <SummaryList
        rows={[
          { key: "relationship", label: t("decisions:consult.howTheyKnow"), value: consultee.relationship },
          {
            key: "scopes",
            label: t("decisions:consult.decisions"),
            value: <Items items={[...consultee.scopes.map((s) => t(`decisions:consult.scope.${s}`)), ...(consultee.scopeOther ? [consultee.scopeOther] : [])]} />,
          },
        ]}
      />
      <p>{t("decisions:consult.removeBody")}</p>
      <Form>
        <Button type="submit" variant="warning">
          {t("decisions:consult.removeConfirm")}
        </Button>
      </Form>
      <p>
        <Link href={back}>{t("decisions:consult.keep")}</Link>
      </p>
    </div>
  );
}
