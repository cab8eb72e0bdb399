import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { Form } from "~/components/ui/Form";

/** How long the next Shift press may wait, as in GOV.UK's component. */
const PRESS_WINDOW_MS = 5000;

/**
 * Hides the page at once behind "Loading.", signs out in the background (the same form, sent with
 * keepalive so it outlives the page) and replaces this page with the neutral one: it leaves no
 * entry in the history for Back to return to.
 */
function leave(form: HTMLFormElement, loading: string) {
  document.body.classList.add("exiting");
  const overlay = document.body.appendChild(document.createElement("div"));
  overlay.className = "exit-overlay";
  overlay.setAttribute("role", "alert");
  // Text after the element is in the page: screen readers announce it more reliably.
  overlay.textContent = loading;
  fetch(form.action, { method: "POST", body: new FormData(form), keepalive: true }).catch(() => {});
  location.replace(form.dataset.to!);
}

/**
 * "Exit this page" (AX-14, decision 059), after the GOV.UK component: a button at the top of every
 * page. Without JavaScript it is a plain form: the server signs out and sends the person to the
 * neutral page. With JavaScript the page is replaced at once, and pressing Shift three times, each
 * within five seconds of the last, does the same; a screen reader hears how many presses are left.
 */
export function ExitThisPage({ to }: { to: string }) {
  const { t } = useTranslation();
  const status = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    const live = status.current!;
    const form = live.closest("form")!;
    const button = form.querySelector("button")!;
    let presses = 0;
    // Shift used with another key (a capital letter) comes up after it: that is not a press.
    let modified = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const show = (count: number, message: string) => {
      presses = count;
      button.dataset.presses = String(count);
      live.textContent = message && t(`common:exitPage.${message}`);
    };
    const expire = () => {
      show(0, "expired");
      timer = setTimeout(() => (live.textContent = ""), PRESS_WINDOW_MS);
    };
    const onKeyUp = (event: KeyboardEvent) => {
      if (event.key === "Shift" && !modified) {
        clearTimeout(timer);
        if (presses === 2) {
          show(3, "");
          leave(form, t("common:exitPage.loading"));
        } else {
          show(presses + 1, presses ? "oneMore" : "twoMore");
          timer = setTimeout(expire, PRESS_WINDOW_MS);
        }
      } else if (presses) {
        clearTimeout(timer);
        expire();
      }
      modified = event.shiftKey;
    };
    document.addEventListener("keyup", onKeyUp, true);
    return () => {
      clearTimeout(timer);
      document.removeEventListener("keyup", onKeyUp, true);
    };
  }, [t]);
  return (
    <Form
      action="/exit"
      reloadDocument
      className="exit-this-page"
      data-to={to}
      onSubmit={(event) => {
        event.preventDefault();
        leave(event.currentTarget, t("common:exitPage.loading"));
      }}
    >
      <button type="submit" className="button button--warning exit-this-page__button">
        <span className="visually-hidden">{t("common:exitPage.emergency")} </span>
        {t("common:exitPage.button")}
      </button>
      <span ref={status} role="status" className="visually-hidden" />
    </Form>
  );
}
