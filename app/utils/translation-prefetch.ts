/**
 * The translation files start loading as soon as the browser reads the page's <head>, alongside its
 * scripts, instead of after them (decision 075). A small inline script starts one fetch per file
 * and leaves the promises on `window`; `entry.client` takes them instead of fetching again.
 *
 * A script, not `<link rel="preload">`: a preload is fetched even where scripts never run (scripts
 * turned off, or a browser too old for our modules), which would cost a person on a poor connection
 * about 50 KB they cannot use. The script runs only where modules can (the `noModule` test), so
 * those people download nothing extra, as before.
 */

/** Where the inline script leaves its fetches, by namespace. */
const GLOBAL = "__careTranslations";

/** The inline script for these files (namespace → path). The same text on the server and in the browser. */
export function translationPrefetchScript(files: Record<string, string>): string {
  // Escaped so that no path can close the script element (they are our own paths; this is a guard).
  const named = JSON.stringify(files).replace(/</g, "\\u003c");
  // A failed fetch is left for entry.client to see; `.catch` only stops the browser reporting it
  // as unhandled in the meantime.
  return (
    `(function(f){if(!("noModule" in document.createElement("script")))return;var p={};` +
    `for(var n in f){p[n]=fetch(f[n]).then(function(r){if(!r.ok)throw new Error("Translations not loaded ("+r.status+")");return r.json()});p[n].catch(function(){})}` +
    `window.${GLOBAL}=p})(${named})`
  );
}

/** The fetch the inline script started for this namespace, if it did (and takes it, so it is used once). */
export function takePrefetchedTranslation(ns: string): Promise<unknown> | undefined {
  const started = (window as unknown as Record<string, Record<string, Promise<unknown>> | undefined>)[GLOBAL];
  const promise = started?.[ns];
  if (started) delete started[ns];
  return promise;
}
