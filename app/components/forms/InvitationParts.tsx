import { Link } from "~/components/ui/Link";
import { TextField } from "~/components/ui/TextField";

/**
 * Who is invited: their name and email address. Staff inviting someone and a person inviting a
 * carer ask the same two questions, in the same way.
 */
export function InviteeFields({
  labels,
  valueOf,
  errorFor,
}: {
  labels: { name: string; email: string; emailHint: string };
  valueOf: (name: string) => string | undefined;
  errorFor: (name: string) => string | undefined;
}) {
  return (
    <>
      <TextField name="displayName" maxLength={100} label={labels.name} autoComplete="off" defaultValue={valueOf("displayName")} error={errorFor("displayName")} />
      <TextField
        name="email"
        type="email"
        label={labels.email}
        hint={labels.emailHint}
        autoComplete="off"
        spellCheck={false}
        defaultValue={valueOf("email")}
        error={errorFor("email")}
      />
    </>
  );
}

/**
 * The invitation is made: its link, shown this once (only its hash is stored), to copy and give to
 * the person, then what to know about it (`children`: when it expires) and where to go next.
 */
export function InvitationCreated({
  title,
  body,
  link,
  next,
  children,
}: {
  title: string;
  body: string;
  link: string;
  next: { href: string; label: string };
  children: React.ReactNode;
}) {
  return (
    <div className="grid-two-thirds">
      <div className="panel" role="status">
        <h1 className="heading-xl">{title}</h1>
      </div>
      <p>{body}</p>
      <p className="copyable">
        <code>{link}</code>
      </p>
      {children}
      <p>
        <Link href={next.href}>{next.label}</Link>
      </p>
    </div>
  );
}
