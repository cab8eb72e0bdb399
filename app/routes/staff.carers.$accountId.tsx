import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormattedDate, SummaryList, TheirWords } from "~/components/display/DisplayParts";
import { ErrorSummary } from "~/components/forms/ErrorSummary";
import { useServerForm } from "~/components/forms/use-server-form";
import { Button } from "~/components/ui/Button";
import { Form } from "~/components/ui/Form";
import { Link } from "~/components/ui/Link";
import { TextField } from "~/components/ui/TextField";
import { AlreadyLinkedError, getSignedUpCarer, linkCarer, markCarerNoteRead, searchCaseloadForCarer } from "~/models/carer-sign-up.server";
import type { RouteHandle } from "~/root";
import { isolate } from "~/utils/bidi";
import { getDb } from "~/utils/db.server";
import { requireFormData } from "~/web/csrf.server";
import { invalid, orNotFound, pathParam, requireRole } from "~/web/guards.server";
import { saved, saveOnce } from "~/web/saves.server";
import { carerLinkSchema } from "~/web/validation/carers.server";
import { parseWithZod } from "~/web/validation/parse.server";

export const handle: RouteHandle = { titleKey: "carers:queue.carerTitle" };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, t } = await requireRole(request, "staff");
  const accountId = pathParam(params, "accountId");
  const carer = await orNotFound(getSignedUpCarer(getDb(), actor, accountId));
  return json({ carer, pageTitle: t("carers:queue.carerTitle", { name: isolate(carer.displayName) }) });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor } = await requireRole(request, "staff");
  const accountId = pathParam(params, "accountId");
  const formData = await requireFormData(request);
  const back = `/staff/carers/${accountId}`;
  // The search is posted, so the name of the person looked for is never in an address or a log; it
  // changes nothing, and finds only people on this member of staff's caseload.
  if (formData.get("intent") === "search") {
    const query = String(formData.get("q") ?? "").slice(0, 100);
    return json({ search: { query, found: await searchCaseloadForCarer(getDb(), actor, query) } });
  }
  if (formData.get("intent") === "read") {
    const noteId = String(formData.get("noteId") ?? "");
    return saveOnce(request, formData, actor.accountId, async (tx) => {
      await orNotFound(markCarerNoteRead(tx, actor, accountId, noteId));
      return saved(back, "carers:queue.noteRead");
    });
  }
  const submission = parseWithZod(formData, { schema: carerLinkSchema });
  if (submission.status !== "success") return invalid({ result: submission.reply() });
  try {
    return await saveOnce(request, formData, actor.accountId, async (tx) => {
      await orNotFound(linkCarer(tx, actor, accountId, submission.value.serviceUserId));
      return saved(back, "carers:queue.linked");
    });
  } catch (error) {
    if (!(error instanceof AlreadyLinkedError)) throw error;
    return invalid({ result: submission.reply({ formErrors: ["carers:queue.already"] }) });
  }
}

/**
 * One carer who signed up on their own: what they told the team, who they are linked to, and a
 * search of the staff member's own caseload to link them to the person they look after. Linking
 * shares nothing: the person is asked on their sharing page.
 */
export default function SignedUpCarer() {
  const { t } = useTranslation(["carers", "common"]);
  const { carer } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const { summary } = useServerForm("link-carer", data && "result" in data ? data.result : null);
  const search = data && "search" in data ? (data.search as { query: string; found: { serviceUserId: string; displayName: string }[] }) : null;
  const found = search ? search.found : null;
  const name = isolate(carer.displayName);
  return (
    <div className="grid-two-thirds">
      <ErrorSummary errors={summary} resultKey={data} />
      <p>
        <Link href="/staff/carers">{t("carers:queue.back")}</Link>
      </p>
      <h1 className="heading-xl">{t("carers:queue.carerTitle", { name })}</h1>
      <SummaryList
        rows={[
          { key: "email", label: t("carers:signUp.email"), value: <bdi>{carer.email}</bdi> },
          { key: "since", label: t("carers:queue.signedUp"), value: <FormattedDate iso={carer.signedUpAt} /> },
        ]}
      />

      <section aria-labelledby="notes-heading" className="section">
        <h2 className="heading-l" id="notes-heading">
          {t("carers:queue.notes")}
        </h2>
        {carer.notes.length ? (
          <ul className="list">
            {carer.notes.map((n) => (
              <li key={n.id} className="message">
                <h3 className="heading-s">
                  {t("carers:queue.about", { name: isolate(n.personName) })}{t("common:comma")}<FormattedDate iso={n.sentAt} />
                  {n.readAt ? null : <strong className="tag"> {t("carers:team.new")}</strong>}
                </h3>
                <SummaryList
                  rows={[
                    { key: "born", label: t("carers:note.birthDate"), value: n.personBirthDate ? <FormattedDate iso={n.personBirthDate} /> : t("carers:assessment.notGiven") },
                    { key: "details", label: t("carers:note.details"), value: n.personDetails ? <TheirWords text={n.personDetails} /> : t("carers:assessment.notGiven") },
                  ]}
                />
                <TheirWords text={n.body} />
                {n.readAt ? (
                  <p className="hint">
                    {t("carers:team.readOn")} <FormattedDate iso={n.readAt} />
                  </p>
                ) : (
                  <Form>
                    <input type="hidden" name="intent" value="read" />
                    <input type="hidden" name="noteId" value={n.id} />
                    <Button type="submit" variant="secondary">
                      {t("carers:team.markRead")}
                    </Button>
                  </Form>
                )}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t("carers:queue.noNotes")}</p>
        )}
      </section>

      <section aria-labelledby="linked-heading" className="section">
        <h2 className="heading-l" id="linked-heading">
          {t("carers:queue.linkedTitle")}
        </h2>
        {carer.linkedTo.length ? (
          <ul className="list list--bullet">
            {carer.linkedTo.map((p) => (
              <li key={p.serviceUserId}>
                <Link href={`/people/${p.serviceUserId}/carers`}>
                  <bdi>{p.displayName}</bdi>
                </Link>
                {t("common:colon")}
                {t(`carers:queue.answer.${p.answer ?? "waiting"}`)}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t("carers:queue.notLinked")}</p>
        )}
      </section>

      <section aria-labelledby="link-heading" className="section">
        <h2 className="heading-l" id="link-heading">
          {t("carers:queue.linkTitle", { name })}
        </h2>
        <p>{t("carers:queue.linkIntro", { name })}</p>
        <Form>
          <input type="hidden" name="intent" value="search" />
          <TextField name="q" maxLength={100} label={t("carers:queue.search")} hint={t("carers:queue.searchHint")} autoComplete="off" defaultValue={search?.query ?? ""} />
          <Button type="submit" variant="secondary">
            {t("carers:queue.searchButton")}
          </Button>
        </Form>
        {found === null ? null : found.length ? (
          <ul className="list">
            {found.map((p) => (
              <li key={p.serviceUserId}>
                <Form>
                  <input type="hidden" name="serviceUserId" value={p.serviceUserId} />
                  <Button type="submit">{t("carers:queue.linkButton", { carer: name, person: isolate(p.displayName) })}</Button>
                </Form>
              </li>
            ))}
          </ul>
        ) : (
          <p role="status">{t("carers:queue.noneFound")}</p>
        )}
      </section>
    </div>
  );
}
