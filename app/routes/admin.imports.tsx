import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormattedDate } from "~/components/display/DisplayParts";
import { Link } from "~/components/ui/Link";
import { config } from "~/config.server";
import { listImports, type ImportRow } from "~/models/record-system-imports.server";
import { importProblemCodes, IMPORTS_SHOWN } from "~/models/vocabulary/record-system-imports";
import type { RouteHandle } from "~/root";
import { getDb } from "~/utils/db.server";
import { requireRole } from "~/web/guards.server";

export const handle: RouteHandle = { titleKey: "admin:imports.title" };

/** What the trust's record system sent lately (decision 064): counts and problems, never a name. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requireRole(request, "admin");
  return json({ imports: await listImports(getDb(), actor), configured: config().fhirImport !== null });
}

/** A problem code the page has words for; any other reads as "something is not right". */
const known = (code: string) => ((importProblemCodes as readonly string[]).includes(code) ? code : "invalid");

const countKeys = ["people", "peopleAdded", "planVersions", "careTeams", "appointments", "leftAlone"] as const;

function Details({ row }: { row: ImportRow }) {
  const { t } = useTranslation(["admin"]);
  if (row.problems.length) {
    return (
      <ul className="list">
        {row.problems.map((p, i) => (
          <li key={i}>
            {t(`admin:imports.problem.${known(p.code)}`)}
            {p.expression ? (
              <>
                {" "}
                <code dir="ltr">{p.expression}</code>
              </>
            ) : null}
          </li>
        ))}
      </ul>
    );
  }
  const counts = countKeys.filter((k) => row[k] > 0);
  if (!counts.length) return <>{t("admin:imports.nothing")}</>;
  return (
    <ul className="list">
      {counts.map((k) => (
        <li key={k}>
          {t(`admin:imports.count.${k}`)} {row[k]}
        </li>
      ))}
    </ul>
  );
}

export default function AdminImports() {
  const { t } = useTranslation(["admin"]);
  const { imports, configured } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="heading-xl">{t("admin:imports.title")}</h1>
      <p className="lead">{t("admin:imports.intro", { shown: IMPORTS_SHOWN })}</p>
      <p>{t("admin:imports.noNames")}</p>
      {configured ? null : <p className="inset">{t("admin:imports.notSetUp")}</p>}
      {imports.length ? (
        <table className="table">
          <caption className="visually-hidden">{t("admin:imports.title")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("admin:imports.when")}</th>
              <th scope="col">{t("admin:imports.via")}</th>
              <th scope="col">{t("admin:imports.result")}</th>
              <th scope="col">{t("admin:imports.details")}</th>
            </tr>
          </thead>
          <tbody>
            {imports.map((row) => (
              <tr key={row.id}>
                <td>
                  <FormattedDate iso={row.at} />
                </td>
                <td>{t(`admin:imports.door.${row.via}`)}</td>
                <td>{t(`admin:imports.outcome.${row.outcome}`)}</td>
                <td>
                  <Details row={row} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>{t("admin:imports.none")}</p>
      )}
      <p>
        <Link href="/admin/accounts">{t("admin:imports.back")}</Link>
      </p>
    </>
  );
}
