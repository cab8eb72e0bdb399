import { Form as RemixForm, useRouteLoaderData, type FormProps as RemixFormProps } from "@remix-run/react";
import { FormContext } from "react-aria-components";
import type { RootLoaderData } from "~/root";

/** The hidden CSRF token every posted form carries. */
export function AuthenticityTokenInput() {
  const data = useRouteLoaderData("root") as RootLoaderData | undefined;
  return <input type="hidden" name="csrf" value={data?.csrf ?? ""} />;
}

/**
 * A real <form method="post"> that Remix enhances when JavaScript runs. noValidate: the server
 * validates, so no browser bubbles; React Aria fields inside use ARIA validation.
 */
export function Form({ children, method = "post", ...props }: RemixFormProps) {
  return (
    <RemixForm method={method} noValidate {...props}>
      <FormContext.Provider value={{ validationBehavior: "aria" }}>
        {method.toLowerCase() === "post" ? <AuthenticityTokenInput /> : null}
        {children}
      </FormContext.Provider>
    </RemixForm>
  );
}
