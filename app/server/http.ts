/**
 * What the production server (index.ts) adds to every answer and every request, kept apart so the
 * unit tests can check it without starting a server: the security headers (pages and static
 * files alike, HSTS over TLS) and the 64 KB limit on a request's body.
 */
import { createHash } from "node:crypto";
import type { IncomingMessage } from "node:http";

/** No form in the portal comes near this; a bigger body is refused before anything reads it. */
export const BODY_LIMIT_BYTES = 64 * 1024;

/** A year; sent only when the portal is reached over TLS (a browser ignores it over plain http). */
export const HSTS = "max-age=31536000; includeSubDomains";

/**
 * The one inline style the pages carry: React Aria's "visually hidden" wrapper round the real
 * checkbox and radio inputs, as React writes it into the server's HTML (decision 034). Allowed by
 * its hash alone, so no other style attribute and no <style> element can apply.
 */
export const ALLOWED_INLINE_STYLES = [
  "border:0;clip:rect(0 0 0 0);clip-path:inset(50%);height:1px;margin:-1px;overflow:hidden;padding:0;position:absolute;width:1px;white-space:nowrap",
];

export function styleHash(style: string): string {
  return `'sha256-${createHash("sha256").update(style, "utf8").digest("base64")}'`;
}

/**
 * The Content-Security-Policy. Pages get a nonce for their scripts; static files (the stylesheet,
 * scripts, icon, fonts) get no scripts at all. Styles come from our stylesheet: no inline styles
 * but the one React Aria needs, by hash ('unsafe-hashes' lets a hash match a style attribute), and
 * React Aria's one <style> element, which carries the page's nonce.
 */
export function contentSecurityPolicy(nonce: string | null, formActions: string[] = []): string {
  return [
    "default-src 'self'",
    nonce ? `script-src 'nonce-${nonce}' 'strict-dynamic'` : "script-src 'self'",
    // The page's nonce lets React Aria add its one <style> element (it reads the nonce from
    // <meta property="csp-nonce">); hashes allow nothing but the exact style attributes listed.
    ["style-src 'self'", ...(nonce ? [`'nonce-${nonce}'`] : []), "'unsafe-hashes'", ...ALLOWED_INLINE_STYLES.map(styleHash)].join(" "),
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    // A form may also lead to NHS login (its origin, when it is on): "Continue with NHS login" posts
    // here and is redirected there, and browsers hold redirects after a form to this list too.
    ["form-action 'self'", ...formActions].join(" "),
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "object-src 'none'",
  ].join("; ");
}

/** Headers for every answer, pages and static files alike. `tls`: served over https. */
export function securityHeaders(options: { nonce: string | null; tls: boolean; formActions?: string[] }): Record<string, string> {
  return {
    "Content-Security-Policy": contentSecurityPolicy(options.nonce, options.formActions),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    ...(options.tls ? { "Strict-Transport-Security": HSTS } : {}),
  };
}

/**
 * Served over TLS: the public address is https (TLS ends at a proxy or load balancer in front),
 * or this request came over https (directly, or as a trusted proxy says in X-Forwarded-Proto).
 */
export function isTls(publicUrl: string | null, requestSecure: boolean): boolean {
  return requestSecure || Boolean(publicUrl?.startsWith("https:"));
}

export type BodyRead = { status: "ok"; body: Buffer } | { status: "too-large" };

/**
 * The request's body, at most `limit` bytes. A Content-Length over the limit is refused before a
 * byte is read; a body without one (chunked) is read only up to the limit, then refused.
 */
export function readLimitedBody(req: IncomingMessage, limit = BODY_LIMIT_BYTES): Promise<BodyRead> {
  const declared = req.headers["content-length"];
  if (declared !== undefined && !(/^\d+$/.test(declared) && Number(declared) <= limit)) {
    return Promise.resolve({ status: "too-large" });
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        cleanUp();
        req.pause();
        resolve({ status: "too-large" });
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      cleanUp();
      resolve({ status: "ok", body: Buffer.concat(chunks) });
    };
    const onError = (error: Error) => {
      cleanUp();
      reject(error);
    };
    const cleanUp = () => {
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("error", onError);
    };
    req.on("data", onData);
    req.on("end", onEnd);
    req.on("error", onError);
  });
}

/** How long, and how much, a refused body is still read after the answer, before the connection is closed. */
export const LINGER_MS = 2000;
export const LINGER_BYTES = 8 * 1024 * 1024;

/**
 * Close a connection whose body was refused (decision 036) without losing the answer. Closing a
 * socket that still has unread data resets it, and the client may then drop the 413 page it was
 * already sent (a browser shows "connection reset"). So, once the answer is written, what the
 * client is still sending is read and thrown away for a short while (a "lingering close", as web
 * servers do), then the socket is closed, whether the body has ended or not.
 */
export function closeAfterLingering(req: IncomingMessage): void {
  const socket = req.socket;
  // Node calls destroySoon once a "Connection: close" answer is written; here it lingers first.
  socket.destroySoon = function lingerThenDestroy(this: typeof socket) {
    let read = 0;
    const done = () => {
      clearTimeout(timer);
      this.destroy();
    };
    const timer = setTimeout(done, LINGER_MS);
    this.on("data", (chunk: Buffer) => {
      read += chunk.length;
      if (read > LINGER_BYTES) done();
    });
    this.once("end", done);
    this.once("error", done);
    this.end();
    req.resume();
    this.resume();
  };
}
