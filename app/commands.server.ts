import { z } from "zod";
import { config, publicLink } from "~/config.server";
import { AccountExistsError, createAccountWithLink } from "~/models/password-links.server";
import { openAndMigrate } from "~/server/startup.server";
import { readOptions } from "~/utils/options";
import { publicJwks } from "~/web/nhs-login.server";

export { readOptions };

const accountArgs = z.object({
  role: z.enum(["staff", "admin"]),
  email: z.email(),
  name: z.string().trim().min(1).max(200),
});

export const ACCOUNT_CREATE_USAGE =
  'Usage: npm run account:create -- --role staff|admin --email someone@trust.nhs.uk --name "Their Name"';

/**
 * `npm run account:create`: the first staff and admin accounts of a deployment (and any later
 * ones). Prints a one-time link to set the password; nobody else sees it.
 */
export async function accountCreateCommand(args: string[]): Promise<{ ok: boolean; message: string }> {
  const parsed = accountArgs.safeParse(Object.fromEntries(readOptions(args)));
  if (!parsed.success) {
    const field = String(parsed.error.issues[0]?.path[0] ?? "");
    return { ok: false, message: `--${field} is missing or not valid.\n${ACCOUNT_CREATE_USAGE}` };
  }
  const handle = await openAndMigrate();
  try {
    const { token } = await createAccountWithLink(handle.db, {
      email: parsed.data.email,
      displayName: parsed.data.name,
      role: parsed.data.role,
    });
    const link = publicLink(`/password/${token}`);
    const note = config().publicUrl ? "" : "\n(No PUBLIC_URL is set, so the link uses localhost.)";
    return {
      ok: true,
      message: `Account made (${parsed.data.role}). Send this one-time link to ${parsed.data.name} to set a password; it works for 7 days:\n${link}${note}`,
    };
  } catch (error) {
    if (error instanceof AccountExistsError) return { ok: false, message: "An account already uses this email address." };
    throw error;
  } finally {
    await handle.close();
  }
}

/**
 * `node build/server.js nhs-login:jwks`: the public half of NHS_LOGIN_PRIVATE_KEY as a JSON Web Key
 * Set, to give NHS login when registering the portal (README, "NHS login"). Never the private key.
 */
export function nhsLoginJwksCommand(): { ok: boolean; message: string } {
  const settings = config().nhsLogin;
  if (!settings) return { ok: false, message: "NHS login is not set up: set NHS_LOGIN_ISSUER, NHS_LOGIN_CLIENT_ID and NHS_LOGIN_PRIVATE_KEY (or _FILE)." };
  return { ok: true, message: JSON.stringify(publicJwks(settings.privateKeyPem), null, 2) };
}
