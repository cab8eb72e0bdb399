import { readFile, stat } from "node:fs/promises";
import { z } from "zod";
import { config, publicLink } from "~/config.server";
import { AccountExistsError, createAccountWithLink } from "~/models/password-links.server";
import { describeImport, FHIR_IMPORT_MAX_BYTES, FhirImportError, importBundle, parseBundleText } from "~/models/fhir-import.server";
import { recordedImport } from "~/models/record-system-imports.server";
import { openAndMigrate } from "~/server/startup.server";
import type { DatabaseHandle } from "~/utils/db.server";
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

export const FHIR_IMPORT_USAGE = "Usage: npm run fhir:import -- bundle.json";

/**
 * `npm run fhir:import -- bundle.json`: a FHIR bundle from the trust's record system (decision 053),
 * the same import as POST /fhir/Bundle. Prints what changed, or what is wrong and that nothing was.
 */
export async function fhirImportCommand(args: string[], open: () => Promise<DatabaseHandle> = openAndMigrate): Promise<{ ok: boolean; message: string }> {
  const [file, ...rest] = args;
  if (!file || rest.length) return { ok: false, message: `Name one bundle file.\n${FHIR_IMPORT_USAGE}` };
  let text: string;
  try {
    if ((await stat(file)).size > FHIR_IMPORT_MAX_BYTES) {
      return { ok: false, message: `${file} is larger than ${FHIR_IMPORT_MAX_BYTES / 1024 / 1024} MB: split it, one person's record at a time. Nothing was changed.` };
    }
    text = await readFile(file, "utf8");
  } catch {
    return { ok: false, message: `${file} could not be read.` };
  }
  let bundle: Record<string, unknown>;
  try {
    bundle = parseBundleText(text);
  } catch (error) {
    if (error instanceof FhirImportError) return { ok: false, message: `${error.message}\nNothing was changed.` };
    throw error;
  }
  const handle = await open();
  try {
    const summary = await recordedImport(handle.db, "command", () => importBundle(handle.db, bundle));
    return { ok: true, message: describeImport(summary).join("\n") };
  } catch (error) {
    if (error instanceof FhirImportError) return { ok: false, message: `The bundle was not imported:\n${error.message}\nNothing was changed.` };
    throw error;
  } finally {
    await handle.close();
  }
}
