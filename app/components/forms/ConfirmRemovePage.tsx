import { Button } from "~/components/ui/Button";
import { Form } from "~/components/ui/Form";
import { Link } from "~/components/ui/Link";

/**
 * "Are you sure you want to remove …?": what would be removed, what removing means, a warning
 * button that posts (nothing changes on GET), and a link back that keeps it. The same page for
 * every removal, so people meet one pattern.
 */
export function ConfirmRemovePage({
  title,
  back,
  children,
  body,
  confirmLabel,
  keepLabel,
}: {
  title: string;
  /** Where "Back" and "keep" both go. */
  back: { href: string; label: string };
  /** What would be removed: a summary list or a line about it. */
  children: React.ReactNode;
  body: string;
  confirmLabel: string;
  keepLabel: string;
}) {
  return (
    <div className="grid-two-thirds">
      <p>
        <Link href={back.href}>{back.label}</Link>
      </p>
      <h1 className="heading-xl">{title}</h1>
      {children}
      <p>{body}</p>
      <Form>
        <Button type="submit" variant="warning">
          {confirmLabel}
        </Button>
      </Form>
      <p>
        <Link href={back.href}>{keepLabel}</Link>
      </p>
    </div>
  );
}
