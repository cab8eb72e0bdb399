/**
 * Set apart text that someone typed (a name, a goal) inside a translated sentence, with Unicode's
 * first-strong isolate, so an English goal in an Arabic sentence keeps its own direction and
 * punctuation (and the other way round).
 */
export function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}
