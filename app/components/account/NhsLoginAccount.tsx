import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui/Button";
import { Form } from "~/components/ui/Form";
import { Link } from "~/components/ui/Link";
import { TextField } from "~/components/ui/TextField";

/**
 * Linking NHS login to an account that has a password (decision 066): the password again, then on
 * to NHS login. reloadDocument, because the answer is a redirect to another site.
 */
export function NhsLoginLinkForm({ id, error }: { id?: string; error?: string }) {
  const { t } = useTranslation(["auth"]);
  return (
    <Form id={id} action="/account/nhs-login" reloadDocument className="nhs-login">
      <TextField name="current" type="password" label={t("auth:changePassword.current")} autoComplete="current-password" width="20" error={error} />
      <Button type="submit" className="nhs-login__button">
        {t("auth:nhsLogin.button")}
      </Button>
    </Form>
  );
}

/** The "Sign in with NHS login" part of "Your account": linked or not, and what can be done. */
export function NhsLoginAccountSection({ linked, hasPassword }: { linked: boolean; hasPassword: boolean }) {
  const { t } = useTranslation(["auth"]);
  return (
    <>
      <h2 className="heading-m">{t("auth:nhsLoginAccount.title")}</h2>
      {!linked ? (
        <>
          <p>{t("auth:nhsLoginAccount.intro")}</p>
          <NhsLoginLinkForm />
        </>
      ) : hasPassword ? (
        <>
          <p>{t("auth:nhsLoginAccount.linked")}</p>
          <p>
            <Link href="/account/nhs-login/unlink">{t("auth:nhsLoginAccount.unlinkLink")}</Link>
          </p>
        </>
      ) : (
        <p>{t("auth:nhsLoginAccount.only")}</p>
      )}
    </>
  );
}
