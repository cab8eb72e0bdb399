import { useTranslation } from "react-i18next";
import { SummaryList } from "~/components/display/DisplayParts";
import { Button } from "~/components/ui/Button";
import { Form } from "~/components/ui/Form";

/**
 * The answers as they were posted, as hidden fields, so they travel to the next step and back
 * without being stored anywhere: a date's parts as "appointmentOn.day", ticked boxes one by one.
 * The one way every "check your answers" step carries them; the form's own tokens (CSRF, the
 * one-time form token) and its step ("intent") are never carried over.
 */
export function HiddenAnswers({ values, prefix = "" }: { values: Record<string, unknown>; prefix?: string }) {
  return (
    <>
      {Object.entries(values).flatMap(([key, value]) => {
        const name = prefix ? `${prefix}.${key}` : key;
        if (key === "intent" || key === "csrf" || key === "formToken") return [];
        if (typeof value === "string") return [<input key={name} type="hidden" name={name} value={value} />];
        if (Array.isArray(value)) return value.filter((v): v is string => typeof v === "string").map((v, i) => <input key={`${name}-${i}`} type="hidden" name={name} value={v} />);
        if (value && typeof value === "object") return [<HiddenAnswers key={name} values={value as Record<string, unknown>} prefix={name} />];
        return [];
      })}
    </>
  );
}

export interface CheckRow {
  key: string;
  /** The question as the form asked it. */
  label: string;
  value: React.ReactNode;
}

/**
 * GOV.UK check answers (AX-12): every answer with a "Change" button that returns to the form with
 * everything kept (its name says which answer, for screen readers), then the button that sends,
 * named for what it does. Works without JavaScript: the answers are posted back, never stored.
 */
export function CheckAnswers({
  rows,
  values,
  sendLabel,
  keepsDraft = false,
  children,
}: {
  rows: CheckRow[];
  values: Record<string, unknown>;
  sendLabel: string;
  /** The form's page gives back what was typed if the session ends before sending (decision 033). */
  keepsDraft?: boolean;
  children?: React.ReactNode;
}) {
  const { t } = useTranslation(["common"]);
  return (
    <>
      <Form keepsDraft={keepsDraft}>
        <HiddenAnswers values={values} />
        <SummaryList
          rows={rows.map((row) => ({
            ...row,
            action: (
              <Button type="submit" variant="link" name="intent" value="edit">
                <span aria-hidden="true">{t("common:form.change")}</span>
                <span className="visually-hidden">{t("common:form.changeNamed", { question: row.label })}</span>
              </Button>
            ),
          }))}
        />
      </Form>
      {children}
      <PostAnswers values={values} intent="send" keepsDraft={keepsDraft}>
        {sendLabel}
      </PostAnswers>
    </>
  );
}

/** One button that posts the answers again: to "send" them, or to "edit" them in the form. */
function PostAnswers({
  values,
  intent,
  secondary,
  keepsDraft = false,
  children,
}: {
  values: Record<string, unknown>;
  intent: "send" | "edit";
  secondary?: boolean;
  keepsDraft?: boolean;
  children: React.ReactNode;
}) {
  return (
    <Form keepsDraft={keepsDraft}>
      <HiddenAnswers values={values} />
      <input type="hidden" name="intent" value={intent} />
      <Button type="submit" variant={secondary ? "secondary" : undefined}>
        {children}
      </Button>
    </Form>
  );
}

/**
 * The end of a short "check before you send" page: one button back to the form with every answer
 * kept, what happens next (`children`), then the button that sends, named for what it does.
 */
export function ChangeOrSend({
  values,
  changeLabel,
  sendLabel,
  keepsDraft = false,
  children,
}: {
  values: Record<string, unknown>;
  changeLabel: string;
  sendLabel: string;
  /** The form's page gives back what was typed if the session ends before sending (decision 033). */
  keepsDraft?: boolean;
  children?: React.ReactNode;
}) {
  return (
    <>
      <PostAnswers values={values} intent="edit" secondary keepsDraft={keepsDraft}>
        {changeLabel}
      </PostAnswers>
      {children}
      <PostAnswers values={values} intent="send" keepsDraft={keepsDraft}>
        {sendLabel}
      </PostAnswers>
    </>
  );
}
