/** Encode a message key with values for the person's language, e.g. "auth:signIn.locked|{"minutes":5}". */
export function messageWith(key: string, values: Record<string, string | number>): string {
  return `${key}|${JSON.stringify(values)}`;
}

export function clientAddress(context: Record<string, unknown>): string {
  return typeof context.clientAddress === "string" ? context.clientAddress : "unknown";
}
