import { randomBytes } from "node:crypto";
import { z } from "zod";

/**
 * Trust-specific words and numbers, and deployment settings, parsed once from the
 * environment. Nothing else reads process.env.
 */
const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//).optional(),
  DATA_DIR: z.string().default("data/pglite"),
  SESSION_SECRET: z.string().min(16).optional(),
  SECURE_COOKIES: z.enum(["true", "false"]).optional(),
  SERVICE_NAME: z.string().min(1).optional(),
  CRISIS_LINE_NAME: z.string().min(1).optional(),
  CRISIS_LINE_NUMBER: z.string().regex(/^[0-9 +]+$/).default("0800 123 4567"),
  PLAN_WORDING: z.enum(["cpa", "personalised"]).default("cpa"),
  COORDINATOR_WORDING: z.enum(["care_coordinator", "key_worker"]).default("care_coordinator"),
  REVIEW_INTERVAL_MONTHS: z.coerce.number().int().min(1).max(24).default(12),
  CARER_LEAD_NAME: z.string().min(1).default("Pat Morgan"),
  CARER_LEAD_CONTACT: z.string().min(1).default("01632 960100"),
  CARER_CENTRE_NAME: z.string().min(1).optional(),
  CARER_CENTRE_CONTACT: z.string().min(1).default("01632 960200"),
});

export type Config = {
  env: "development" | "production" | "test";
  port: number;
  databaseUrl: string | undefined;
  dataDir: string;
  /** True when no SESSION_SECRET is set: the local demo. */
  demo: boolean;
  sessionSecret: string;
  secureCookies: boolean;
  /** Null means "use the translated default". */
  serviceName: string | null;
  crisisLine: { name: string | null; number: string };
  planWording: "cpa" | "personalised";
  coordinatorWording: "care_coordinator" | "key_worker";
  reviewIntervalMonths: number;
  /** The named carer lead (Triangle of Care standard 4) and the local carers' centre. */
  carers: { leadName: string; leadContact: string; centreName: string | null; centreContact: string };
};

export function parseConfig(source: Record<string, string | undefined>): Config {
  const env = envSchema.parse(source);
  // No SESSION_SECRET means the local demo: a random secret for this process only, and
  // cookies without Secure so that http://localhost works in every browser.
  const demo = !env.SESSION_SECRET;
  return {
    env: env.NODE_ENV,
    port: env.PORT,
    databaseUrl: env.DATABASE_URL,
    dataDir: env.DATA_DIR,
    demo,
    sessionSecret: env.SESSION_SECRET ?? randomBytes(32).toString("hex"),
    secureCookies: env.SECURE_COOKIES ? env.SECURE_COOKIES === "true" : !demo,
    serviceName: env.SERVICE_NAME ?? null,
    crisisLine: { name: env.CRISIS_LINE_NAME ?? null, number: env.CRISIS_LINE_NUMBER },
    planWording: env.PLAN_WORDING,
    coordinatorWording: env.COORDINATOR_WORDING,
    reviewIntervalMonths: env.REVIEW_INTERVAL_MONTHS,
    carers: {
      leadName: env.CARER_LEAD_NAME,
      leadContact: env.CARER_LEAD_CONTACT,
      centreName: env.CARER_CENTRE_NAME ?? null,
      centreContact: env.CARER_CENTRE_CONTACT,
    },
  };
}

let cached: Config | undefined;
export function config(): Config {
  cached ??= parseConfig(process.env);
  return cached;
}
