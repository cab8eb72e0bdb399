import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { TheirWords } from "~/components/display/DisplayParts";
import { useRequestSummary } from "~/components/requests/RequestParts";
import { Button } from "~/components/ui/Button";
import { Form } from "~/components/ui/Form";
import { Link } from "~/components/ui/Link";
import { attentionKinds, DONE_RECENTLY_DAYS, listAttention, markAttentionDone, type AttentionItem, type AttentionKind } from "~/models/attention.server";
import type { RouteHandle } from "~/root";
import { isolate } from "~/utils/bidi";
import { requireFormData } from "~/web/csrf.server";
import { getDb } from "~/utils/db.server";
import { orNotFound, recordName, requireRole } from "~/web/guards.server";
import { isUuid } from "~/utils/ids";
import { useFormat } from "~/utils/use-format";

export const handle: RouteHandle = { titleKey: "attention:title" };

export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requireRole(request, "staff");
  const { open, done } = await listAttention(getDb(), actor, new Date(), { recordRead: true });
  // From a caseload row: only what is about that person (someone whose care team this is, or a 404).
  const person = new URL(request.url).searchParams.get("person");
  if (person) {
    const displayName = await recordName(actor, person, "attention.manage");
    const about = (i: AttentionItem) => i.serviceUserId === person;
    return json({ open: open.filter(about), done: done.filter(about), days: DONE_RECENTLY_DAYS, person: { id: person, displayName } });
  }
  return json({ open, done, days: DONE_RECENTLY_DAYS, person: null });
}

const isKind = (value: unknown): value is AttentionKind => attentionKinds.includes(value as AttentionKind);

/** Mark one item done. Only someone on the person's care team may (the model asks the access module). */
export async function action({ request }: ActionFunctionArgs) {
  const { actor } = await requireRole(request, "staff");
  const formData = await requireFormData(request);
  const kind = formData.get("kind");
  const recordId = String(formData.get("recordId") ?? "");
  if (!isKind(kind)) throw new Response("Not found", { status: 404 });
  await orNotFound(markAttentionDone(getDb(), actor, kind, recordId));
  const person = String(formData.get("person") ?? "");
  return redirect(`/staff/attention?done=1${isUuid(person) ? `&person=${person}` : ""}`);
}

/** Where each item is dealt with. */
function hrefFor(item: AttentionItem): string {
  const person = `/people/${item.serviceUserId}`;
  switch (item.kind) {
    case "carer_message":
      return `${person}/carers#messages-heading`;
    case "carer_assessment":
      return `${person}/carers/${item.recordId}`;
    case "support_request":
      return `${person}/requests/${item.recordId}`;
    case "plan_comment":
      return `${person}/plan/versions/${item.planVersion}`;
    case "review_due":
      return `${person}/reviews/new`;
  }
}

/** What the item is, in one line: the link text. */
function useItemTitle() {
  const { t } = useTranslation(["attention"]);
  const { date, number } = useFormat();
  const summary = useRequestSummary();
  return (item: AttentionItem) => {
    const person = isolate(item.displayName);
    const from = isolate(item.from ?? t("attention:someone"));
    switch (item.kind) {
      case "carer_message":
        return t("attention:item.carer_message", { from, person });
      case "carer_assessment":
        return t("attention:item.carer_assessment", { from, person });
      case "support_request":
        return t("attention:item.support_request", { person, what: summary({ kind: item.requestKind ?? "", details: item.requestDetails ?? {} }) });
      case "plan_comment":
        return t(`attention:item.plan_comment.${item.agreement ?? "agree"}`, { person, version: number(item.planVersion ?? 0) });
      case "review_due":
        return t(item.overdue ? "attention:item.review_overdue" : "attention:item.review_due", { person, date: date(item.reviewOn ?? item.since) });
    }
  };
}

/** When it arrived and who sent it, or who dealt with it and when. */
function useItemWhen() {
  const { t } = useTranslation(["attention"]);
  const { date } = useFormat();
  return (item: AttentionItem) => {
    if (item.done) {
      const key = `attention:${item.done.how === "marked" ? "doneBy" : "movedOnBy"}${item.done.by ? "" : "Someone"}`;
      return t(key, { name: isolate(item.done.by ?? ""), date: date(item.done.at) });
    }
    if (item.kind === "review_due") return null;
    return t(`attention:since.${item.kind}`, { from: isolate(item.from ?? t("attention:someone")), date: date(item.since) });
  };
}

function Item({ item, open, person }: { item: AttentionItem; open: boolean; person: string | null }) {
  const { t } = useTranslation(["attention", "common"]);
  const title = useItemTitle()(item);
  const when = useItemWhen()(item);
  return (
    <li className="attention-item">
      <h3 className="heading-s">
        <Link href={hrefFor(item)}>{title}</Link>
        {item.overdue && open ? <strong className="tag tag--overdue"> {t("attention:overdue")}</strong> : null}
      </h3>
      {when ? <p className={open ? undefined : "hint"}>{when}</p> : null}
      {item.words && open ? <TheirWords text={item.words} /> : null}
      {open ? (
        <Form>
          <input type="hidden" name="kind" value={item.kind} />
          <input type="hidden" name="recordId" value={item.recordId} />
          {person ? <input type="hidden" name="person" value={person} /> : null}
          {/* The name starts with the words on the button (label in name) and says which item it is. */}
          <Button type="submit" variant="secondary" aria-label={`${t("attention:markDone")}${t("common:colon")}${title}`}>
            {t("attention:markDone")}
          </Button>
        </Form>
      ) : null}
    </li>
  );
}

/** Everything waiting for the care team across this member of staff's caseload, oldest first. */
export default function Attention() {
  const { t } = useTranslation(["attention", "requests"]);
  const { open, done, days: dayCount, person } = useLoaderData<typeof loader>();
  const { number } = useFormat();
  const days = number(dayCount);
  const [params] = useSearchParams();
  return (
    <>
      <p>
        <Link href="/staff">{t("requests:backToCaseload")}</Link>
      </p>
      {params.get("done") ? (
        <div className="notification" role="status">
          <p>{t("attention:saved", { days })}</p>
        </div>
      ) : null}
      <h1 className="heading-xl">{t("attention:title")}</h1>
      <p className="lead">{t("attention:intro")}</p>
      {person ? (
        <p>
          {t("attention:onlyFor", { person: isolate(person.displayName) })} <Link href="/staff/attention">{t("attention:showAll")}</Link>
        </p>
      ) : null}
      <section aria-labelledby="open-heading" className="section">
        <h2 className="heading-l" id="open-heading">
          {t("attention:waiting", { count: open.length })}
        </h2>
        {open.length ? (
          <ol className="list attention-list">
            {open.map((item) => (
              <Item key={`${item.kind}:${item.recordId}`} item={item} open person={person?.id ?? null} />
            ))}
          </ol>
        ) : (
          <p>{t("attention:none")}</p>
        )}
      </section>
      <section aria-labelledby="done-heading" className="section">
        <h2 className="heading-l" id="done-heading">
          {t("attention:doneTitle", { days })}
        </h2>
        {done.length ? (
          <ol className="list attention-list">
            {done.map((item) => (
              <Item key={`${item.kind}:${item.recordId}`} item={item} open={false} person={null} />
            ))}
          </ol>
        ) : (
          <p>{t("attention:doneNone", { days })}</p>
        )}
      </section>
    </>
  );
}
