import type { SubmissionResult } from "@conform-to/react";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorSummary } from "~/components/forms/ErrorSummary";
import { useServerForm } from "~/components/forms/use-server-form";
import { Button } from "~/components/ui/Button";
import { Form } from "~/components/ui/Form";
import { Link } from "~/components/ui/Link";
import { TextField } from "~/components/ui/TextField";
import { config } from "~/config.server";
import { checkCurrentPassword, enrolTotp, regenerateRecoveryCodes, unusedRecoveryCodes } from "~/models/account-security.server";
import type { RouteHandle } from "~/root";
import { needsSecondFactor, renewSession, requireSignedIn, sessionCookie, type SignedIn } from "~/web/auth.server";
import { readCookie, serializeCookie } from "~/web/cookies.server";
import { requireFormData } from "~/web/csrf.server";
import { messageWith, westernDigits } from "~/web/forms.server";
import { invalid } from "~/web/guards.server";
import { getFixedT } from "~/web/i18n.server";
import { getDb } from "~/utils/db.server";
import { seal, unseal } from "~/utils/crypto.server";
import { safeRedirect } from "~/utils/safe-redirect";
import { groupKey, newTotpKey, otpauthUri } from "~/utils/totp.server";
import { enrolSchema } from "~/web/validation/auth.server";
import { parseWithZod } from "~/web/validation/parse.server";

export const handle: RouteHandle = { titleKey: "auth:authenticator.title" };

/** A key being set up travels in the form, sealed to the account (nothing is stored before the code confirms it). */
const SETUP_SEAL = "totp-setup";
/**
 * After setting up, the session starts again with a new id, so the recovery codes cannot be drawn
 * in the answer to the post: without JavaScript that page would be drawn with the old, ended session.
 * They go to the next page in a cookie sealed to the account, good for five minutes and read once.
 */
const CODES_SEAL = "recovery-codes-once";
const CODES_COOKIE = "__codes";

function setupFor(account: SignedIn["account"], key = newTotpKey()) {
  const issuer = config().serviceName ?? "Care portal";
  return { key: groupKey(key), uri: otpauthUri({ issuer, account: account.email, key }), sealed: seal(SETUP_SEAL, key, account.id) };
}

/**
 * Set up an authenticator app (staff and admins must, before anything else; anyone may), or, once
 * set up, see how many recovery codes are left and make new ones. Changing either asks for the
 * current password. No state changes here on GET: a new key is only a value in the form.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const { account } = await requireSignedIn(request, { enrolling: true });
  const replacing = account.hasTotp && new URL(request.url).searchParams.get("new") === "1";
  const codesLeft = account.hasTotp ? await unusedRecoveryCodes(getDb(), account.id) : 0;
  const { t } = getFixedT(request, account.preferredLanguage);
  const sealedCodes = readCookie(request, CODES_COOKIE);
  const justMade = sealedCodes ? unseal(CODES_SEAL, sealedCodes, account.id) : null;
  if (sealedCodes) {
    const codes: string[] = justMade ? JSON.parse(justMade) : [];
    const clear = { "Set-Cookie": serializeCookie(CODES_COOKIE, "", { maxAgeSeconds: 0 }) };
    if (codes.length) return json({ hasTotp: account.hasTotp, mustHaveTotp: false, setup: null, codesLeft, codes, pageTitle: t("auth:authenticator.codesTitle") }, { headers: clear });
  }
  return json({
    codes: null as string[] | null,
    hasTotp: account.hasTotp,
    mustHaveTotp: needsSecondFactor(account),
    setup: !account.hasTotp || replacing ? setupFor(account) : null,
    codesLeft,
    pageTitle: account.hasTotp && !replacing ? t("auth:authenticator.titleDone") : t("auth:authenticator.title"),
  });
}

type ActionData = {
  result: SubmissionResult<string[]> | null;
  setup?: ReturnType<typeof setupFor>;
  codes?: string[];
  pageTitle?: string;
};

export async function action({ request }: ActionFunctionArgs) {
  const { account, actor } = await requireSignedIn(request, { enrolling: true });
  const formData = await requireFormData(request);
  const db = getDb();
  const { t } = getFixedT(request, account.preferredLanguage);
  const codesPage = (codes: string[], headers?: HeadersInit) =>
    json<ActionData>({ result: null, codes, pageTitle: t("auth:authenticator.codesTitle") }, { headers });
  const password = formData.get("current");
  const passwordProblem = async (): Promise<string | null> => {
    if (!account.hasTotp) return null;
    if (typeof password !== "string" || !password) return "validation:password.required";
    const check = await checkCurrentPassword(db, actor, password.slice(0, 1024));
    if (check.status === "locked") return messageWith("auth:changePassword.locked", { count: check.minutes });
    return check.status === "ok" ? null : "auth:changePassword.wrong";
  };

  if (formData.get("intent") === "codes" && account.hasTotp) {
    const problem = await passwordProblem();
    if (problem) return invalid<ActionData>({ result: { status: "error", error: { current: [problem] } } });
    return codesPage(await regenerateRecoveryCodes(db, actor));
  }

  const submission = parseWithZod(formData, { schema: enrolSchema });
  const sealed = formData.get("key");
  const key = typeof sealed === "string" ? unseal(SETUP_SEAL, sealed, account.id) : null;
  // A key from another account, or from before the secret changed: start again with a new one.
  if (!key) return invalid<ActionData>({ result: submission.reply({ formErrors: ["auth:authenticator.expired"], hideFields: ["code", "current"] }), setup: setupFor(account) });
  const setup = setupFor(account, key);
  if (submission.status !== "success") return invalid<ActionData>({ result: submission.reply({ hideFields: ["current"] }), setup });
  const problem = await passwordProblem();
  if (problem) return invalid<ActionData>({ result: submission.reply({ fieldErrors: { current: [problem] }, hideFields: ["current"] }), setup });
  const result = await enrolTotp(db, actor, { key, code: westernDigits(submission.value.code) });
  if (result.status !== "ok") {
    return invalid<ActionData>({ result: submission.reply({ fieldErrors: { code: ["auth:authenticator.invalid"] }, hideFields: ["code", "current"] }), setup });
  }
  // The session becomes a full one with a new id; the recovery codes are shown once, on the next page.
  const token = await renewSession(db, request, account.id);
  const headers = new Headers();
  headers.append("Set-Cookie", sessionCookie(token));
  headers.append("Set-Cookie", serializeCookie(CODES_COOKIE, seal(CODES_SEAL, JSON.stringify(result.recoveryCodes), account.id), { maxAgeSeconds: 300 }));
  const next = new URL(request.url).searchParams.get("redirectTo");
  return redirect(`/account/authenticator${next ? `?redirectTo=${encodeURIComponent(safeRedirect(next))}` : ""}`, { headers });
}

function RecoveryCodes({ codes }: { codes: string[] }) {
  const { t } = useTranslation(["auth"]);
  const [params] = useSearchParams();
  const next = safeRedirect(params.get("redirectTo") ?? "/account");
  return (
    <div className="grid-two-thirds">
      <h1 className="heading-xl">{t("auth:authenticator.codesTitle")}</h1>
      <p>{t("auth:authenticator.codesIntro")}</p>
      <div className="notification" role="region" aria-labelledby="codes-once">
        <p className="notification__title" id="codes-once">
          {t("auth:authenticator.codesOnce")}
        </p>
      </div>
      <ol className="recovery-codes" dir="ltr">
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ol>
      <p>
        <Link href={next}>{t("auth:authenticator.continue")}</Link>
      </p>
    </div>
  );
}

export default function Authenticator() {
  const { t } = useTranslation(["auth", "common", "validation"]);
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<ActionData>();
  const { form, errorFor, summary, valueOf } = useServerForm("authenticator", actionData?.result);
  if (actionData?.codes) return <RecoveryCodes codes={actionData.codes} />;
  if (data.codes) return <RecoveryCodes codes={data.codes} />;
  // After a wrong code the same key stays: the person has already added it to their app.
  const setup = actionData?.setup ?? data.setup;
  const passwordField = data.hasTotp ? (
    <TextField name="current" type="password" label={t("auth:changePassword.current")} autoComplete="current-password" width="20" error={errorFor("current")} />
  ) : null;
  if (!setup) {
    return (
      <div className="grid-two-thirds">
        <ErrorSummary errors={summary} resultKey={actionData} />
        <p>
          <Link href="/account">{t("auth:changePassword.back")}</Link>
        </p>
        <h1 className="heading-xl">{t("auth:authenticator.titleDone")}</h1>
        <p>{t("auth:account.authenticatorOn")}</p>
        <p>{t("auth:authenticator.codesLeft", { count: data.codesLeft })}</p>
        <h2 className="heading-m">{t("auth:authenticator.newCodes")}</h2>
        <Form id={form.id}>
          <input type="hidden" name="intent" value="codes" />
          <p>{t("auth:authenticator.newCodesHint")}</p>
          {passwordField}
          <Button type="submit" variant="secondary">
            {t("auth:authenticator.newCodes")}
          </Button>
        </Form>
        <h2 className="heading-m">{t("auth:authenticator.replaceTitle")}</h2>
        <p>
          <Link href="/account/authenticator?new=1">{t("auth:authenticator.replace")}</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="grid-two-thirds">
      <ErrorSummary errors={summary} resultKey={actionData} />
      {data.hasTotp ? (
        <p>
          <Link href="/account/authenticator">{t("auth:changePassword.back")}</Link>
        </p>
      ) : null}
      <h1 className="heading-xl">{t("auth:authenticator.title")}</h1>
      {data.mustHaveTotp && !data.hasTotp ? <p className="lead">{t("auth:authenticator.required")}</p> : null}
      <p>{t(data.mustHaveTotp ? "auth:authenticator.intro" : "auth:authenticator.optional")}</p>
      <ol className="list list--number">
        <li>{t("auth:authenticator.step1")}</li>
        <li>
          {t("auth:authenticator.step2")}
          <p>{t("auth:authenticator.keyLabel")}</p>
          <p className="setup-key" dir="ltr">
            {setup.key}
          </p>
          <p className="hint">{t("auth:authenticator.keyHint")}</p>
          <p>
            <a href={setup.uri}>{t("auth:authenticator.link")}</a>
          </p>
        </li>
        <li>{t("auth:authenticator.step3")}</li>
      </ol>
      <Form id={form.id}>
        <input type="hidden" name="intent" value="enrol" />
        <input type="hidden" name="key" value={setup.sealed} />
        <TextField
          name="code"
          label={t("auth:authenticator.code")}
          hint={t("auth:secondStep.codeHint")}
          autoComplete="one-time-code"
          inputMode="numeric"
          spellCheck={false}
          width="5"
          defaultValue={valueOf("code")}
          error={errorFor("code")}
        />
        {passwordField}
        <Button type="submit">{t("auth:authenticator.submit")}</Button>
      </Form>
    </div>
  );
}
