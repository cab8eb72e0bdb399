import { Button as RACButton, type ButtonProps as RACButtonProps } from "react-aria-components/Button";

export interface ButtonProps extends Omit<RACButtonProps, "className"> {
  variant?: "primary" | "secondary" | "warning" | "link";
  className?: string;
}

/** A real <button>. Pass type="submit" for form buttons: they then work without JavaScript. */
export function Button({ variant = "primary", className, ...props }: ButtonProps) {
  return <RACButton {...props} className={["button", `button--${variant}`, className].filter(Boolean).join(" ")} />;
}
