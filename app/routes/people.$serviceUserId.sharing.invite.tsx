import { parseWithZod } from "~/web/validation/parse.server";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { publicLink } from "~/config.server";
import { SharingFields } from "~/components/carers/SharingFields";
import { ChangeOrSend } from "~/components/forms/CheckAnswers";
import { FormPage } from "~/components/forms/FormPage";
import { InvitationCreated, InviteeFields } from "~/components/forms/InvitationParts";
import { useServerForm } from "~/components/forms/use-server-form";
import { FormattedDate, SummaryList } from "~/components/display/DisplayParts";
import { Button } from "~/components/ui/Button";
import { Form } from "~/components/ui/Form";
import { createInvitation, INVITATION_DAYS, InvitingYourselfError } from "~/models/invitation.server";
import { requireFormData } from "~/web/csrf.server";
import { getDb } from "~/utils/db.server";
import { invalid, orNotFound, requireRecord } from "~/web/guards.server";
import { inviteCarerSchema } from "~/web/validation/sharing.server";
import { restoreDraft } from "~/web/drafts.server";
import { draftAsResult } from "~/components/forms/DraftRestoredNotice";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, serviceUserId, t } = await requireRecord(request, params, "sharing.manage");
  return json({ serviceUserId, draft: await restoreDraft(request, actor.accountId), pageTitle: t("carers:invite.title") });
}

/**
 * Three steps on one address, all server-rendered: the details, "check before you send" (the
 * answers travel in hidden fields), then the link to give the carer. Nothing is sent until the last.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, serviceUserId, t } = await requireRecord(request, params, "sharing.manage");
  const formData = await requireFormData(request);
  const intent = formData.get("intent");
  const submission = parseWithZod(formData, { schema: inviteCarerSchema });
  if (intent === "edit") return json({ step: "details" as const, result: submission.reply(), check: null, link: null });
  if (submission.status !== "success") {
    return invalid({ step: "details" as const, result: submission.reply(), check: null, link: null });
  }
  const value = submission.value;
  if (intent !== "send") {
    return json({ step: "check" as const, result: submission.reply(), check: value, link: null, pageTitle: t("carers:invite.checkTitle") });
  }
  try {
    const { token } = await orNotFound(
      createInvitation(getDb(), actor, {
        kind: "carer_of",
        serviceUserId,
        displayName: value.displayName,
        email: value.email,
        scopes: value.scopes,
        basis: "consent",
        grantEndsOn: value.endsOn,
      }),
    );
    return json({
      step: "done" as const,
      result: null,
      check: value,
      link: publicLink(`/invitations/${token}`, request),
      // From the server: a .server module's values do not exist in the browser.
      expiresInDays: INVITATION_DAYS,
      pageTitle: t("carers:invite.doneTitle"),
    });
  } catch (error) {
    if (!(error instanceof InvitingYourselfError)) throw error;
    const result = submission.reply({ fieldErrors: { email: ["validation:sharing.yourself"] } });
    return invalid({ step: "details" as const, result, check: null, link: null });
  }
}

/** The answers as the form posts them, carried unchanged from "check" to "send" or back to "change". */
function answersOf(value: { displayName: string; email: string; scopes: string[]; endsOn: string | null }) {
  const [year, month, day] = value.endsOn ? value.endsOn.split("-") : ["", "", ""];
  return { displayName: value.displayName, email: value.email, scopes: value.scopes, endsOn: { day, month, year } };
}

/** The person invites a carer, who gets their own account; nobody uses the person's password. */
export default function InviteCarer() {
  const { t } = useTranslation(["carers", "common"]);
  const { serviceUserId, pageTitle, draft: kept } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const draft = data ? null : kept;
  const { form, errorFor, summary, valueOf, valuesOf, partOf } = useServerForm("invite-carer", data?.step === "details" ? data.result : draftAsResult(draft));
  const back = { href: `/people/${serviceUserId}/sharing`, label: t("carers:sharing.back") };

  if (data?.step === "done" && data.check && data.link) {
    return (
      <InvitationCreated title={t("carers:invite.doneTitle")} body={t("carers:invite.doneBody", { name: data.check.displayName })} link={data.link} next={back}>
        <p>{t("carers:invite.doneExpiry", { count: data.expiresInDays })}</p>
        <p>{t("carers:invite.doneChange")}</p>
      </InvitationCreated>
    );
  }

  if (data?.step === "check" && data.check) {
    const value = data.check;
    return (
      <FormPage back={back} title={t("carers:invite.checkTitle")} errors={[]} resultKey={data}>
        <SummaryList
          rows={[
            { key: "name", label: t("carers:invite.name"), value: <bdi>{value.displayName}</bdi> },
            { key: "email", label: t("carers:invite.email"), value: <bdi>{value.email}</bdi> },
            {
              key: "scopes",
              label: t("carers:invite.scopes"),
              value: value.scopes.length ? (
                <ul className="list">
                  {value.scopes.map((s) => (
                    <li key={s}>{t(`carers:scope.${s}`)}</li>
                  ))}
                </ul>
              ) : (
                t("carers:invite.nothingYet")
              ),
            },
            {
              key: "ends",
              label: t("carers:change.endsOn"),
              value: value.endsOn ? <FormattedDate iso={value.endsOn} /> : t("carers:sharing.noEnd"),
            },
          ]}
        />
        <ChangeOrSend values={answersOf(value)} changeLabel={t("carers:invite.changeAnswers")} sendLabel={t("carers:invite.send")} keepsDraft>
          <p>{t("carers:invite.checkBody")}</p>
        </ChangeOrSend>
      </FormPage>
    );
  }

  return (
    <FormPage back={back} title={pageTitle} errors={summary} resultKey={data} draft={draft}>
      <p>{t("carers:invite.intro")}</p>
      <Form id={form.id} keepsDraft>
        <input type="hidden" name="intent" value="check" />
        <InviteeFields
          labels={{ name: t("carers:invite.name"), email: t("carers:invite.email"), emailHint: t("carers:invite.emailHint") }}
          valueOf={valueOf}
          errorFor={errorFor}
        />
        <SharingFields
          label={t("carers:invite.scopes")}
          scopes={valuesOf("scopes") ?? []}
          endsOn={{ day: partOf("endsOn", "day"), month: partOf("endsOn", "month"), year: partOf("endsOn", "year") }}
          errorFor={errorFor}
        />
        <Button type="submit">{t("common:form.continue")}</Button>
      </Form>
    </FormPage>
  );
}
