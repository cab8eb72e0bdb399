import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SummaryList } from "~/components/display/DisplayParts";
import { Button } from "~/components/ui/Button";
import { Form } from "~/components/ui/Form";
import { Link } from "~/components/ui/Link";
import { removeAttorney } from "~/models/decisions.server";
import { requireSignedIn } from "~/web/auth.server";
import { requireFormData } from "~/web/csrf.server";
import { decisionsPage } from "~/web/decisions-page.server";
import { orNotFound } from "~/web/guards.server";
import { saved, saveOnce } from "~/web/saves.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { serviceUserId, overview, t } = await decisionsPage(request, params, "decisions.write");
  if (!overview.attorney) throw redirect(`/people/${serviceUserId}/decisions#attorney`);
  return json({ serviceUserId, attorney: overview.attorney, pageTitle: t("decisions:attorney.removeTitle") });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor } = await requireSignedIn(request);
  const formData = await requireFormData(request);
  const serviceUserId = params.serviceUserId ?? "";
  return saveOnce(request, formData, actor.accountId, async (tx) => {
    await orNotFound(removeAttorney(tx, actor, serviceUserId));
    return saved(`/people/${serviceUserId}/decisions#attorney`, "removed");
  });
}

/** Check before taking away the attorney or deputy record (it ended, or was a mistake). */
export default function RemoveAttorney() {
  const { t } = useTranslation(["decisions", "common"]);
  const { serviceUserId, attorney, pageTitle } = useLoaderData<typeof loader>();
  const back = `/people/${serviceUserId}/decisions#attorney`;
  return (
    <div className="grid-two-thirds">
      <p>
        <Link href={back}>{t("decisions:back")}</Link>
      </p>
      <h1 className="heading-xl">{pageTitle}</h1>
      <SummaryList
        rows={[
          { key: "kind", label: t("decisions:attorney.kindRow"), value: t(`decisions:attorney.kinds.${attorney.kind}`) },
          { key: "names", label: t("decisions:attorney.namesRow"), value: <span className="their-words">{attorney.names}</span> },
        ]}
      />
      <p>{t("decisions:attorney.removeBody")}</p>
      <Form>
        <Button type="submit" variant="warning">
          {t("decisions:attorney.removeConfirm")}
        </Button>
      </Form>
      <p>
        <Link href={back}>{t("decisions:attorney.keep")}</Link>
      </p>
    </div>
  );
}
