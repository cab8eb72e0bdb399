import type { ComponentPropsWithoutRef } from "react";

export interface ButtonProps extends ComponentPropsWithoutRef<"button"> {
  variant?: "primary" | "secondary" | "warning" | "link";
  /** Always said: a native button without a type submits its form. */
  type: "submit" | "button" | "reset";
}

/**
 * A native <button> (decision 072): it is pressed, focused and hovered the same with or without
 * JavaScript, and the CSS styles :hover, :active and :focus-visible. Pass type="submit" for form
 * buttons: they then work without JavaScript.
 */
export function Button({ variant = "primary", className, ...props }: ButtonProps) {
  return <button {...props} className={["button", `button--${variant}`, className].filter(Boolean).join(" ")} />;
}
