import { createPrivateKey, randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { isIP } from "node:net";
import { z } from "zod";

/**
 * Every environment variable the portal reads, parsed and checked once at start-up. Nothing
 * else reads process.env (apart from CARE_PORTAL_ROOT, which tells the build where it lives).
 *
 * Two modes:
 * - the local demo, when neither DATABASE_URL nor SESSION_SECRET is set (a fresh clone, `npm start`):
 *   embedded database, demo people seeded into an empty database, a random secret per process;
 * - a deployment otherwise: SESSION_SECRET (32+ characters) and PUBLIC_URL are required, demo
 *   people are never seeded, and the portal refuses to start while any demo account exists
 *   unless ALLOW_DEMO_DATA=true.
 */
const optionalText = z
  .string()
  .transform((v) => v.trim())
  .pipe(z.string().min(1))
  .optional();

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default("0.0.0.0"),
  TRUST_PROXY: z.string().optional(),
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//).optional(),
  DATA_DIR: z.string().min(1).default("data/pglite"),
  SESSION_SECRET: z.string().optional(),
  SECURE_COOKIES: z.enum(["true", "false"]).optional(),
  ALLOW_DEMO_DATA: z.enum(["true", "false"]).default("false"),
  SERVICE_NAME: optionalText,
  CRISIS_LINE_NAME: optionalText,
  CRISIS_LINE_NUMBER: z.string().regex(/^[0-9 +]+$/).default("0800 123 4567"),
  // "Exit this page" (decision 059): an https address elsewhere, or a path on this site.
  EXIT_PAGE_URL: z.union([z.url({ protocol: /^https?$/ }), z.string().regex(/^\/(?!\/)[^\s\\]*$/)]).optional(),
  PLAN_WORDING: z.enum(["cpa", "personalised"]).default("cpa"),
  COORDINATOR_WORDING: z.enum(["care_coordinator", "key_worker"]).default("care_coordinator"),
  REVIEW_INTERVAL_MONTHS: z.coerce.number().int().min(1).max(24).default(12),
  MESSAGE_REPLY_WORKING_DAYS: z.coerce.number().int().min(1).max(20).default(2),
  CARER_LEAD_NAME: z.string().min(1).default("Pat Morgan"),
  CARER_LEAD_CONTACT: z.string().min(1).default("01632 960100"),
  CARER_CENTRE_NAME: optionalText,
  CARER_CENTRE_CONTACT: z.string().min(1).default("01632 960200"),
  NHS_LOGIN_ISSUER: z.url({ protocol: /^https?$/ }).optional(),
  NHS_LOGIN_CLIENT_ID: optionalText,
  NHS_LOGIN_PRIVATE_KEY: z.string().optional(),
  NHS_LOGIN_PRIVATE_KEY_FILE: z.string().optional(),
  NHS_LOGIN_REDIRECT_URI: z.url({ protocol: /^https?$/ }).optional(),
  FHIR_IMPORT_CLIENT_ID: optionalText,
  FHIR_IMPORT_CLIENT_SECRET_SHA256: z.string().optional(),
  NOTIFY_API_KEY: z.string().optional(),
  NOTIFY_BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
  NOTIFY_TEMPLATE_UPDATE_EMAIL: z.uuid().optional(),
  NOTIFY_TEMPLATE_UPDATE_SMS: z.uuid().optional(),
  NOTIFY_TEMPLATE_PASSWORD_LINK_EMAIL: z.uuid().optional(),
  NOTIFY_TEMPLATE_INVITATION_EMAIL: z.uuid().optional(),
});

/**
 * The trust's record system as an OAuth 2 client (decision 053): it trades its id and secret for a
 * short-lived bearer token at POST /fhir/token, then posts bundles to POST /fhir/Bundle. Only the
 * SHA-256 of the secret is kept (the secret is random, 32 bytes or more, so a slow hash adds nothing).
 */
export interface FhirImportConfig {
  clientId: string;
  /** Lower-case hex. */
  clientSecretSha256: string;
}

/** The templates the portal sends, by the name the outbox keeps (decision 057). */
export interface NotifyTemplates {
  updateEmail: string;
  updateSms: string;
  passwordLinkEmail: string;
  invitationEmail: string;
}

/** GOV.UK Notify (decision 057): on when its API key and the four template ids are set. */
export interface NotifyConfig {
  /** The API key, "name-<service id>-<secret>". */
  apiKey: string;
  /** Notify's API, or a stand-in on loopback (the tests' fake server). */
  baseUrl: string;
  templates: NotifyTemplates;
}

/** Signing in with NHS login (decision 051): on when its issuer, client id and private key are all set. */
export interface NhsLoginConfig {
  /** The NHS login environment, such as https://auth.sandpit.signin.nhs.uk (no trailing slash). */
  issuer: string;
  clientId: string;
  /** The portal's RSA private key (PKCS #8 or PKCS #1 PEM) for private_key_jwt client authentication. */
  privateKeyPem: string;
  /** Registered with NHS login exactly as written here. */
  redirectUri: string;
}

/** Express's `trust proxy`: true/false, a number of hops, or a list of addresses and subnets. */
export type TrustProxy = boolean | number | string[];

export type Config = {
  env: "development" | "production" | "test";
  port: number;
  host: string;
  trustProxy: TrustProxy;
  /** Where people reach the portal; links in invitations are built from it. Null only in the local demo. */
  publicUrl: string | null;
  databaseUrl: string | undefined;
  dataDir: string;
  /** The local demo: neither DATABASE_URL nor SESSION_SECRET is set. */
  demo: boolean;
  /** A deployment that may hold the demo people (demonstrations and benchmarks). */
  allowDemoData: boolean;
  sessionSecret: string;
  secureCookies: boolean;
  /** Null means "use the translated default". */
  serviceName: string | null;
  crisisLine: { name: string | null; number: string };
  planWording: "cpa" | "personalised";
  coordinatorWording: "care_coordinator" | "key_worker";
  reviewIntervalMonths: number;
  /** How many working days the team usually takes to answer a message (the messages page says so). */
  messageReplyWorkingDays: number;
  /** The named carer lead (Triangle of Care standard 4) and the local carers' centre. */
  carers: { leadName: string; leadContact: string; centreName: string | null; centreContact: string };
  /** Null: NHS login is off and the sign-in page offers only email and password. */
  nhsLogin: NhsLoginConfig | null;
  /** Null: /fhir/token and /fhir/Bundle answer 404, and only `npm run fhir:import` imports. */
  fhirImport: FhirImportConfig | null;
  /** Null: nothing is sent; the outbox keeps every notification for staff to see (decision 057). */
  notify: NotifyConfig | null;
  /** Where "Exit this page" leads (decision 059). Null: our own neutral page, /new-tab, in the person's language. */
  exitPageUrl: string | null;
};

/** A setting that stops the portal from starting; the message is one plain line. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

const NAMED_RANGES = new Set(["loopback", "linklocal", "uniquelocal"]);

/** One entry of a TRUST_PROXY list as Express (proxy-addr) takes it: a named range, an address, or a subnet. */
function isProxyEntry(entry: string): boolean {
  if (NAMED_RANGES.has(entry)) return true;
  const [address = "", range, ...rest] = entry.split("/");
  const family = isIP(address);
  if (!family || rest.length) return false;
  if (range === undefined) return true;
  if (/^\d{1,3}$/.test(range)) return Number(range) <= (family === 4 ? 32 : 128);
  // An IPv4 netmask, as in 10.0.0.0/255.0.0.0.
  return family === 4 && isIP(range) === 4;
}

/**
 * TRUST_PROXY, turned into what Express's `trust proxy` takes: `true` (trust every proxy: only
 * behind one that sets X-Forwarded-For itself), a number of proxies in front, or a list of
 * addresses, subnets and the names loopback, linklocal and uniquelocal. Anything else stops the
 * portal from starting, rather than trusting the wrong addresses.
 */
export function parseTrustProxy(value: string | undefined): TrustProxy {
  const v = value?.trim().toLowerCase();
  if (!v || v === "false") return false;
  if (v === "true") return true;
  if (/^\d+$/.test(v)) return Number(v);
  const list = v.split(",").map((s) => s.trim()).filter(Boolean);
  const bad = list.find((s) => !isProxyEntry(s));
  if (bad !== undefined || !list.length) {
    throw new ConfigError(
      `TRUST_PROXY must be true, false, a number of proxies, or a comma-separated list of addresses or subnets (got "${bad ?? v}").`,
    );
  }
  return list;
}

/** A loopback address, where plain http is allowed (a provider run by the tests on this machine). */
function isLoopback(url: URL): boolean {
  return url.hostname === "localhost" || url.hostname === "127.0.0.1" || url.hostname === "[::1]";
}

type ParsedEnv = z.infer<typeof envSchema>;

/** NHS login's settings: all or none, https (loopback apart), and a private key that is an RSA key of 2048 bits or more. */
function parseNhsLogin(env: ParsedEnv, publicUrl: string | null): NhsLoginConfig | null {
  const given = [env.NHS_LOGIN_ISSUER, env.NHS_LOGIN_CLIENT_ID, env.NHS_LOGIN_PRIVATE_KEY ?? env.NHS_LOGIN_PRIVATE_KEY_FILE];
  if (given.every((v) => v === undefined)) return null;
  if (!env.NHS_LOGIN_ISSUER) throw new ConfigError("NHS_LOGIN_ISSUER is missing: NHS login needs its issuer URL, client id and private key together.");
  if (!env.NHS_LOGIN_CLIENT_ID) throw new ConfigError("NHS_LOGIN_CLIENT_ID is missing: NHS login needs its issuer URL, client id and private key together.");
  if (env.NHS_LOGIN_PRIVATE_KEY && env.NHS_LOGIN_PRIVATE_KEY_FILE) {
    throw new ConfigError("Set NHS_LOGIN_PRIVATE_KEY or NHS_LOGIN_PRIVATE_KEY_FILE, not both.");
  }
  let privateKeyPem = env.NHS_LOGIN_PRIVATE_KEY?.replace(/\\n/g, "\n");
  if (env.NHS_LOGIN_PRIVATE_KEY_FILE) {
    try {
      privateKeyPem = readFileSync(env.NHS_LOGIN_PRIVATE_KEY_FILE, "utf8");
    } catch {
      throw new ConfigError("NHS_LOGIN_PRIVATE_KEY_FILE could not be read.");
    }
  }
  if (!privateKeyPem) {
    throw new ConfigError("NHS_LOGIN_PRIVATE_KEY is missing: NHS login needs its issuer URL, client id and private key together.");
  }
  try {
    const key = createPrivateKey(privateKeyPem);
    if (key.asymmetricKeyType !== "rsa" || (key.asymmetricKeyDetails?.modulusLength ?? 0) < 2048) throw new Error();
  } catch {
    throw new ConfigError("The NHS login private key is not an RSA private key of 2048 bits or more in PEM form.");
  }
  const redirectUri = env.NHS_LOGIN_REDIRECT_URI ?? (publicUrl ? `${publicUrl}/login/nhs/callback` : null);
  if (!redirectUri) throw new ConfigError("NHS_LOGIN_REDIRECT_URI is missing (or set PUBLIC_URL): NHS login sends people back to it.");
  for (const [name, value] of [["NHS_LOGIN_ISSUER", env.NHS_LOGIN_ISSUER], ["NHS_LOGIN_REDIRECT_URI", redirectUri]] as const) {
    const url = new URL(value);
    if (url.protocol !== "https:" && !isLoopback(url)) throw new ConfigError(`${name} must use https.`);
  }
  return { issuer: env.NHS_LOGIN_ISSUER, clientId: env.NHS_LOGIN_CLIENT_ID, privateKeyPem, redirectUri };
}

const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
/** A Notify API key: its name, then the service id and the secret key, both UUIDs. */
const notifyKeyPattern = new RegExp(`^[A-Za-z0-9_-]+-${UUID}-${UUID}$`);

/** GOV.UK Notify's settings: the key and all four templates, or none of them. */
function parseNotify(env: ParsedEnv): NotifyConfig | null {
  const templates = {
    updateEmail: env.NOTIFY_TEMPLATE_UPDATE_EMAIL,
    updateSms: env.NOTIFY_TEMPLATE_UPDATE_SMS,
    passwordLinkEmail: env.NOTIFY_TEMPLATE_PASSWORD_LINK_EMAIL,
    invitationEmail: env.NOTIFY_TEMPLATE_INVITATION_EMAIL,
  };
  if (!env.NOTIFY_API_KEY) return null;
  if (!notifyKeyPattern.test(env.NOTIFY_API_KEY.trim())) {
    throw new ConfigError("NOTIFY_API_KEY is not a GOV.UK Notify API key (its name, then the service id and the key, as Notify shows it).");
  }
  const names: Record<keyof NotifyTemplates, string> = {
    updateEmail: "NOTIFY_TEMPLATE_UPDATE_EMAIL",
    updateSms: "NOTIFY_TEMPLATE_UPDATE_SMS",
    passwordLinkEmail: "NOTIFY_TEMPLATE_PASSWORD_LINK_EMAIL",
    invitationEmail: "NOTIFY_TEMPLATE_INVITATION_EMAIL",
  };
  for (const [key, value] of Object.entries(templates)) {
    if (!value) throw new ConfigError(`${names[key as keyof NotifyTemplates]} is missing: GOV.UK Notify needs all four template ids (see the README).`);
  }
  const baseUrl = (env.NOTIFY_BASE_URL ?? "https://api.notifications.service.gov.uk").replace(/\/+$/, "");
  if (!baseUrl.startsWith("https:") && !isLoopback(new URL(baseUrl))) throw new ConfigError("NOTIFY_BASE_URL must use https.");
  return { apiKey: env.NOTIFY_API_KEY.trim(), baseUrl, templates: templates as NotifyTemplates };
}

/** The record system's client: both settings or neither, and a secret's hash that is a SHA-256. */
function parseFhirImport(env: ParsedEnv): FhirImportConfig | null {
  const id = env.FHIR_IMPORT_CLIENT_ID;
  const hash = env.FHIR_IMPORT_CLIENT_SECRET_SHA256?.trim().toLowerCase();
  if (!id && !hash) return null;
  if (!id) throw new ConfigError("FHIR_IMPORT_CLIENT_ID is missing: the record system's import needs its client id and the SHA-256 of its secret together.");
  if (!hash) throw new ConfigError("FHIR_IMPORT_CLIENT_SECRET_SHA256 is missing: the record system's import needs its client id and the SHA-256 of its secret together.");
  if (!/^[0-9a-f]{64}$/.test(hash)) throw new ConfigError("FHIR_IMPORT_CLIENT_SECRET_SHA256 must be the SHA-256 of the secret as 64 hexadecimal characters.");
  return { clientId: id, clientSecretSha256: hash };
}

export function parseConfig(source: Record<string, string | undefined>): Config {
  // Empty values count as unset, as in most deployment tools.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    // Name the variable, never echo its value (it may be a secret).
    throw new ConfigError(`${String(issue.path[0])} is not valid: ${issue.message}.`);
  }
  const env = parsed.data;
  const demo = !env.SESSION_SECRET && !env.DATABASE_URL;
  if (!demo) {
    if (!env.SESSION_SECRET) {
      throw new ConfigError("SESSION_SECRET is missing: a deployment needs a random secret of at least 32 characters.");
    }
    if (env.SESSION_SECRET.length < 32) {
      throw new ConfigError("SESSION_SECRET is too short: use a random secret of at least 32 characters.");
    }
    if (!env.PUBLIC_URL) {
      throw new ConfigError("PUBLIC_URL is missing: a deployment needs the address people use, such as https://portal.example.nhs.uk.");
    }
  }
  const publicUrl = env.PUBLIC_URL ? env.PUBLIC_URL.replace(/\/+$/, "") : null;
  return {
    env: env.NODE_ENV,
    port: env.PORT,
    host: env.HOST,
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    publicUrl,
    databaseUrl: env.DATABASE_URL,
    dataDir: env.DATA_DIR,
    demo,
    allowDemoData: env.ALLOW_DEMO_DATA === "true",
    // The local demo gets a random secret for this process only.
    sessionSecret: env.SESSION_SECRET ?? randomBytes(32).toString("hex"),
    // Secure cookies whenever people reach the portal over https; the demo runs on http://localhost.
    secureCookies: env.SECURE_COOKIES ? env.SECURE_COOKIES === "true" : Boolean(publicUrl?.startsWith("https:")),
    serviceName: env.SERVICE_NAME ?? null,
    crisisLine: { name: env.CRISIS_LINE_NAME ?? null, number: env.CRISIS_LINE_NUMBER },
    planWording: env.PLAN_WORDING,
    coordinatorWording: env.COORDINATOR_WORDING,
    reviewIntervalMonths: env.REVIEW_INTERVAL_MONTHS,
    messageReplyWorkingDays: env.MESSAGE_REPLY_WORKING_DAYS,
    carers: {
      leadName: env.CARER_LEAD_NAME,
      leadContact: env.CARER_LEAD_CONTACT,
      centreName: env.CARER_CENTRE_NAME ?? null,
      centreContact: env.CARER_CENTRE_CONTACT,
    },
    nhsLogin: parseNhsLogin(env, publicUrl),
    fhirImport: parseFhirImport(env),
    notify: parseNotify(env),
    exitPageUrl: env.EXIT_PAGE_URL ?? null,
  };
}

let cached: Config | undefined;
export function config(): Config {
  cached ??= parseConfig(process.env);
  return cached;
}

/** A link people open (an invitation, a password link): from PUBLIC_URL, or in the local demo from the request. */
export function publicLink(path: string, request?: Request): string {
  const base = config().publicUrl ?? (request ? new URL(request.url).origin : `http://localhost:${config().port}`);
  return new URL(path, `${base}/`).href;
}
