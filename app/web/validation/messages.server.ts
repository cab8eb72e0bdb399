import { z } from "zod";
import { MESSAGE_MAX_LENGTH, SUBJECT_MAX_LENGTH } from "~/models/messages.server";

/** A message to or from the care team: something, and no longer than a long letter. */
const messageBody = z
  .string({ error: "validation:message.bodyRequired" })
  .trim()
  .min(1, "validation:message.bodyRequired")
  .max(MESSAGE_MAX_LENGTH, "validation:message.bodyTooLong");

/** A new thread: what it is about, in a line, and the first message. */
export const newThreadSchema = z.object({
  subject: z
    .string({ error: "validation:message.subjectRequired" })
    .trim()
    .min(1, "validation:message.subjectRequired")
    .max(SUBJECT_MAX_LENGTH, "validation:message.subjectTooLong"),
  body: messageBody,
});

/** A reply in a thread. */
export const replySchema = z.object({ body: messageBody });

/** The team gives a thread to a colleague on the person's care team. */
export const assignSchema = z.object({ assignee: z.uuid({ error: "validation:message.assignee" }) });
