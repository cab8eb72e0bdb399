import { parseWithZod } from "~/web/validation/parse.server";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form as RemixForm, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { publicLink } from "~/config.server";
import { ErrorSummary } from "~/components/forms/ErrorSummary";
import { InvitationCreated, InviteeFields } from "~/components/forms/InvitationParts";
import { SelectField } from "~/components/forms/SelectField";
import { useServerForm } from "~/components/forms/use-server-form";
import { Button } from "~/components/ui/Button";
import { CheckboxGroup } from "~/components/ui/CheckboxGroup";
import { Form } from "~/components/ui/Form";
import { RadioGroup } from "~/components/ui/RadioGroup";
import { createInvitation, NotAllowedError } from "~/models/invitation.server";
import { listVisibleRecords } from "~/models/people.server";
import { invitableKinds, shareableScopes, staffGrantBases, type InvitableKind } from "~/models/vocabulary/relationships";
import type { RouteHandle } from "~/root";
import { requirePermission, requireSignedIn } from "~/web/auth.server";
import { requireFormData } from "~/web/csrf.server";
import { invalid } from "~/web/guards.server";
import { getDb } from "~/utils/db.server";
import { getFixedT } from "~/web/i18n.server";
import { inviteServiceUserSchema, inviteSupporterSchema } from "~/web/validation/invitation.server";
import { restoreDraft } from "~/web/drafts.server";
import { DraftRestoredNotice, draftAsResult } from "~/components/forms/DraftRestoredNotice";

export const handle: RouteHandle = { titleKey: "auth:invite.title" };

function kindFrom(request: Request): InvitableKind | null {
  const kind = new URL(request.url).searchParams.get("kind");
  return (invitableKinds as readonly string[]).includes(kind ?? "") ? (kind as InvitableKind) : null;
}

async function requireStaff(request: Request) {
  const signedIn = await requireSignedIn(request);
  await requirePermission(signedIn.actor, "invitation.create", { organisation: true });
  return signedIn;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { actor, account } = await requireStaff(request);
  const caseload = (await listVisibleRecords(getDb(), actor))
    .filter((r) => r.capacity === "care_team_member_of")
    .map((r) => ({ id: r.serviceUserId, displayName: r.displayName }));
  const kind = kindFrom(request);
  const { t } = getFixedT(request, account.preferredLanguage);
  // Each step has its own title, so people know where they are.
  const pageTitle = kind ? `${t(`auth:invite.kind.${kind}`)} – ${t("auth:invite.title")}` : t("auth:invite.title");
  // Only the details step has a form to give back what was typed (the kind is in the address).
  const draft = kind ? await restoreDraft(request, actor.accountId) : null;
  return json({ kind, caseload, draft, pageTitle });
}

/** The invitation link is shown once: only its hash is stored. */
function created(request: Request, token: string, displayName: string, language: string | null, emailed: boolean) {
  const { t } = getFixedT(request, language);
  return json({
    result: null,
    created: { link: publicLink(`/invitations/${token}`, request), displayName, emailed },
    pageTitle: t("auth:invite.created.title"),
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const { actor, account } = await requireStaff(request);
  const formData = await requireFormData(request);
  const kind = kindFrom(request);
  if (!kind) throw new Response("Bad request", { status: 400 });
  const db = getDb();
  // Also email the link, through the outbox (decision 057).
  const sendByEmail = formData.get("sendEmail") === "yes";
  try {
    if (kind === "service_user") {
      const submission = parseWithZod(formData, { schema: inviteServiceUserSchema });
      if (submission.status !== "success") return invalid({ result: submission.reply(), created: null });
      const { token, emailed } = await createInvitation(db, actor, { kind, ...submission.value }, new Date(), { sendByEmail });
      return created(request, token, submission.value.displayName, account.preferredLanguage, emailed);
    }
    const submission = parseWithZod(formData, { schema: inviteSupporterSchema });
    if (submission.status !== "success") return invalid({ result: submission.reply(), created: null });
    const { token, emailed } = await createInvitation(db, actor, { kind, ...submission.value }, new Date(), { sendByEmail });
    return created(request, token, submission.value.displayName, account.preferredLanguage, emailed);
  } catch (error) {
    if (error instanceof NotAllowedError) throw new Response("Not found", { status: 404 });
    throw error;
  }
}

export default function InviteSomeone() {
  const { t } = useTranslation(["auth", "common"]);
  const { kind, caseload, draft: kept } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const draft = actionData ? null : kept;
  const { form, errorFor, summary, valueOf, valuesOf } = useServerForm("invite", actionData ? actionData.result : draftAsResult(draft));

  if (actionData?.created) {
    return (
      <InvitationCreated
        title={t("auth:invite.created.title")}
        body={t("auth:invite.created.body", { name: actionData.created.displayName })}
        link={actionData.created.link}
        next={{ href: "/", label: t("auth:invite.created.home") }}
      >
        <p>{t("auth:invite.created.expiry", { days: 7 })}</p>
        {actionData.created.emailed ? <p>{t("auth:notifications.linkEmailed")}</p> : null}
      </InvitationCreated>
    );
  }

  if (!kind) {
    return (
      <div className="grid-two-thirds">
        <h1 className="heading-xl">{t("auth:invite.title")}</h1>
        {/* Choosing the kind is a GET: nothing changes until the details are sent. */}
        <RemixForm method="get" noValidate>
          <RadioGroup
            name="kind"
            label={t("auth:invite.kind.label")}
            choices={invitableKinds.map((k) => ({ value: k, label: t(`auth:invite.kind.${k}`) }))}
          />
          <Button type="submit">{t("common:form.continue")}</Button>
        </RemixForm>
      </div>
    );
  }

  return (
    <div className="grid-two-thirds">
      <ErrorSummary errors={summary} resultKey={actionData} />
      <p className="caption">{t(`auth:invite.kind.${kind}`)}</p>
      <h1 className="heading-xl">{t("auth:invite.detailsTitle")}</h1>
      <DraftRestoredNotice draft={draft} />
      <Form id={form.id} keepsDraft>
        {kind !== "service_user" ? (
          <SelectField
            name="serviceUserId"
            label={t("auth:invite.serviceUser")}
            placeholder={t("auth:invite.choosePerson")}
            options={caseload.map((p) => ({ value: p.id, label: p.displayName }))}
            defaultValue={valueOf("serviceUserId")}
            error={errorFor("serviceUserId")}
          />
        ) : null}
        <InviteeFields
          labels={{ name: t("auth:invite.name"), email: t("auth:invite.email"), emailHint: t("auth:invite.emailHint") }}
          valueOf={valueOf}
          errorFor={errorFor}
        />
        {kind === "service_user" ? (
          <RadioGroup
            name="planLevel"
            label={t("auth:invite.planLevel")}
            defaultValue={valueOf("planLevel")}
            error={errorFor("planLevel")}
            choices={(["cpa", "lpc"] as const).map((v) => ({ value: v, label: t(`common:planLevel.${v}`) }))}
          />
        ) : (
          <>
            <CheckboxGroup
              name="scopes"
              label={t("auth:invite.scopes")}
              hint={t("auth:invite.scopesHint")}
              optional
              defaultValue={valuesOf("scopes")}
              error={errorFor("scopes")}
              choices={shareableScopes.map((s) => ({ value: s, label: t(`common:scope.${s}`) }))}
            />
            <RadioGroup
              name="basis"
              label={t("auth:invite.basis")}
              hint={t("auth:invite.basisHint")}
              defaultValue={valueOf("basis")}
              error={errorFor("basis")}
              choices={staffGrantBases.map((b) => ({ value: b, label: t(`auth:invite.basisOption.${b}`) }))}
            />
          </>
        )}
        <CheckboxGroup
          name="sendEmail"
          label={t("auth:notifications.sendLink")}
          optional
          defaultValue={valuesOf("sendEmail")}
          choices={[{ value: "yes", label: t("auth:notifications.sendLinkYes") }]}
        />
        <Button type="submit">{t("auth:invite.submit")}</Button>
      </Form>
    </div>
  );
}
