import { Link as RACLink, type LinkProps as RACLinkProps } from "react-aria-components/Link";

export interface LinkProps extends Omit<RACLinkProps, "className"> {
  className?: string;
}

/** A real <a href>; with JavaScript, navigation goes through Remix (see RouterProvider in root.tsx). */
export function Link({ className, ...props }: LinkProps) {
  return <RACLink {...props} className={["link", className].filter(Boolean).join(" ")} />;
}
