/**
 * The models' shared kernel: the two ways a model says no. Reached through access.server.ts,
 * which adds `ensure` (no permission reads the same as no record).
 */

export class NotFoundError extends Error {}

/**
 * Someone else saved the same thing after this person started editing it. Nothing was saved; the
 * caller shows what changed and lets the person save again on top of it (with `version` as the base).
 */
export class ConflictError<T = unknown> extends Error {
  override name = "ConflictError";
  constructor(readonly latest: { version: number; value: T; changedBy: string | null; changedAt: string }) {
    super("Changed by someone else since it was opened");
  }
}
