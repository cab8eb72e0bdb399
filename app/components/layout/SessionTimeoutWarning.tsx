import { useFetcher, useLocation } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui/Button";
import { AuthenticityTokenInput } from "~/components/ui/Form";

/** True when a form on the page (outside the dialog) holds something other than what it was drawn with. */
function hasTypedInForm(dialog: HTMLDialogElement | null): boolean {
  for (const form of Array.from(document.forms)) {
    if (dialog?.contains(form)) continue;
    for (const element of Array.from(form.elements)) {
      if (element instanceof HTMLTextAreaElement && element.value !== element.defaultValue) return true;
      if (element instanceof HTMLInputElement) {
        if (element.type === "checkbox" || element.type === "radio") {
          if (element.checked !== element.defaultChecked) return true;
        } else if (element.type !== "hidden" && element.value !== element.defaultValue) return true;
      }
      if (element instanceof HTMLSelectElement) {
        const options = Array.from(element.options);
        const drawn = Math.max(0, options.findIndex((o) => o.defaultSelected));
        if (element.multiple ? options.some((o) => o.selected !== o.defaultSelected) : element.selectedIndex !== drawn) return true;
      }
    }
  }
  return false;
}

/**
 * WCAG 2.2.1 Timing adjustable: two minutes before the idle limit, a modal dialog asks whether
 * to stay signed in. A native <dialog> opened with showModal() traps focus and is announced.
 * Without JavaScript the limit is stated on the sign-in page instead.
 */
export function SessionTimeoutWarning({
  idleRemainingMs,
  warningBeforeMs,
  idleLimitMs,
}: {
  idleRemainingMs: number;
  warningBeforeMs: number;
  idleLimitMs: number;
}) {
  const { t } = useTranslation();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const fetcher = useFetcher<{ ok: boolean }>();
  const location = useLocation();
  const [deadline, setDeadline] = useState<number | null>(null);
  const firstLoad = useRef(true);

  // Each navigation or "stay signed in" moves the server's idle clock on, so restart ours.
  useEffect(() => {
    const remaining = firstLoad.current ? idleRemainingMs : idleLimitMs - 60_000;
    firstLoad.current = false;
    setDeadline(Date.now() + remaining);
  }, [location.key, idleRemainingMs, idleLimitMs]);

  useEffect(() => {
    if (fetcher.state === "idle" && fetcher.data?.ok) {
      setDeadline(Date.now() + idleLimitMs);
      dialogRef.current?.close();
    }
  }, [fetcher.state, fetcher.data, idleLimitMs]);

  useEffect(() => {
    if (deadline === null) return;
    const warnIn = Math.max(0, deadline - warningBeforeMs - Date.now());
    const endIn = Math.max(0, deadline - Date.now());
    const warnTimer = window.setTimeout(() => {
      const dialog = dialogRef.current;
      if (dialog && !dialog.open) dialog.showModal();
    }, warnIn);
    const endTimer = window.setTimeout(() => {
      // Someone part way through a form stays on it: pressing save then keeps what they typed
      // for after they sign in again (decision 033). Leaving the page would lose it.
      if (hasTypedInForm(dialogRef.current)) {
        dialogRef.current?.close();
        return;
      }
      window.location.assign("/login?reason=timeout");
    }, endIn);
    return () => {
      window.clearTimeout(warnTimer);
      window.clearTimeout(endTimer);
    };
  }, [deadline, warningBeforeMs]);

  return (
    <dialog ref={dialogRef} className="timeout-dialog" aria-labelledby="timeout-title" aria-describedby="timeout-text">
      <h2 id="timeout-title" className="heading-m">
        {t("common:timeout.title")}
      </h2>
      <p id="timeout-text">{t("common:timeout.text", { minutes: Math.round(warningBeforeMs / 60000) })}</p>
      <div className="button-group">
        <fetcher.Form method="post" action="/session/extend">
          <AuthenticityTokenInput />
          <Button type="submit" autoFocus>
            {t("common:timeout.stay")}
          </Button>
        </fetcher.Form>
        <form method="post" action="/logout">
          <AuthenticityTokenInput />
          <Button type="submit" variant="secondary">
            {t("common:account.signOut")}
          </Button>
        </form>
      </div>
    </dialog>
  );
}
