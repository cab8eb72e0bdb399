import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { parseWithZod } from "~/web/validation/parse.server";
import { useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { BaseVersionField, conflictIn, ConflictNotice } from "~/components/forms/ConflictNotice";
import { FormPage } from "~/components/forms/FormPage";
import { useServerForm } from "~/components/forms/use-server-form";
import { EnteredByNote, FormattedDate, SummaryList, TheirWords } from "~/components/display/DisplayParts";
import { AppointmentTime, formatName, StatusTag, useAdvocateRows, useInterpreterRows, useStatusLabel } from "~/components/requests/RequestParts";
import { useNeedsInOneLine } from "~/components/communication/CommunicationFlag";
import type { AdvocateDetails, AppointmentChangeDetails, FormatDetails, InterpreterDetails, ShareNeedsDetails } from "~/models/requests.server";
import { Button } from "~/components/ui/Button";
import { Link } from "~/components/ui/Link";
import { Form } from "~/components/ui/Form";
import { RadioGroup } from "~/components/ui/RadioGroup";
import { TextArea } from "~/components/ui/TextArea";
import { can } from "~/models/access.server";
import { cancelRequest, canCancel, getRequest, InvalidTransitionError, updateRequestStatus, type StatusChange } from "~/models/requests.server";
import { isolate } from "~/utils/bidi";
import { requireFormData } from "~/web/csrf.server";
import { baseVersionFrom, conflictReply } from "~/web/forms.server";
import { getDb } from "~/utils/db.server";
import { invalid, orNotFound, pathParam, requireRecord } from "~/web/guards.server";
import { requestStatusSchema } from "~/web/validation/requests.server";
import { useReaderT } from "~/utils/use-reader";
import { saved, saveOnce } from "~/web/saves.server";
import { restoreDraft } from "~/web/drafts.server";
import { draftBaseVersion } from "~/components/forms/DraftRestoredNotice";

const detailTitles = {
  interpreter: "requests:detailTitle",
  advocate: "requests:advocate.detailTitle",
  format: "requests:format.detailTitle",
  share_needs: "requests:shareNeeds.detailTitle",
  appointment_change: "requests:appointmentChange.detailTitle",
} as const;

const sentBodies = {
  format: "requests:format.sentBody",
  share_needs: "requests:shareNeeds.sentBody",
  appointment_change: "requests:appointmentChange.sentBody",
} as const;

const noteHints = {
  interpreter: "requests:noteHint",
  advocate: "requests:advocate.noteHint",
  format: "requests:format.noteHint",
  share_needs: "requests:shareNeeds.noteHint",
  appointment_change: "requests:appointmentChange.noteHint",
} as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, serviceUserId, t } = await requireRecord(request, params, "requests.read");
  const req = await orNotFound(getRequest(getDb(), actor, serviceUserId, pathParam(params, "requestId")));
  return json({
    serviceUserId,
    request: req,
    canManage: can(actor, "requests.manage", { serviceUserId }),
    // Only the status form keeps what was typed: cancelling is one button.
    draft: can(actor, "requests.manage", { serviceUserId }) ? await restoreDraft(request, actor.accountId) : null,
    canCancel: can(actor, "requests.create", { serviceUserId }) && canCancel(req),
    pageTitle: t(detailTitles[req.kind]),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, serviceUserId } = await requireRecord(request, params, "requests.read");
  const formData = await requireFormData(request);
  const requestId = pathParam(params, "requestId");
  if (formData.get("intent") === "cancel") {
    try {
      return await saveOnce(request, formData, actor.accountId, async (tx) => {
        await orNotFound(cancelRequest(tx, actor, serviceUserId, requestId));
        return saved(`/people/${serviceUserId}/requests/${requestId}`, "saved");
      });
    } catch (error) {
      if (error instanceof InvalidTransitionError) return invalid({ status: "error" as const, error: { "": [cannotMessage(error)] } });
      throw error;
    }
  }
  const submission = parseWithZod(formData, { schema: requestStatusSchema });
  if (submission.status !== "success") return invalid(submission.reply());
  try {
    return await saveOnce(request, formData, actor.accountId, async (tx) => {
      await orNotFound(updateRequestStatus(tx, actor, serviceUserId, requestId, { ...submission.value, baseVersion: baseVersionFrom(formData) }));
      return saved(`/people/${serviceUserId}/requests/${requestId}`, "saved");
    });
  } catch (error) {
    // Cancelled (or moved where this cannot follow) meanwhile: a plain message, what was typed kept.
    if (error instanceof InvalidTransitionError) return invalid(submission.reply({ formErrors: [cannotMessage(error)] }));
    return conflictReply<StatusChange>(submission, error);
  }
}

/** Why a request cannot move: it was cancelled, or it cannot go that way from where it is. */
function cannotMessage(error: InvalidTransitionError): string {
  return error.current === "cancelled" ? "validation:requestStatus.cancelled" : "validation:requestStatus.cannot";
}

/** One request: what was asked, every change with who and when, and what can be done next. */
export default function RequestDetail() {
  const { t } = useTranslation(["requests", "communication", "common"]);
  const { serviceUserId, request, canManage, canCancel: cancellable, pageTitle, draft: kept } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const draft = lastResult ? null : kept;
  const conflict = conflictIn<StatusChange>(lastResult);
  const [params] = useSearchParams();
  const { form, errorFor, summary, valueOf } = useServerForm("request-status", (lastResult ?? draft) as never);
  const statusLabel = useStatusLabel();
  return (
    <FormPage back={{ href: `/people/${serviceUserId}/requests`, label: t("requests:back") }} title={pageTitle} errors={summary} resultKey={lastResult} draft={draft}>
      {params.get("sent") && !lastResult ? (
        request.kind === "advocate" ? (
          <div className="panel" role="status">
            <p className="heading-m">{t("requests:sentTitle")}</p>
            <p>{t("requests:advocate.sentBody")}</p>
            <p className="heading-s">{t("requests:advocate.nextTitle")}</p>
            <ol className="list list--number">
              <li>{t("requests:advocate.next1")}</li>
              <li>{t("requests:advocate.next2")}</li>
              <li>{t("requests:advocate.next3")}</li>
            </ol>
          </div>
        ) : (
          <div className="panel" role="status">
            <p className="heading-m">{t("requests:sentTitle")}</p>
            <p>{request.kind === "interpreter" ? t("requests:sentBody") : t(sentBodies[request.kind])}</p>
          </div>
        )
      ) : null}
      <p>
        <StatusTag status={request.status} kind={request.kind} />
      </p>
      {request.kind === "advocate" ? (
        <AdvocateAnswers request={request} />
      ) : request.kind === "format" ? (
        <FormatAnswers request={request} />
      ) : request.kind === "share_needs" ? (
        <ShareNeedsAnswers request={request} />
      ) : request.kind === "appointment_change" ? (
        <AppointmentChangeAnswers request={request} serviceUserId={serviceUserId} canManage={canManage} />
      ) : (
        <InterpreterAnswers request={request} />
      )}
      <EnteredByNote enteredBy={request.enteredBy} forName={request.displayName} />
      <h2 className="heading-l">{t("requests:history")}</h2>
      <ol className="list">
        {request.events.map((e, i) => (
          <li key={i}>
            <p>
              <FormattedDate iso={e.at} />
              {t("common:colon")}
              <strong>{statusLabel(request.kind, e.status)}</strong>
              {e.by ? <> ({t("requests:by", { name: isolate(e.by) })})</> : null}
            </p>
            {e.note ? <TheirWords text={e.note} /> : null}
          </li>
        ))}
      </ol>
      {cancellable ? (
        <Form>
          <input type="hidden" name="intent" value="cancel" />
          <p>{request.kind === "interpreter" ? t("requests:cancelHint") : t("requests:cancelHintOpen")}</p>
          <Button type="submit" variant="warning">
            {t("requests:cancel")}
          </Button>
        </Form>
      ) : null}
      {canManage && request.status !== "cancelled" ? (
        <>
          <h2 className="heading-l">{t("requests:updateTitle")}</h2>
          {conflict ? (
            <ConflictNotice conflict={conflict}>
              <SummaryList
                rows={[
                  { key: "status", label: t("requests:statusRow"), value: statusLabel(request.kind, conflict.value.status) },
                  { key: "note", label: t("requests:note"), value: conflict.value.note ? <span className="their-words">{conflict.value.note}</span> : t("common:conflict.empty") },
                ]}
              />
            </ConflictNotice>
          ) : null}
          <Form id={form.id} keepsDraft>
            <BaseVersionField version={conflict?.version ?? draftBaseVersion(draft) ?? request.version} />
            <RadioGroup
              name="status"
              label={t("requests:updateStatus")}
              defaultValue={valueOf("status")}
              error={errorFor("status")}
              choices={(["seen", "booked", "not_arranged"] as const).map((s) => ({
                value: s,
                label: statusLabel(request.kind, s),
              }))}
            />
            <TextArea name="note" maxLength={2000} label={t("requests:note")} hint={t(noteHints[request.kind])} optional rows={4} defaultValue={valueOf("note")} error={errorFor("note")} />
            <Button type="submit">{t("requests:save")}</Button>
          </Form>
        </>
      ) : null}
    </FormPage>
  );
}

type Shown<D> = { details: D; appointmentAt: string | null; createdBy: string | null };

function InterpreterAnswers({ request }: { request: Shown<InterpreterDetails> }) {
  const { t } = useTranslation(["requests"]);
  const rows = useInterpreterRows();
  return <SummaryList rows={[...rows(request.details, request.appointmentAt), { key: "by", label: t("requests:askedBy"), value: <bdi>{request.createdBy ?? ""}</bdi> }]} />;
}

/** An advocate request as it was sent: the same rows as the check page. */
export function AdvocateAnswers({ request }: { request: Shown<AdvocateDetails> }) {
  const { t } = useTranslation(["requests"]);
  const rows = useAdvocateRows();
  return (
    <SummaryList rows={[...rows(request.details), { key: "by", label: t("requests:askedBy"), value: <bdi>{request.createdBy ?? ""}</bdi> }]} />
  );
}

function FormatAnswers({ request }: { request: Shown<FormatDetails> }) {
  const { t } = useTranslation(["requests", "communication", "common"]);
  const { tw } = useReaderT();
  const d = request.details;
  return (
    <SummaryList
      rows={[
        { key: "document", label: t("requests:format.document"), value: t(`requests:format.documents.${d.document}`) },
        {
          key: "format",
          label: t("requests:format.format"),
          value: d.format === "attachment" && d.attachmentFormat ? <>{t("communication:format.attachment")}{t("common:colon")}<bdi>{d.attachmentFormat}</bdi></> : formatName(t, d),
        },
        { key: "delivery", label: tw("requests:format.delivery"), value: tw(`requests:format.deliveries.${d.delivery}`) },
        { key: "by", label: t("requests:askedBy"), value: <bdi>{request.createdBy ?? ""}</bdi> },
      ]}
    />
  );
}

function ShareNeedsAnswers({ request }: { request: Shown<ShareNeedsDetails> }) {
  const { t } = useTranslation(["requests"]);
  const oneLine = useNeedsInOneLine();
  const { own } = useReaderT();
  const n = request.details.needs;
  return (
    <SummaryList
      rows={[
        { key: "needs", label: t("requests:shareNeeds.needs"), value: oneLine({ ...n, other: n.other ? "yes" : "" }, own) || t("requests:shareNeeds.noneRecorded") },
        { key: "by", label: t("requests:askedBy"), value: <bdi>{request.createdBy ?? ""}</bdi> },
      ]}
    />
  );
}

/** Asking to change or cancel an appointment: which one, what was asked and why; staff go to it from here. */
function AppointmentChangeAnswers({ request, serviceUserId, canManage }: { request: Shown<AppointmentChangeDetails>; serviceUserId: string; canManage: boolean }) {
  const { t } = useTranslation(["requests", "appointments"]);
  const d = request.details;
  return (
    <>
      <SummaryList
        rows={[
          { key: "ask", label: t("requests:appointmentChange.ask"), value: t(`requests:appointmentChange.asks.${d.ask}`) },
          {
            key: "appointment",
            label: t("requests:appointmentChange.appointment"),
            value: (
              <>
                {t(`appointments:kind.${d.kind}`)}
                {t("common:comma")}
                {request.appointmentAt ? (
                  <>
                    <AppointmentTime iso={request.appointmentAt} />
                    {t("common:comma")}
                  </>
                ) : null}
                {t(`appointments:mode.${d.mode}`)}
              </>
            ),
          },
          { key: "with", label: t("appointments:withWhom"), value: <bdi>{d.withWhom}</bdi> },
          { key: "reason", label: t("requests:appointmentChange.reason"), value: d.reason ? <TheirWords text={d.reason} /> : t("requests:notGiven") },
          { key: "by", label: t("requests:askedBy"), value: <bdi>{request.createdBy ?? ""}</bdi> },
        ]}
      />
      {canManage ? (
        <p>
          <Link href={`/people/${serviceUserId}/appointments/${d.appointmentId}`}>{t("requests:appointmentChange.open")}</Link>
        </p>
      ) : null}
    </>
  );
}
