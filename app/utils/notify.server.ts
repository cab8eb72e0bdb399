import axios from "axios";
import { NotifyClient } from "notifications-node-client";

/**
 * GOV.UK Notify, through its official client (decision 057). The client signs each request with
 * a JWT (HS256, `iss` the service id, `iat` now) made from the API key. This module only sends;
 * what to send and when to try again is the outbox's (app/models/notifications.server.ts).
 */
export interface NotifySender {
  sendEmail(templateId: string, emailAddress: string, personalisation: Record<string, string>, reference: string): Promise<{ id: string }>;
  sendSms(templateId: string, phoneNumber: string, personalisation: Record<string, string>, reference: string): Promise<{ id: string }>;
  /** The notification Notify already has with this reference, if any (a send cut off by a restart may have arrived). */
  findByReference(type: "email" | "sms", reference: string): Promise<{ id: string } | null>;
}

/** Why a send failed, as a short code for the outbox: never Notify's message (it may repeat the address). */
export class NotifyError extends Error {
  override name = "NotifyError";
  constructor(
    /** The HTTP status, or "network" when Notify did not answer. */
    readonly code: string,
    /** Trying again cannot help: the request itself is wrong (400) or the key is (403). */
    readonly permanent: boolean,
  ) {
    super(`GOV.UK Notify: ${code}`);
  }
}

/** How long to wait for Notify before counting the attempt as failed. */
const TIMEOUT_MS = 10_000;

function asNotifyError(error: unknown): NotifyError {
  const status = axios.isAxiosError(error) ? error.response?.status : undefined;
  if (status === undefined) return new NotifyError("network", false);
  // 429: too many requests; 5xx: Notify is having trouble. Both pass.
  return new NotifyError(String(status), status === 400 || status === 403);
}

export function notifySender(options: { apiKey: string; baseUrl: string }): NotifySender {
  const client = new NotifyClient(options.baseUrl, options.apiKey);
  client.setClient(axios.create({ timeout: TIMEOUT_MS }));
  const call = async <T>(work: () => Promise<{ data: T }>): Promise<T> => {
    try {
      return (await work()).data;
    } catch (error) {
      throw asNotifyError(error);
    }
  };
  return {
    async sendEmail(templateId, emailAddress, personalisation, reference) {
      const data = await call(() => client.sendEmail(templateId, emailAddress, { personalisation, reference }));
      return { id: data.id };
    },
    async sendSms(templateId, phoneNumber, personalisation, reference) {
      const data = await call(() => client.sendSms(templateId, phoneNumber, { personalisation, reference }));
      return { id: data.id };
    },
    async findByReference(type, reference) {
      const data = await call(() => client.getNotifications(type, undefined, reference));
      const found = data.notifications[0];
      return found ? { id: found.id } : null;
    },
  };
}
