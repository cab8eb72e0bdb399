import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { parseWithZod } from "~/web/validation/parse.server";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SharingFields } from "~/components/carers/SharingFields";
import { datePartsOf } from "~/components/forms/DateInput";
import { BaseVersionField, conflictIn, ConflictNotice } from "~/components/forms/ConflictNotice";
import { FormPage } from "~/components/forms/FormPage";
import { useServerForm } from "~/components/forms/use-server-form";
import { Button } from "~/components/ui/Button";
import { Form } from "~/components/ui/Form";
import { FormattedDate, SummaryList } from "~/components/display/DisplayParts";
import { RadioGroup } from "~/components/ui/RadioGroup";
import { getSupporter, setActingOnBehalf, setSharing, type SharingState } from "~/models/sharing.server";
import { shareableScopes, type ShareableScope } from "~/models/vocabulary/relationships";
import { isolate } from "~/utils/bidi";
import { requireFormData } from "~/web/csrf.server";
import { baseVersionFrom, conflictReply } from "~/web/forms.server";
import { getDb } from "~/utils/db.server";
import { invalid, orNotFound, pathParam, requireRecord } from "~/web/guards.server";
import { actingConsentSchema, sharingSchema, stopSharingSchema } from "~/web/validation/sharing.server";
import { saved, saveOnce } from "~/web/saves.server";
import { restoreDraft } from "~/web/drafts.server";
import { draftBaseVersion } from "~/components/forms/DraftRestoredNotice";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, serviceUserId, t } = await requireRecord(request, params, "sharing.manage");
  const supporter = await orNotFound(getSupporter(getDb(), actor, serviceUserId, pathParam(params, "relationshipId")));
  const shared = supporter.grants.filter((g) => (shareableScopes as readonly string[]).includes(g.scope));
  const endsAt = shared.find((g) => g.endsAt)?.endsAt ?? null;
  return json({
    serviceUserId,
    name: supporter.name,
    kind: supporter.kind,
    current: shared.map((g) => g.scope as ShareableScope),
    // Advocates and attorneys can also be allowed to fill in forms; carers never are.
    canAct: supporter.kind !== "carer_of",
    acting: supporter.grants.some((g) => g.scope === "act_on_behalf" && g.basis === "consent"),
    recordedByTeam: supporter.grants
      .filter((g) => g.scope === "act_on_behalf" && g.basis !== "consent")
      .map((g) => ({ note: g.basisNote ?? "", endsAt: g.endsAt, by: g.grantedBy })),
    endsOn: endsAt ? endsAt.slice(0, 10) : null,
    version: supporter.sharingVersion,
    draft: await restoreDraft(request, actor.accountId),
    pageTitle: t("carers:change.title", { name: isolate(supporter.name) }),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, serviceUserId } = await requireRecord(request, params, "sharing.manage");
  const formData = await requireFormData(request);
  const relationshipId = pathParam(params, "relationshipId");
  const back = `/people/${serviceUserId}/sharing#supporter-${relationshipId}`;
  if (formData.get("intent") === "stop") {
    const submission = parseWithZod(formData, { schema: stopSharingSchema });
    const supporter = await orNotFound(getSupporter(getDb(), actor, serviceUserId, relationshipId));
    try {
      return await saveOnce(request, formData, actor.accountId, async (tx) => {
        // Checked once, against the version the page showed: if someone changed what is shared since,
        // nothing stops and the page shows what is shared now. The lock is then held to the end.
        await setSharing(tx, actor, serviceUserId, relationshipId, { scopes: [], endsOn: null, baseVersion: baseVersionFrom(formData) });
        if (supporter.kind !== "carer_of") await setActingOnBehalf(tx, actor, serviceUserId, relationshipId, false);
        return saved(back, "sharingSaved");
      });
    } catch (error) {
      return conflictReply<SharingState>(submission, error);
    }
  }
  if (formData.get("intent") === "act") {
    const submission = parseWithZod(formData, { schema: actingConsentSchema });
    if (submission.status !== "success") return invalid(submission.reply());
    try {
      return await saveOnce(request, formData, actor.accountId, async (tx) => {
        await orNotFound(setActingOnBehalf(tx, actor, serviceUserId, relationshipId, submission.value.act === "yes", { baseVersion: baseVersionFrom(formData) }));
        return saved(back, "sharingSaved");
      });
    } catch (error) {
      return conflictReply<SharingState>(submission, error);
    }
  }
  const submission = parseWithZod(formData, { schema: sharingSchema });
  if (submission.status !== "success") return invalid(submission.reply());
  try {
    return await saveOnce(request, formData, actor.accountId, async (tx) => {
      await orNotFound(setSharing(tx, actor, serviceUserId, relationshipId, { ...submission.value, baseVersion: baseVersionFrom(formData) }));
      return saved(back, "sharingSaved");
    });
  } catch (error) {
    // Someone else (the person in another tab, or staff) changed this since the page was opened.
    return conflictReply<SharingState>(submission, error);
  }
}


/** Choose exactly what one person can see, or stop sharing with them in one step (CR-13). */
export default function ChangeSharing() {
  const { t } = useTranslation(["carers", "common"]);
  const { serviceUserId, name, current, endsOn, pageTitle, canAct, acting, recordedByTeam, version, draft: kept } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const conflict = conflictIn<SharingState>(lastResult);
  // What was typed before the session ended, if any: it goes back into the form it came from.
  const draft = lastResult ? null : kept;
  // Each form keeps what was typed in it; the other shows what is saved.
  const intent = ((lastResult ?? draft)?.initialValue as Record<string, unknown> | null | undefined)?.intent;
  const forAct = intent === "act";
  const sharingResult = forAct || intent === "stop" ? undefined : (lastResult ?? draft);
  const { form, errorFor, summary, valuesOf, partOf } = useServerForm("sharing", forAct ? lastResult : (lastResult ?? draft));
  const actForm = useServerForm("acting", forAct ? (lastResult ?? draft) : undefined);
  const endDate = sharingResult
    ? { day: partOf("endsOn", "day"), month: partOf("endsOn", "month"), year: partOf("endsOn", "year") }
    : datePartsOf(endsOn);
  const baseVersion = conflict?.version ?? draftBaseVersion(draft) ?? version;
  return (
    <FormPage back={{ href: `/people/${serviceUserId}/sharing`, label: t("carers:sharing.back") }} title={pageTitle} errors={summary} resultKey={lastResult} draft={draft}>
      <p>{t("carers:change.intro")}</p>
      {conflict ? (
        <ConflictNotice conflict={conflict}>
          <SharingNow state={conflict.value} name={name} canAct={canAct} />
        </ConflictNotice>
      ) : null}
      <Form id={form.id} keepsDraft>
        <BaseVersionField version={baseVersion} />
        <SharingFields
          label={t("carers:change.what", { name: isolate(name) })}
          scopes={sharingResult ? (valuesOf("scopes") ?? []) : current}
          endsOn={endDate}
          errorFor={errorFor}
        />
        <Button type="submit">{t("carers:change.save")}</Button>
      </Form>
      {canAct ? (
        <section aria-labelledby="act-heading" className="section">
          <h2 className="heading-m" id="act-heading">
            {t("carers:acting.title")}
          </h2>
          <p>{t("carers:acting.explain", { name: isolate(name) })}</p>
          {recordedByTeam.map((r, i) => (
            <div className="inset" key={i}>
              <p>
                {t("carers:acting.teamRecorded", { name: isolate(name), decision: isolate(r.note) })}{" "}
                {r.endsAt ? (
                  <>
                    {t("carers:sharing.until")} <FormattedDate iso={r.endsAt} />
                    {t("common:fullStop")}
                  </>
                ) : null}
              </p>
              <p>{t("carers:acting.teamRecordedTalk")}</p>
            </div>
          ))}
          <Form id={actForm.form.id} keepsDraft>
            <input type="hidden" name="intent" value="act" />
            <BaseVersionField version={baseVersion} />
            <RadioGroup
              name="act"
              label={t("carers:acting.question", { name: isolate(name) })}
              defaultValue={actForm.valueOf("act") ?? (acting ? "yes" : "no")}
              error={actForm.errorFor("act")}
              choices={[
                { value: "yes", label: t("carers:acting.yes", { name: isolate(name) }) },
                { value: "no", label: t("carers:acting.no") },
              ]}
            />
            <Button type="submit">{t("carers:acting.saveChoice")}</Button>
          </Form>
        </section>
      ) : null}
      {current.length ? (
        <section aria-labelledby="stop-heading" className="section">
          <h2 className="heading-m" id="stop-heading">
            {t("carers:change.stopTitle")}
          </h2>
          <p>{t("carers:change.stopBody", { name: isolate(name) })}</p>
          <Form>
            <input type="hidden" name="intent" value="stop" />
            <BaseVersionField version={baseVersion} />
            <Button type="submit" variant="warning">
              {t("carers:change.stop", { name: isolate(name) })}
            </Button>
          </Form>
        </section>
      ) : null}
    </FormPage>
  );
}

/** What a supporter can see and do as saved now: shown after someone else changed it. */
function SharingNow({ state, name, canAct }: { state: SharingState; name: string; canAct: boolean }) {
  const { t } = useTranslation(["carers", "common"]);
  return (
    <SummaryList
      rows={[
        {
          key: "scopes",
          label: t("carers:change.what", { name: isolate(name) }),
          value: state.scopes.length ? (
            <ul className="list">
              {state.scopes.map((s) => (
                <li key={s}>{t(`carers:scope.${s}`)}</li>
              ))}
            </ul>
          ) : (
            t("carers:sharing.nothing", { name: isolate(name) })
          ),
        },
        ...(state.scopes.length && state.endsOn
          ? [{ key: "ends", label: t("carers:change.endsOn"), value: <FormattedDate iso={state.endsOn} /> }]
          : []),
        ...(canAct ? [{ key: "acting", label: t("carers:acting.question", { name: isolate(name) }), value: state.acting ? t("carers:acting.yes", { name: isolate(name) }) : t("carers:acting.no") }] : []),
      ]}
    />
  );
}
