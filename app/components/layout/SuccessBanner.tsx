import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";

/**
 * GOV.UK notification banner, success variant: role="alert" so it is announced, and it takes
 * focus when the page loads (autofocus without JavaScript; after a save made with JavaScript,
 * each new message is focused again).
 */
export function SuccessBanner({ message, id }: { message: string; id: string }) {
  const { t } = useTranslation("common");
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [id]);
  return (
    <div
      ref={ref}
      className="success-banner"
      role="alert"
      aria-labelledby="success-banner-title"
      tabIndex={-1}
      autoFocus
      data-flash={id}
    >
      <h2 className="success-banner__title" id="success-banner-title">
        {t("common:success.title")}
      </h2>
      <div className="success-banner__content">
        <p className="success-banner__heading">{t(message.includes(":") ? message : `common:success.messages.${message}`)}</p>
      </div>
    </div>
  );
}
