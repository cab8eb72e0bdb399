/**
 * Notifications by email and text message (decision 057). Constants and pure rules only: shared
 * by the settings page, the staff's outbox page and the server.
 */

/**
 * What can queue a notification: each is queued by queueNotification or a check registered with
 * registerScheduledCheck (app/models/notifications.server.ts; decision 057 lists where).
 */
export const notificationEvents = [
  "interpreter_booked",
  "interpreter_not_arranged",
  "advocate_answered",
  "request_answered",
  "plan_changed",
  "review_due",
  "sharing_ending",
  "password_link",
  "invitation",
  "new_message",
  "appointment_tomorrow",
  "appointment_changed",
] as const;
export type NotificationEvent = (typeof notificationEvents)[number];

export const notificationChannels = ["email", "sms", "letter"] as const;
export type NotificationChannel = (typeof notificationChannels)[number];

/** "letter": a letter for the team to post; "posted": someone on the team posted it. */
export const outboxStatuses = ["pending", "sending", "sent", "failed", "letter", "posted"] as const;
export type OutboxStatus = (typeof outboxStatuses)[number];

/** The recorded ways of being contacted and formats that matter here (app/models/vocabulary/communication.ts). */
export interface ContactNeeds {
  contactMethods: readonly string[];
  formats: readonly string[];
}

/** What the person's communication needs allow: a channel they did not choose is never used. */
export interface ChannelRules {
  email: boolean;
  sms: boolean;
  /** Letters only, large print or braille: the team posts a letter as well (or instead). */
  letter: boolean;
}

/**
 * No recorded contact methods: email and text are both fine. Otherwise only the ones chosen
 * ("text" for text messages): someone who asked for letters only gets no email and no text.
 */
export function channelRules(needs: ContactNeeds | null): ChannelRules {
  const methods = needs?.contactMethods ?? [];
  const formats = needs?.formats ?? [];
  return {
    email: methods.length === 0 || methods.includes("email"),
    sms: methods.length === 0 || methods.includes("text"),
    letter: methods.includes("letter") || formats.includes("large_print") || formats.includes("braille"),
  };
}
