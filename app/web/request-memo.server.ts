import { AsyncLocalStorage } from "node:async_hooks";

/**
 * What one request has already read, shared by its loaders. Remix hands each nested loader its own
 * copy of the Request, so a memo keyed on the Request object alone is read once per loader: the
 * server (app/server/index.ts) runs each request in a scope of its own instead, and the loaders of a
 * GET share it. Nothing here outlives its request, so nothing read for one person reaches another.
 *
 * Only GET and HEAD share the scope: a form post's action may change what was read (a sign-out, a
 * grant withdrawn) before the page's loaders run, so each of its loaders reads afresh.
 */
const scope = new AsyncLocalStorage<Map<string, unknown>>();

/** Run one request's work (the server's call of the Remix handler) with a memo of its own. */
export function withRequestMemo<T>(work: () => T): T {
  return scope.run(new Map(), work);
}

const byRequest = new WeakMap<Request, Map<string, unknown>>();

/** `make()` once per request and key: later calls in the same request get the same value. */
export function memoForRequest<T>(request: Request, key: string, make: () => T): T {
  const shared = request.method === "GET" || request.method === "HEAD" ? scope.getStore() : undefined;
  let memo = shared ?? byRequest.get(request);
  if (!memo) {
    memo = new Map();
    byRequest.set(request, memo);
  }
  if (memo.has(key)) return memo.get(key) as T;
  const value = make();
  memo.set(key, value);
  return value;
}
