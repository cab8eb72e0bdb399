import { generateKeyPairSync, randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import Provider, { type Configuration } from "oidc-provider";
import { publicJwks } from "~/web/nhs-login.server";

/**
 * A real OpenID provider on loopback, set up as NHS login is (its claims, `vtr` and `vot`, RS512
 * keys, private_key_jwt), for the end-to-end tests of signing in with NHS login (decision 051).
 * Keys are made here at test time; nothing is downloaded.
 */

/** A person NHS login knows: their claims and the level their identity was checked to. */
export interface TestNhsPerson {
  sub: string;
  /** "P9" gives the level the portal asked for (its first `vtr`); "P5" gives P5 whatever was asked. */
  level: "P9" | "P5";
  nhsNumber: string;
  givenName: string;
  familyName: string;
  birthdate: string;
  email: string;
}

export interface TestNhsLogin {
  issuer: string;
  clientId: string;
  /** The portal's private key (PEM): the provider holds only its public half. */
  portalKeyPem: string;
  /** The `vtr` of each authorisation request, as sent. */
  requestedVtr: string[];
  stop: () => Promise<void>;
}

const rsaKey = () => generateKeyPairSync("rsa", { modulusLength: 2048 });

function html(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body><main><h1>${title}</h1>${body}</main></body></html>`;
}

async function formBody(req: import("node:http").IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
}

/** Start the provider, registering one client with the portal's redirect URI and public key. */
export async function startTestNhsLogin(options: { redirectUri: string; people: TestNhsPerson[] }): Promise<TestNhsLogin> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientId = `care-portal-${randomUUID()}`;
  const portalKeyPem = rsaKey().privateKey.export({ format: "pem", type: "pkcs8" }).toString();
  const signingJwk = rsaKey().privateKey.export({ format: "jwk" });
  const people = new Map(options.people.map((p) => [p.sub, p]));
  // The level each person's last sign-in reached, from what the portal asked for (NHS login's `vot`).
  const votBySub = new Map<string, string>();
  const requestedVtr: string[] = [];

  const configuration: Configuration = {
    clients: [
      {
        client_id: clientId,
        redirect_uris: [options.redirectUri],
        response_types: ["code"],
        grant_types: ["authorization_code"],
        token_endpoint_auth_method: "private_key_jwt",
        token_endpoint_auth_signing_alg: "RS512",
        id_token_signed_response_alg: "RS512",
        jwks: publicJwks(portalKeyPem) as unknown as NonNullable<Configuration["jwks"]>,
      },
    ],
    jwks: { keys: [{ ...signingJwk, kid: "test-nhs-login-1", alg: "RS512", use: "sig" } as never] },
    enabledJWA: { idTokenSigningAlgValues: ["RS512"], clientAuthSigningAlgValues: ["RS512"] },
    clientAuthMethods: ["private_key_jwt"],
    extraParams: ["vtr"],
    // NHS login's claims; `vot` with the ID token's own claims, as NHS login sends it.
    claims: {
      openid: ["sub", "vot"],
      profile: ["nhs_number", "birthdate", "family_name", "given_name"],
      email: ["email"],
    },
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    features: { devInteractions: { enabled: false } },
    cookies: { keys: [randomUUID()] },
    // Short lives, as a test needs (and set, so the provider does not warn about its defaults).
    ttl: { AuthorizationCode: 60, Interaction: 600, Grant: 600, Session: 600, AccessToken: 600, IdToken: 600 },
    findAccount: (_ctx, sub) => {
      const person = people.get(sub);
      return {
        accountId: sub,
        claims: () => ({
          sub,
          vot: votBySub.get(sub),
          ...(person
            ? {
                nhs_number: person.nhsNumber,
                birthdate: person.birthdate,
                family_name: person.familyName,
                given_name: person.givenName,
                email: person.email,
              }
            : {}),
        }),
      };
    },
  };
  const provider = new Provider(issuer, configuration);

  // NHS login's own pages, reduced to one field: which person signs in.
  provider.use(async (ctx, next) => {
    const match = /^\/interaction\/([\w-]+)$/.exec(ctx.path);
    if (!match) return next();
    const details = await provider.interactionDetails(ctx.req, ctx.res);
    if (ctx.method === "GET") {
      ctx.type = "html";
      ctx.body = html(
        "Test NHS login",
        `<form method="post" action="/interaction/${details.uid}"><label for="sub">Test person</label><input id="sub" name="sub"><button type="submit">Sign in to NHS login</button></form>`,
      );
      return;
    }
    const sub = (await formBody(ctx.req)).get("sub") ?? "";
    const vtr = String(details.params.vtr ?? "");
    requestedVtr.push(vtr);
    const asked = (JSON.parse(vtr || "[]") as string[])[0] ?? "P0.Cp";
    votBySub.set(sub, people.get(sub)?.level === "P5" ? "P5.Cp.Cd" : asked);
    const grant = new provider.Grant({ accountId: sub, clientId: details.params.client_id as string });
    grant.addOIDCScope(String(details.params.scope));
    const grantId = await grant.save();
    const returnTo = await provider.interactionResult(ctx.req, ctx.res, { login: { accountId: sub }, consent: { grantId } }, { mergeWithLastSubmission: false });
    ctx.status = 303;
    ctx.redirect(returnTo);
  });
  server.on("request", provider.callback());

  return {
    issuer,
    clientId,
    portalKeyPem,
    requestedVtr,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
