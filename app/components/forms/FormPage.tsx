import { Link } from "~/components/ui/Link";
import { DraftRestoredNotice, type RestoredDraft } from "./DraftRestoredNotice";
import { ErrorSummary, type SummaryError } from "./ErrorSummary";

/**
 * The frame of a one-form page, GOV.UK style: the error summary first (it takes focus), a way
 * back, then the one heading. The form and any text go inside.
 */
export function FormPage({
  back,
  title,
  errors,
  resultKey,
  draft,
  children,
}: {
  back: { href: string; label: string };
  title: string;
  errors: SummaryError[];
  resultKey: unknown;
  /** What the person typed before their session ended, when the form holds it again. */
  draft?: RestoredDraft | null;
  children: React.ReactNode;
}) {
  return (
    <div className="grid-two-thirds">
      <ErrorSummary errors={errors} resultKey={resultKey} />
      <p>
        <Link href={back.href}>{back.label}</Link>
      </p>
      <h1 className="heading-xl">{title}</h1>
      <DraftRestoredNotice draft={draft} />
      {children}
    </div>
  );
}
