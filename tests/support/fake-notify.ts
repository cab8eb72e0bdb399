import { createHmac, randomUUID, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A stand-in for GOV.UK Notify's API on loopback, strict as the real one is:
 * - POST /v2/notifications/email and /v2/notifications/sms, GET /v2/notifications?reference=…;
 * - a bearer JWT, HS256, `iss` the service id, `iat` within 30 seconds, signed with the secret
 *   half of the API key (`name-<service id>-<secret>`); 403 otherwise, as Notify answers;
 * - the template must be known and of the right type, every personalisation key it uses given,
 *   the email address or UK mobile valid; 400 with Notify's error shape otherwise;
 * - `fail(status, times, to)` answers the next sends (to that address or number only, if given)
 *   with that status (400, 500, 503…); `down()` closes every
 *   connection without answering, `up()` answers again.
 */

export interface FakeTemplate {
  type: "email" | "sms";
  /** The personalisation keys its text uses, as ((link)). */
  personalisation: string[];
}

export interface ReceivedNotification {
  id: string;
  type: "email" | "sms";
  templateId: string;
  to: string;
  personalisation: Record<string, string>;
  reference: string | null;
}

const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

export const fakeTemplates = {
  updateEmail: "11111111-1111-4111-8111-111111111111",
  updateSms: "22222222-2222-4222-8222-222222222222",
  passwordLinkEmail: "33333333-3333-4333-8333-333333333333",
  invitationEmail: "44444444-4444-4444-8444-444444444444",
};

export const fakeServiceId = "5e2f7a10-6b3c-4d8e-9f01-23456789abcd";
export const fakeSecret = "9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a";
export const fakeApiKey = `care_portal_test-${fakeServiceId}-${fakeSecret}`;

function base64url(value: string): Buffer {
  return Buffer.from(value, "base64url");
}

/** Checks a Notify JWT as the API does; returns why not, or null when it is good. */
export function checkToken(header: string | undefined, serviceId: string, secret: string, nowSeconds = Date.now() / 1000): string | null {
  const token = header?.match(/^Bearer (.+)$/)?.[1];
  if (!token) return "no bearer token";
  const parts = token.split(".");
  if (parts.length !== 3) return "not a JWT";
  const [head, body, signature] = parts as [string, string, string];
  let parsedHead: { alg?: string; typ?: string };
  let claims: { iss?: string; iat?: number };
  try {
    parsedHead = JSON.parse(base64url(head).toString("utf8"));
    claims = JSON.parse(base64url(body).toString("utf8"));
  } catch {
    return "not a JWT";
  }
  if (parsedHead.alg !== "HS256") return "not HS256";
  const expected = createHmac("sha256", secret).update(`${head}.${body}`).digest();
  const given = base64url(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return "Invalid token: signature, api token not found";
  if (claims.iss !== serviceId) return "Invalid token: service not found";
  if (typeof claims.iat !== "number" || Math.abs(nowSeconds - claims.iat) > 30) return "Error: Your system clock must be accurate to within 30 seconds";
  return null;
}

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** Notify takes UK mobiles in several forms; the portal sends +447…. */
const ukMobilePattern = /^(\+44|0044|0)7[0-9]{9}$/;

export class FakeNotify {
  readonly received: ReceivedNotification[] = [];
  /** Every request, with the answer's status: what the portal tried, including what was refused. */
  readonly requests: { method: string; path: string; status: number; to?: string }[] = [];
  private failures: { status: number; to?: string }[] = [];
  private isDown = false;
  private server: Server | undefined;
  readonly templates: Map<string, FakeTemplate>;

  constructor(
    readonly serviceId = fakeServiceId,
    readonly secret = fakeSecret,
    templates: Record<string, FakeTemplate> = {
      [fakeTemplates.updateEmail]: { type: "email", personalisation: ["link"] },
      [fakeTemplates.updateSms]: { type: "sms", personalisation: ["link"] },
      [fakeTemplates.passwordLinkEmail]: { type: "email", personalisation: ["link"] },
      [fakeTemplates.invitationEmail]: { type: "email", personalisation: ["link"] },
    },
  ) {
    this.templates = new Map(Object.entries(templates));
  }

  get url(): string {
    const address = this.server?.address() as AddressInfo | null;
    if (!address) throw new Error("the fake Notify server is not started");
    return `http://127.0.0.1:${address.port}`;
  }

  async start(port = 0): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(port, "127.0.0.1", resolve));
    return this;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /**
   * The next `times` sends answer `status` (400, 500, 503…). With `to`, only sends to that email
   * address or number do: a test that means "Notify refuses Tom's email" is not thrown by another
   * notification that happens to be sent first.
   */
  fail(status: number, times = 1, to?: string): void {
    for (let i = 0; i < times; i++) this.failures.push({ status, to });
  }

  /** Every request's connection is closed without an answer, as when Notify cannot be reached. */
  down(): void {
    this.isDown = true;
  }

  up(): void {
    this.isDown = false;
  }

  reset(): void {
    this.received.length = 0;
    this.requests.length = 0;
    this.failures = [];
    this.isDown = false;
  }

  /** The first failure waiting for a send to this address (or to anyone), taken off the list. */
  private takeFailure(to: string | undefined): number | undefined {
    const index = this.failures.findIndex((f) => f.to === undefined || f.to === to);
    if (index < 0) return undefined;
    return this.failures.splice(index, 1)[0]!.status;
  }

  private answer(req: IncomingMessage, res: ServerResponse, status: number, body: unknown, to?: string) {
    this.requests.push({ method: req.method ?? "", path: (req.url ?? "").split("?")[0]!, status, ...(to === undefined ? {} : { to }) });
    res.writeHead(status, { "content-type": "application/json" });
    res.end(JSON.stringify(body));
  }

  private error(req: IncomingMessage, res: ServerResponse, status: number, error: string, message: string, to?: string) {
    this.answer(req, res, status, { status_code: status, errors: [{ error, message }] }, to);
  }

  private async handle(req: IncomingMessage, res: ServerResponse) {
    if (this.isDown) {
      req.socket.destroy();
      return;
    }
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const tokenProblem = checkToken(req.headers.authorization, this.serviceId, this.secret);
    if (tokenProblem) return this.error(req, res, 403, "AuthError", tokenProblem);

    if (req.method === "GET" && url.pathname === "/v2/notifications") {
      const reference = url.searchParams.get("reference");
      const type = url.searchParams.get("template_type");
      const found = this.received.filter((n) => (!reference || n.reference === reference) && (!type || n.type === type));
      return this.answer(req, res, 200, {
        notifications: found.map((n) => ({ id: n.id, reference: n.reference, type: n.type, status: "delivered", template: { id: n.templateId, version: 1, uri: "" } })),
        links: { current: url.href },
      });
    }

    const match = url.pathname.match(/^\/v2\/notifications\/(email|sms)$/);
    if (req.method !== "POST" || !match) return this.error(req, res, 404, "NotFound", "Not found");
    const type = match[1] as "email" | "sms";

    let body: { template_id?: string; email_address?: string; phone_number?: string; personalisation?: Record<string, string>; reference?: string } | null;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
    } catch {
      body = null;
    }
    const addressed = (type === "email" ? body?.email_address : body?.phone_number) ?? undefined;
    const failure = this.takeFailure(addressed);
    if (failure) return this.error(req, res, failure, "Exception", "Internal server error", addressed);
    if (!body) return this.error(req, res, 400, "ValidationError", "Invalid JSON");
    const template = body.template_id ? this.templates.get(body.template_id) : undefined;
    if (!body.template_id || !new RegExp(`^${UUID}$`).test(body.template_id)) return this.error(req, res, 400, "ValidationError", "template_id is not a valid UUID");
    if (!template) return this.error(req, res, 400, "BadRequestError", "Template not found");
    if (template.type !== type) return this.error(req, res, 400, "BadRequestError", `${type} template is not suitable for ${template.type} notification`);
    const missing = template.personalisation.filter((key) => typeof body.personalisation?.[key] !== "string" || body.personalisation[key] === "");
    if (missing.length) return this.error(req, res, 400, "BadRequestError", `Missing personalisation: ${missing.join(", ")}`);
    const to = type === "email" ? body.email_address : body.phone_number;
    if (type === "email" && !(to && emailPattern.test(to))) return this.error(req, res, 400, "ValidationError", "email_address Not a valid email address");
    if (type === "sms" && !(to && ukMobilePattern.test(to.replace(/[\s()-]/g, "")))) return this.error(req, res, 400, "ValidationError", "phone_number Not a UK mobile number");
    if (body.reference !== undefined && typeof body.reference !== "string") return this.error(req, res, 400, "ValidationError", "reference is not a string");

    const id = randomUUID();
    this.received.push({ id, type, templateId: body.template_id, to: to!, personalisation: body.personalisation ?? {}, reference: body.reference ?? null });
    return this.answer(req, res, 201, {
      id,
      reference: body.reference ?? null,
      content: type === "email" ? { subject: "Care portal", body: "…", from_email: "portal@notifications.service.gov.uk" } : { body: "…", from_number: "CarePortal" },
      uri: `${this.url}/v2/notifications/${id}`,
      template: { id: body.template_id, version: 1, uri: "" },
    }, to);
  }
}

/** What the portal's config needs to talk to this fake server. */
export function fakeNotifyEnv(fake: FakeNotify): Record<string, string> {
  return {
    NOTIFY_API_KEY: `care_portal_test-${fake.serviceId}-${fake.secret}`,
    NOTIFY_BASE_URL: fake.url,
    NOTIFY_TEMPLATE_UPDATE_EMAIL: fakeTemplates.updateEmail,
    NOTIFY_TEMPLATE_UPDATE_SMS: fakeTemplates.updateSms,
    NOTIFY_TEMPLATE_PASSWORD_LINK_EMAIL: fakeTemplates.passwordLinkEmail,
    NOTIFY_TEMPLATE_INVITATION_EMAIL: fakeTemplates.invitationEmail,
  };
}
