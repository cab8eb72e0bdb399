/** The success messages a save can leave for the next page (keys under common:success.messages, or a namespaced key). */
export const successMessages = [
  "saved",
  "progressSaved",
  "goalSaved",
  "sharingSaved",
  "sent",
  "removed",
  // A page's own words can be used too, with their namespace.
  "communication:saved",
  "plan:howIAmDoing.saved",
  "auth:account.passwordChanged",
  "auth:account.sessionEnded",
  "auth:account.othersEnded",
  "auth:account.nhsLoginLinked",
  "auth:account.nhsLoginUnlinked",
  "auth:account.passwordSet",
  "auth:notifications.saved",
  "auth:outbox.item.postedSaved",
  "auth:outbox.item.retrySaved",
  "admin:success.disabled",
  "admin:success.enabled",
  "admin:success.appReset",
  "carers:queue.linked",
  "carers:queue.noteRead",
  "carers:question.declined",
] as const;

export type SuccessMessage = (typeof successMessages)[number];

export function isSuccessMessage(value: unknown): value is SuccessMessage {
  return typeof value === "string" && (successMessages as readonly string[]).includes(value);
}
