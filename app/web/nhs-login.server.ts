import { createHash, createPrivateKey, createPublicKey, type webcrypto } from "node:crypto";
import * as oidc from "openid-client";
import { config, type NhsLoginConfig } from "~/config.server";
import { seal, unseal } from "~/utils/crypto.server";
import { logError } from "~/utils/log.server";
import { safeRedirect } from "~/utils/safe-redirect";
import { readCookie, serializeCookie } from "./cookies.server";

/**
 * Signing in with NHS login (requirements SE-01 to SE-03, decision 051): the OpenID Connect
 * authorisation code flow through `openid-client`, with state, nonce and PKCE (S256), the portal
 * authenticating itself with a JWT signed by its own private key (private_key_jwt, RS512), and
 * ID tokens checked for issuer, audience, signature (RS512), nonce and expiry by the library.
 */

/** The identity levels a record needs (NHS login's "vectors of trust"): P9, high proof, with two factors. */
export const RECORD_VTR = ["P9.Cp.Cd", "P9.Cp.Ck", "P9.Cm"] as const;
const FLOW_COOKIE = "nhs_login_flow";
/** How long a person has at NHS login before the flow has to start again. */
const FLOW_SECONDS = 10 * 60;
const SEAL_PURPOSE = "nhs-login-flow";

/** What the portal remembers between sending a person to NHS login and their coming back. */
interface Flow {
  state: string;
  nonce: string;
  verifier: string;
  redirectTo: string;
  /** An invitation token, when the flow started from an invitation: the first sign-in links with it. */
  invitation: string | null;
  /**
   * Set when a signed-in person started the flow from "Your account" to link NHS login to their
   * account: which account, and which session (its public id). The answer links only to that
   * account, in that same session (decision 066).
   */
  link?: NhsLoginLink | null;
  expiresAt: number;
}

export interface NhsLoginLink {
  accountId: string;
  sessionId: string;
  /**
   * What the signed-in person came for: to link NHS login ("link", the default), or to sign in with
   * the NHS login already linked again before setting a first password ("again", decision 067).
   */
  purpose?: "link" | "again";
}

export function nhsLoginEnabled(): boolean {
  return config().nhsLogin !== null;
}

/** A JWK thumbprint (RFC 7638) of the public key: the `kid` NHS login finds our key by. */
function keyId(jwk: webcrypto.JsonWebKey): string {
  return createHash("sha256").update(JSON.stringify({ e: jwk.e, kty: jwk.kty, n: jwk.n })).digest("base64url");
}

/** The public half of the portal's key as a JWKS, to give NHS login when registering (`nhs-login:jwks`). */
export function publicJwks(privateKeyPem: string): { keys: Record<string, string>[] } {
  const jwk = createPublicKey(createPrivateKey(privateKeyPem)).export({ format: "jwk" });
  return { keys: [{ kty: String(jwk.kty), n: String(jwk.n), e: String(jwk.e), kid: keyId(jwk), alg: "RS512", use: "sig" }] };
}

async function signingKey(privateKeyPem: string): Promise<oidc.PrivateKey> {
  const key = createPrivateKey(privateKeyPem);
  const cryptoKey = await globalThis.crypto.subtle.importKey(
    "pkcs8",
    key.export({ format: "der", type: "pkcs8" }),
    { name: "RSASSA-PKCS1-v1_5", hash: "SHA-512" },
    false,
    ["sign"],
  );
  return { key: cryptoKey, kid: keyId(createPublicKey(key).export({ format: "jwk" })) };
}

let discovered: Promise<oidc.Configuration> | undefined;

/** NHS login's metadata and keys, fetched once (and again after a failure). */
function clientConfiguration(settings: NhsLoginConfig): Promise<oidc.Configuration> {
  discovered ??= (async () => {
    const issuer = new URL(settings.issuer);
    return oidc.discovery(
      issuer,
      settings.clientId,
      { id_token_signed_response_alg: "RS512", token_endpoint_auth_signing_alg: "RS512" },
      oidc.PrivateKeyJwt(await signingKey(settings.privateKeyPem)),
      // Plain http only for a provider on this machine (the tests'); config.server.ts allows no other.
      issuer.protocol === "http:" ? { execute: [oidc.allowInsecureRequests], timeout: 15 } : { timeout: 15 },
    );
  })();
  discovered.catch(() => (discovered = undefined));
  return discovered;
}

function flowCookie(flow: Flow | null): string {
  if (!flow) return serializeCookie(FLOW_COOKIE, "", { maxAgeSeconds: 0 });
  return serializeCookie(FLOW_COOKIE, seal(SEAL_PURPOSE, JSON.stringify(flow), FLOW_COOKIE), { maxAgeSeconds: FLOW_SECONDS });
}

function readFlow(request: Request, now: Date): Flow | null {
  const sealed = readCookie(request, FLOW_COOKIE);
  const plain = sealed ? unseal(SEAL_PURPOSE, sealed, FLOW_COOKIE) : null;
  if (!plain) return null;
  const flow = JSON.parse(plain) as Flow;
  return flow.expiresAt > now.getTime() ? flow : null;
}

/**
 * Where to send the person (NHS login's authorisation endpoint) and the short-lived cookie that
 * binds the answer to this browser. Null when NHS login is off or cannot be reached.
 */
export async function startNhsLogin(
  input: { redirectTo: string; invitation: string | null; link?: NhsLoginLink },
  now = new Date(),
): Promise<{ location: string; setCookie: string } | null> {
  const settings = config().nhsLogin;
  if (!settings) return null;
  let configuration: oidc.Configuration;
  try {
    configuration = await clientConfiguration(settings);
  } catch (error) {
    logError("NHS login discovery", error);
    return null;
  }
  const verifier = oidc.randomPKCECodeVerifier();
  const flow: Flow = {
    state: oidc.randomState(),
    nonce: oidc.randomNonce(),
    verifier,
    redirectTo: safeRedirect(input.redirectTo),
    invitation: input.invitation,
    link: input.link ?? null,
    expiresAt: now.getTime() + FLOW_SECONDS * 1000,
  };
  const url = oidc.buildAuthorizationUrl(configuration, {
    redirect_uri: settings.redirectUri,
    scope: "openid profile email",
    state: flow.state,
    nonce: flow.nonce,
    code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
    code_challenge_method: "S256",
    vtr: JSON.stringify(RECORD_VTR),
    // Signing in again (decision 067): NHS login asks for the person's details even if it remembers them.
    ...(input.link?.purpose === "again" ? { prompt: "login" } : {}),
  });
  return { location: url.href, setCookie: flowCookie(flow) };
}

export type NhsLoginResult =
  /** No flow in this browser, another browser's state, an error from NHS login, or a token that failed a check. */
  | { status: "failed" }
  /** The person stopped at NHS login (access_denied). */
  | { status: "cancelled" }
  /** A good token, but at a lower identity level than a record needs (such as P5). */
  | { status: "level" }
  | { status: "ok"; subject: string; nhsNumber: string | null; redirectTo: string; invitation: string | null };

/** What came back, and whether the flow was one to link NHS login to a signed-in account. */
export interface FinishedNhsLogin {
  result: NhsLoginResult;
  link: NhsLoginLink | null;
  setCookie: string;
}

/**
 * The person is back from NHS login: check the answer against this browser's flow (state), swap the
 * code for tokens (PKCE verifier, signed client assertion), let the library check the ID token
 * (iss, aud, signature, nonce, expiry), then check its `vot` against what a record needs.
 * The flow cookie is cleared whatever happens: a code is used once.
 */
export async function finishNhsLogin(request: Request, now = new Date()): Promise<FinishedNhsLogin> {
  const clear = flowCookie(null);
  const settings = config().nhsLogin;
  const flow = readFlow(request, now);
  const params = new URL(request.url).searchParams;
  if (!settings || !flow) return { result: { status: "failed" }, link: null, setCookie: clear };
  const link = flow.link ?? null;
  if (params.get("error") === "access_denied" && params.get("state") === flow.state) {
    return { result: { status: "cancelled" }, link, setCookie: clear };
  }
  // The address NHS login sent the person to, exactly as registered, with its answer (code, state).
  const callback = new URL(settings.redirectUri);
  for (const [key, value] of params) callback.searchParams.append(key, value);
  try {
    const configuration = await clientConfiguration(settings);
    const tokens = await oidc.authorizationCodeGrant(configuration, callback, {
      pkceCodeVerifier: flow.verifier,
      expectedState: flow.state,
      expectedNonce: flow.nonce,
      idTokenExpected: true,
    });
    const claims = tokens.claims();
    if (!claims) return { result: { status: "failed" }, link, setCookie: clear };
    if (typeof claims.vot !== "string" || !(RECORD_VTR as readonly string[]).includes(claims.vot)) {
      return { result: { status: "level" }, link, setCookie: clear };
    }
    const nhsNumber = typeof claims.nhs_number === "string" && /^\d{10}$/.test(claims.nhs_number) ? claims.nhs_number : null;
    return {
      result: { status: "ok", subject: claims.sub, nhsNumber, redirectTo: flow.redirectTo, invitation: flow.invitation },
      link,
      setCookie: clear,
    };
  } catch (error) {
    // A state that does not match, a bad signature, the wrong audience: the kind only, never the token.
    logError("NHS login callback", error);
    return { result: { status: "failed" }, link, setCookie: clear };
  }
}
