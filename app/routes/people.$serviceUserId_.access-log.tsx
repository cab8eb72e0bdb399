import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Form as RemixForm, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AccessLogEntries } from "~/components/display/AccessLogEntries";
import { SelectField } from "~/components/forms/SelectField";
import { Button } from "~/components/ui/Button";
import { Link } from "~/components/ui/Link";
import { capacityFor } from "~/models/access.server";
import { getAccessLog, monthOrNull } from "~/models/access-log.server";
import { formatNumber, localeFormat } from "~/utils/locale-format";
import { isolate } from "~/utils/bidi";
import { getDb } from "~/utils/db.server";
import { useFormat } from "~/utils/use-format";
import { orNotFound, requireRecord } from "~/web/guards.server";

/**
 * Who has looked at my record (SE-14, decision 050): every read and change by someone else, newest
 * first, 25 a page. The filters are a GET: an account id and a month name no one. Outside the record
 * layout (which asks `record.view`) because the admin role reaches it too, from an account's page;
 * the page says whose record it is itself.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, serviceUserId, displayName, own, t } = await requireRecord(request, params, "accessLog.read");
  const url = new URL(request.url);
  const page = Number(url.searchParams.get("page"));
  const who = url.searchParams.get("who") || undefined;
  const month = monthOrNull(url.searchParams.get("month"));
  const log = await orNotFound(
    getAccessLog(getDb(), actor, serviceUserId, { who, month: month ?? undefined, page: Number.isInteger(page) && page >= 1 ? page : 1 }),
  );
  return json({
    serviceUserId,
    displayName,
    own,
    capacity: capacityFor(actor, serviceUserId),
    admin: actor.isAdmin === true,
    // Only a filter that names someone in the list is shown as chosen.
    filters: { who: log.people.some((p) => p.id === who) ? who! : "", month: month ?? "" },
    log,
    pageTitle: own ? t("home:accessLog.ownTitle") : t("home:accessLog.title", { name: isolate(displayName) }),
  });
}

export default function AccessLogPage() {
  const { t, i18n } = useTranslation(["home", "common"]);
  const format = useFormat();
  const { serviceUserId, displayName, own, capacity, admin, filters, log, pageTitle } = useLoaderData<typeof loader>();
  const base = `/people/${serviceUserId}/access-log`;
  const hrefFor = (page: number) => {
    const query = new URLSearchParams();
    if (filters.who) query.set("who", filters.who);
    if (filters.month) query.set("month", filters.month);
    if (page > 1) query.set("page", String(page));
    const text = query.toString();
    return text ? `${base}?${text}` : base;
  };
  const monthLabel = (month: string) => {
    const [year, number] = month.split("-").map(Number);
    return t("home:accessLog.month", { month: localeFormat(i18n.language).months[number! - 1], year: formatNumber(year!, i18n.language, { grouping: false }) });
  };
  return (
    <>
      {!own ? (
        <div className="record-banner" role="note" aria-label={t("home:record.bannerLabel")}>
          {admin && capacity === "none"
            ? t("home:accessLog.bannerAdmin", { name: isolate(displayName) })
            : t("home:record.bannerOther", { name: isolate(displayName), capacity: t(`common:capacity.${capacity}`) })}
        </div>
      ) : null}
      <p>
        {admin && capacity === "none" ? (
          <Link href="/admin/accounts">{t("home:accessLog.backAdmin")}</Link>
        ) : (
          <Link href={`/people/${serviceUserId}`}>{own ? t("home:accessLog.backOwn") : t("home:accessLog.back", { name: isolate(displayName) })}</Link>
        )}
      </p>
      <h1 className="heading-xl">{pageTitle}</h1>
      <p>{t("home:accessLog.intro")}</p>
      {!own ? <p>{t("home:accessLog.writtenToThem", { name: isolate(displayName) })}</p> : null}

      {log.people.length ? (
        <section aria-labelledby="filter-heading" className="section">
          <h2 className="heading-m" id="filter-heading">
            {t("home:accessLog.filter.title")}
          </h2>
          {/* A GET: nothing changes, and an account id or a month names no one. */}
          <RemixForm method="get" action={base} noValidate>
            <SelectField
              name="who"
              label={t("home:accessLog.filter.who")}
              placeholder={t("home:accessLog.filter.anyone")}
              options={log.people.map((p) => ({ value: p.id, label: p.name }))}
              defaultValue={filters.who}
            />
            <SelectField
              name="month"
              label={t("home:accessLog.filter.month")}
              placeholder={t("home:accessLog.filter.anyMonth")}
              options={log.months.map((m) => ({ value: m, label: monthLabel(m) }))}
              defaultValue={filters.month}
            />
            <Button type="submit" variant="secondary">
              {t("home:accessLog.filter.submit")}
            </Button>
          </RemixForm>
          {filters.who || filters.month ? (
            <p>
              <Link href={base}>{t("home:accessLog.filter.clear")}</Link>
            </p>
          ) : null}
        </section>
      ) : null}

      <section aria-labelledby="entries-heading" className="section">
        <h2 className="heading-l" id="entries-heading">
          {t("home:accessLog.entriesTitle")}
        </h2>
        {log.entries.length ? (
          <>
            <p>{t("home:accessLog.count", { count: log.total })}</p>
            <AccessLogEntries entries={log.entries} />
            {log.pages > 1 ? (
              <nav aria-label={t("home:accessLog.pages.label")} className="pager">
                {log.page > 1 ? <Link href={hrefFor(log.page - 1)}>{t("home:accessLog.pages.previous")}</Link> : null}
                <p>{t("home:accessLog.pages.current", { page: format.number(log.page), pages: format.number(log.pages) })}</p>
                {log.page < log.pages ? <Link href={hrefFor(log.page + 1)}>{t("home:accessLog.pages.next")}</Link> : null}
              </nav>
            ) : null}
          </>
        ) : (
          <p>{filters.who || filters.month ? t("home:accessLog.noneFiltered") : t("home:accessLog.none")}</p>
        )}
      </section>
    </>
  );
}
