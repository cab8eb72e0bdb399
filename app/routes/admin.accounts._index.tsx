import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form as RemixForm, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { RoleNames, StatusTag } from "~/components/admin/AccountParts";
import { ErrorSummary } from "~/components/forms/ErrorSummary";
import { SelectField } from "~/components/forms/SelectField";
import { useServerForm } from "~/components/forms/use-server-form";
import { Button } from "~/components/ui/Button";
import { Form } from "~/components/ui/Form";
import { Link } from "~/components/ui/Link";
import { TextField } from "~/components/ui/TextField";
import { listAccounts, type AccountSummary } from "~/models/accounts-admin.server";
import { accountRoles, accountStatuses } from "~/models/vocabulary/accounts";
import type { RouteHandle } from "~/root";
import { getDb } from "~/utils/db.server";
import { requireFormData } from "~/web/csrf.server";
import { invalid, requireRole } from "~/web/guards.server";
import { listFilters, searchSchema } from "~/web/validation/admin.server";
import { parseWithZod } from "~/web/validation/parse.server";

export const handle: RouteHandle = { titleKey: "admin:title" };

/** Everyone who can sign in, filtered by role and status (in the address: they are no one's data), a page at a time. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requireRole(request, "admin");
  const filters = listFilters(new URL(request.url));
  const list = await listAccounts(getDb(), actor, filters);
  return json({ filters, list });
}

/**
 * A search by name or email is posted, never put in the address, where it would reach logs and
 * browser history (decision 045). Its results come back with the answer; its pages are posts too.
 */
export async function action({ request }: ActionFunctionArgs) {
  const { actor, t } = await requireRole(request, "admin");
  const formData = await requireFormData(request);
  const submission = parseWithZod(formData, { schema: searchSchema });
  if (submission.status !== "success") return invalid({ result: submission.reply(), search: null, list: null, pageTitle: null });
  const { search, page } = submission.value;
  const list = await listAccounts(getDb(), actor, { search, page });
  return json({ result: submission.reply(), search, list, pageTitle: t("admin:search.resultsTitle") });
}

type List = { accounts: AccountSummary[]; total: number; page: number; pages: number };

function AccountList({ list }: { list: List }) {
  const { t } = useTranslation(["admin", "common"]);
  if (!list.accounts.length) return <p>{t("admin:list.empty")}</p>;
  return (
    <ul className="account-list">
      {list.accounts.map((a) => (
        <li key={a.id}>
          <h3 className="heading-s">
            <Link href={`/admin/accounts/${a.id}`}>
              <bdi>{a.displayName}</bdi>
            </Link>
          </h3>
          <p>
            {t("admin:list.email")}
            {t("common:colon")}
            <bdi>{a.email}</bdi>
          </p>
          <p>
            {t("admin:list.roles")}
            {t("common:colon")}
            <RoleNames roles={a.roles} />
          </p>
          <p>
            {t("admin:list.status")}
            {t("common:colon")}
            <StatusTag status={a.status} />
          </p>
        </li>
      ))}
    </ul>
  );
}

/** Previous and next page: links for the filtered list, buttons that post the search again for results. */
function Pager({ list, hrefFor, search }: { list: List; hrefFor: (page: number) => string; search: string | null }) {
  const { t } = useTranslation(["admin"]);
  if (list.pages <= 1) return null;
  const to = (page: number, label: string) =>
    search === null ? (
      <Link href={hrefFor(page)}>{label}</Link>
    ) : (
      <Form>
        <input type="hidden" name="search" value={search} />
        <input type="hidden" name="page" value={page} />
        <Button type="submit" variant="link">
          {label}
        </Button>
      </Form>
    );
  return (
    <nav aria-label={t("admin:pages.label")} className="pager">
      {list.page > 1 ? to(list.page - 1, t("admin:pages.previous")) : null}
      <p>{t("admin:pages.current", { page: list.page, pages: list.pages })}</p>
      {list.page < list.pages ? to(list.page + 1, t("admin:pages.next")) : null}
    </nav>
  );
}

export default function Accounts() {
  const { t } = useTranslation(["admin", "common"]);
  const { filters, list } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const { form, errorFor, summary, valueOf } = useServerForm("search-accounts", data?.result);
  const searched = data?.search && data.list ? { search: data.search, list: data.list } : null;
  const hrefFor = (page: number) => {
    const query = new URLSearchParams();
    if (filters.role) query.set("role", filters.role);
    if (filters.status) query.set("status", filters.status);
    if (page > 1) query.set("page", String(page));
    const text = query.toString();
    return text ? `/admin/accounts?${text}` : "/admin/accounts";
  };
  return (
    <>
      <ErrorSummary errors={summary} resultKey={data} />
      <h1 className="heading-xl">{t("admin:title")}</h1>
      <p>{t("admin:intro")}</p>
      <p>
        <Link href="/admin/accounts/new">{t("admin:invite.link")}</Link>
      </p>
      <p>
        <Link href="/admin/notifications">{t("auth:outbox.title")}</Link>
      </p>
      <p>
        <Link href="/admin/imports">{t("admin:imports.link")}</Link>
      </p>

      <section aria-labelledby="search-heading" className="section">
        <h2 className="heading-m" id="search-heading">
          {t("admin:search.title")}
        </h2>
        <Form id={form.id}>
          <TextField
            name="search"
            maxLength={200}
            label={t("admin:search.label")}
            hint={t("admin:search.hint")}
            autoComplete="off"
            spellCheck={false}
            defaultValue={searched?.search ?? valueOf("search")}
            error={errorFor("search")}
          />
          <Button type="submit" variant="secondary">
            {t("admin:search.submit")}
          </Button>
        </Form>
      </section>

      {searched ? (
        <section aria-labelledby="results-heading" className="section">
          <h2 className="heading-l" id="results-heading">
            {t("admin:search.results")}
          </h2>
          <p>{t("admin:list.count", { count: searched.list.total })}</p>
          <AccountList list={searched.list} />
          <Pager list={searched.list} hrefFor={hrefFor} search={searched.search} />
          <p>
            <Link href="/admin/accounts">{t("admin:search.clear")}</Link>
          </p>
        </section>
      ) : (
        <section aria-labelledby="accounts-heading" className="section">
          <h2 className="heading-l" id="accounts-heading">
            {t("admin:filter.title")}
          </h2>
          {/* Choosing a filter is a GET: nothing changes, and a role or status names no one. */}
          <RemixForm method="get" noValidate>
            <SelectField
              name="role"
              label={t("admin:filter.role")}
              placeholder={t("admin:filter.any")}
              options={accountRoles.map((r) => ({ value: r, label: t(`admin:role.${r}`) }))}
              defaultValue={filters.role ?? ""}
            />
            <SelectField
              name="status"
              label={t("admin:filter.status")}
              placeholder={t("admin:filter.any")}
              options={accountStatuses.map((s) => ({ value: s, label: t(`admin:status.${s}`) }))}
              defaultValue={filters.status ?? ""}
            />
            <Button type="submit" variant="secondary">
              {t("admin:filter.submit")}
            </Button>
          </RemixForm>
          <p>{t("admin:list.count", { count: list.total })}</p>
          <AccountList list={list} />
          <Pager list={list} hrefFor={hrefFor} search={null} />
        </section>
      )}
    </>
  );
}
