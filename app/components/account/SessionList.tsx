import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui/Button";
import { Form } from "~/components/ui/Form";
import type { SessionSummary } from "~/models/account-security.server";
import { useFormat } from "~/utils/use-format";

/** "Chrome on Android", in the page's language; names of browsers and systems are not translated. */
export function useDeviceName() {
  const { t } = useTranslation("auth");
  return (s: { browser: string | null; platform: string | null }) =>
    s.browser && s.platform
      ? t("auth:account.device", { browser: s.browser, platform: s.platform })
      : s.browser
        ? t("auth:account.deviceBrowser", { browser: s.browser })
        : s.platform
          ? t("auth:account.devicePlatform", { platform: s.platform })
          : t("auth:account.deviceUnknown");
}

/**
 * Where the person is signed in: this device first and marked, then the others, each with when the
 * person signed in there and when it was last used, and a button that ends it (a real form: it
 * works without JavaScript).
 */
export function SessionList({ sessions }: { sessions: SessionSummary[] }) {
  const { t } = useTranslation("auth");
  const format = useFormat();
  const deviceName = useDeviceName();
  return (
    <ul className="session-list">
      {sessions.map((s) => (
        <li key={s.id} className="session-list__item">
          <h3 className="heading-s">
            {deviceName(s)}
            {s.current ? (
              <>
                {" "}
                <strong className="tag">{t("auth:account.thisDevice")}</strong>
              </>
            ) : null}
          </h3>
          <p className="hint">
            {t("auth:account.signedInAt", { when: format.dateTime(s.signedInAt) })} {t("auth:account.lastActive", { when: format.dateTime(s.lastSeenAt) })}
          </p>
          {s.current ? null : (
            <Form>
              <input type="hidden" name="intent" value="end" />
              <input type="hidden" name="sessionId" value={s.id} />
              <Button type="submit" variant="secondary">
                {t("auth:account.end", { device: deviceName(s) })}
              </Button>
            </Form>
          )}
        </li>
      ))}
    </ul>
  );
}
