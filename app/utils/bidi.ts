/**
 * Set apart text that someone typed (a name, a goal) inside a translated sentence, with Unicode's
 * first-strong isolate, so an English goal in an Arabic sentence keeps its own direction and
 * punctuation (and the other way round).
 */
export function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}

/**
 * A phone number set apart from the words around it (Unicode left-to-right isolate), so that in
 * Arabic "116 123" is not shown as "123 116".
 */
export function isolateNumber(number: string): string {
  return `\u2066${number}\u2069`;
}
