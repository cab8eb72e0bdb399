/**
 * "Help with this" text that opens in place. A native <details>, not React Aria's Disclosure:
 * React Aria's panel stays hidden until JavaScript runs, and this must work without it.
 */
export function Disclosure({ summary, children }: { summary: React.ReactNode; children: React.ReactNode }) {
  return (
    <details className="disclosure">
      <summary className="disclosure__summary">
        <span>{summary}</span>
      </summary>
      <div className="disclosure__panel">{children}</div>
    </details>
  );
}
