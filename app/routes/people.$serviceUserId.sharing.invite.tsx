import { parseWithZod } from "~/web/validation/parse.server";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { publicLink } from "~/config.server";
import { SharingFields } from "~/components/carers/SharingFields";
import { FormPage } from "~/components/forms/FormPage";
import { useServerForm } from "~/components/forms/use-server-form";
import { FormattedDate, SummaryList } from "~/components/display/DisplayParts";
import { Button } from "~/components/ui/Button";
import { Form } from "~/components/ui/Form";
import { Link } from "~/components/ui/Link";
import { TextField } from "~/components/ui/TextField";
import { createInvitation, INVITATION_DAYS, InvitingYourselfError } from "~/models/invitation.server";
import { requirePermission, requireSignedIn } from "~/web/auth.server";
import { requireFormData } from "~/web/csrf.server";
import { getDb } from "~/utils/db.server";
import { orNotFound } from "~/web/guards.server";
import { getFixedT } from "~/web/i18n.server";
import { inviteCarerSchema } from "~/web/validation/sharing.server";

async function requireOwnSharing(request: Request, serviceUserId: string) {
  const signedIn = await requireSignedIn(request);
  requirePermission(signedIn.actor, "sharing.manage", { serviceUserId });
  return signedIn;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const serviceUserId = params.serviceUserId ?? "";
  const { account } = await requireOwnSharing(request, serviceUserId);
  const { t } = getFixedT(request, account.preferredLanguage);
  return json({ serviceUserId, pageTitle: t("carers:invite.title") });
}

/**
 * Three steps on one address, all server-rendered: the details, "check before you send" (the
 * answers travel in hidden fields), then the link to give the carer. Nothing is sent until the last.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const serviceUserId = params.serviceUserId ?? "";
  const { actor, account } = await requireOwnSharing(request, serviceUserId);
  const formData = await requireFormData(request);
  const { t } = getFixedT(request, account.preferredLanguage);
  const intent = formData.get("intent");
  const submission = parseWithZod(formData, { schema: inviteCarerSchema });
  if (intent === "edit") return json({ step: "details" as const, result: submission.reply(), check: null, link: null });
  if (submission.status !== "success") {
    return json({ step: "details" as const, result: submission.reply(), check: null, link: null }, { status: 400 });
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
      pageTitle: t("carers:invite.doneTitle"),
    });
  } catch (error) {
    if (!(error instanceof InvitingYourselfError)) throw error;
    const result = submission.reply({ fieldErrors: { email: ["validation:sharing.yourself"] } });
    return json({ step: "details" as const, result, check: null, link: null }, { status: 400 });
  }
}

/** The answers, carried unchanged from "check" to "send" or back to "change". */
function HiddenAnswers({ value }: { value: { displayName: string; email: string; scopes: string[]; endsOn: string | null } }) {
  const [year, month, day] = value.endsOn ? value.endsOn.split("-") : ["", "", ""];
  return (
    <>
      <input type="hidden" name="displayName" value={value.displayName} />
      <input type="hidden" name="email" value={value.email} />
      {value.scopes.map((s) => (
        <input key={s} type="hidden" name="scopes" value={s} />
      ))}
      <input type="hidden" name="endsOn.day" value={day} />
      <input type="hidden" name="endsOn.month" value={month} />
      <input type="hidden" name="endsOn.year" value={year} />
    </>
  );
}

/** The person invites a carer, who gets their own account; nobody uses the person's password. */
export default function InviteCarer() {
  const { t } = useTranslation(["carers", "common"]);
  const { serviceUserId, pageTitle } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const { form, errorFor, summary, valueOf, valuesOf, partOf } = useServerForm("invite-carer", data?.step === "details" ? data.result : null);
  const back = { href: `/people/${serviceUserId}/sharing`, label: t("carers:sharing.back") };

  if (data?.step === "done" && data.check && data.link) {
    return (
      <div className="grid-two-thirds">
        <div className="panel" role="status">
          <h1 className="heading-xl">{t("carers:invite.doneTitle")}</h1>
        </div>
        <p>{t("carers:invite.doneBody", { name: data.check.displayName })}</p>
        <p className="copyable">
          <code>{data.link}</code>
        </p>
        <p>{t("carers:invite.doneExpiry", { count: INVITATION_DAYS })}</p>
        <p>{t("carers:invite.doneChange")}</p>
        <p>
          <Link href={back.href}>{back.label}</Link>
        </p>
      </div>
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
        <Form>
          <HiddenAnswers value={value} />
          <input type="hidden" name="intent" value="edit" />
          <Button type="submit" variant="secondary">
            {t("carers:invite.changeAnswers")}
          </Button>
        </Form>
        <p>{t("carers:invite.checkBody")}</p>
        <Form>
          <HiddenAnswers value={value} />
          <input type="hidden" name="intent" value="send" />
          <Button type="submit">{t("carers:invite.send")}</Button>
        </Form>
      </FormPage>
    );
  }

  return (
    <FormPage back={back} title={pageTitle} errors={summary} resultKey={data}>
      <p>{t("carers:invite.intro")}</p>
      <Form id={form.id} onSubmit={form.onSubmit}>
        <input type="hidden" name="intent" value="check" />
        <TextField name="displayName" maxLength={100} label={t("carers:invite.name")} autoComplete="off" defaultValue={valueOf("displayName")} error={errorFor("displayName")} />
        <TextField
          name="email"
          type="email"
          label={t("carers:invite.email")}
          hint={t("carers:invite.emailHint")}
          autoComplete="off"
          spellCheck={false}
          defaultValue={valueOf("email")}
          error={errorFor("email")}
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
