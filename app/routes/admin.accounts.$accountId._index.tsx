import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { RoleNames, StatusTag } from "~/components/admin/AccountParts";
import { FormattedDate, SummaryList } from "~/components/display/DisplayParts";
import { Link } from "~/components/ui/Link";
import { recordOfAccount } from "~/models/access-log.server";
import { getAccount, otherActiveAdmins } from "~/models/accounts-admin.server";
import { isolate } from "~/utils/bidi";
import { getDb } from "~/utils/db.server";
import { orNotFound, pathParam, requireRole } from "~/web/guards.server";

/** How the account's history names each change an admin made. */
const changedBy = { disabled: "admin:account.disabledBy", enabled: "admin:account.enabledBy", app_reset: "admin:account.appResetBy" } as const;

/** One account: who, which roles, whether it works, and what an admin can do about it. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, t } = await requireRole(request, "admin");
  const account = await orNotFound(getAccount(getDb(), actor, pathParam(params, "accountId")));
  const yourself = account.id === actor.accountId;
  const lastAdmin = account.roles.includes("admin") && account.status !== "disabled" && (await otherActiveAdmins(getDb(), account.id)) === 0;
  return json({
    account: {
      ...account,
      createdAt: account.createdAt.toISOString(),
      disabledAt: account.disabledAt?.toISOString() ?? null,
      history: account.history.map((h) => ({ ...h, changedAt: h.changedAt.toISOString() })),
    },
    yourself,
    lastAdmin,
    // A service user's account: who has looked at their record (decision 050).
    record: await recordOfAccount(getDb(), actor, account.id),
    pageTitle: `${isolate(account.displayName)} – ${t("admin:title")}`,
  });
}

export default function AccountPage() {
  const { t } = useTranslation(["admin", "common"]);
  const { account, yourself, lastAdmin, record } = useLoaderData<typeof loader>();
  const base = `/admin/accounts/${account.id}`;
  return (
    <div className="grid-two-thirds">
      <p>
        <Link href="/admin/accounts">{t("admin:account.back")}</Link>
      </p>
      <h1 className="heading-xl">
        <bdi>{account.displayName}</bdi>
      </h1>
      <SummaryList
        rows={[
          { key: "email", label: t("admin:account.email"), value: <bdi>{account.email}</bdi> },
          { key: "roles", label: t("admin:account.roles"), value: <RoleNames roles={account.roles} /> },
          { key: "status", label: t("admin:account.status"), value: <StatusTag status={account.status} /> },
          { key: "made", label: t("admin:account.made"), value: <FormattedDate iso={account.createdAt} /> },
          ...(account.disabledAt ? [{ key: "disabledOn", label: t("admin:account.disabledOn"), value: <FormattedDate iso={account.disabledAt} /> }] : []),
          { key: "app", label: t("admin:account.app"), value: t(account.hasApp ? "admin:account.appSetUp" : "admin:account.appNone") },
        ]}
      />
      {record ? (
        <p>
          <Link href={`/people/${record}/access-log`}>{t("home:accessLog.adminLink")}</Link>
        </p>
      ) : null}
      <h2 className="heading-m">{t("admin:account.actions")}</h2>
      {yourself ? (
        <p>{t("admin:account.yourself")}</p>
      ) : (
        <ul className="list">
          {account.status === "disabled" ? (
            <li>
              <Link href={`${base}/enable`}>{t("admin:account.enable")}</Link>
            </li>
          ) : (
            <>
              <li>
                <Link href={`${base}/password-link`}>{t(account.status === "no_password" ? "admin:account.setupLink" : "admin:account.resetLink")}</Link>
              </li>
              {account.hasApp ? (
                <li>
                  <Link href={`${base}/authenticator`}>{t("admin:account.resetApp")}</Link>
                </li>
              ) : null}
              {lastAdmin ? null : (
                <li>
                  <Link href={`${base}/disable`}>{t("admin:account.disable")}</Link>
                </li>
              )}
            </>
          )}
        </ul>
      )}
      {lastAdmin && !yourself ? <p>{t("admin:account.lastAdmin")}</p> : null}
      {account.history.length ? (
        <>
          <h2 className="heading-m">{t("admin:account.history")}</h2>
          <ol className="list">
            {account.history.map((h) => (
              <li key={h.changedAt + h.change}>
                <FormattedDate iso={h.changedAt} />
                {t("common:colon")}
                {t(changedBy[h.change], { name: isolate(h.changedByName) })}
                <br />
                {t("admin:account.reason")}
                {t("common:colon")}
                <bdi>{h.reason}</bdi>
              </li>
            ))}
          </ol>
        </>
      ) : null}
    </div>
  );
}
