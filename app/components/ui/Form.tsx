import { Form as RemixForm, useRouteLoaderData, type FormProps as RemixFormProps } from "@remix-run/react";
import { useRef } from "react";

/** What the forms read from the root loader (app/root.tsx): the page's tokens and the last save. */
interface RootFormData {
  csrf?: string;
  formToken?: string;
  flash?: { id?: string } | null;
}

/** The hidden field of a form whose page gives back what was typed (`<Form keepsDraft>`). */
export const KEEPS_DRAFT_FIELD = "keepsDraft";

/** The hidden CSRF token every posted form carries. */
export function AuthenticityTokenInput() {
  const data = useRouteLoaderData("root") as RootFormData | undefined;
  return <input type="hidden" name="csrf" value={data?.csrf ?? ""} />;
}

/**
 * The one-time token of this page's forms, made when the page was drawn: the server saves a
 * form once per token, so pressing Save twice or sending the page again saves nothing more.
 */
export function FormToken() {
  const data = useRouteLoaderData("root") as RootFormData | undefined;
  return <input type="hidden" name="formToken" value={data?.formToken ?? ""} />;
}

/** Changes after each successful save (a new success message), so forms can start empty again. */
function useLastSave(): string {
  const data = useRouteLoaderData("root") as RootFormData | undefined;
  const last = useRef("none");
  if (data?.flash?.id) last.current = data.flash.id;
  return last.current;
}

/**
 * A real <form method="post"> that Remix enhances when JavaScript runs. noValidate: the server
 * validates, so no browser bubbles; the React Aria fields inside each use ARIA validation
 * (`fieldState` in field-parts.tsx), so the form itself needs nothing of React Aria and a page whose
 * forms are only buttons loads none (decision 072). After a save with JavaScript the form is drawn
 * afresh, so what was typed does not stay to be sent twice.
 */
export function Form({
  children,
  method = "post",
  keepsDraft = false,
  ...props
}: RemixFormProps & {
  /**
   * This page gives back what was typed if the session ends before saving (its loader calls
   * restoreDraft, decision 033). The server keeps a draft only for forms that say so.
   */
  keepsDraft?: boolean;
}) {
  const lastSave = useLastSave();
  const post = method.toLowerCase() === "post";
  return (
    <RemixForm key={lastSave} method={method} noValidate {...props}>
      {post ? <AuthenticityTokenInput /> : null}
      {post ? <FormToken /> : null}
      {post && keepsDraft ? <input type="hidden" name={KEEPS_DRAFT_FIELD} value="1" /> : null}
      {children}
    </RemixForm>
  );
}
