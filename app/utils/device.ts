/**
 * The browser and system of a session in plain words ("Chrome", "Android"), read from the
 * User-Agent when the session begins. Names only: never versions, never the whole string.
 * Order matters: Edge, Opera and Samsung Internet also say "Chrome", and Chrome also says "Safari".
 */
const browsers: [RegExp, string][] = [
  [/\bEdg(e|A|iOS)?\//, "Edge"],
  [/\b(OPR|Opera)\//, "Opera"],
  [/\bSamsungBrowser\//, "Samsung Internet"],
  [/\b(Firefox|FxiOS)\//, "Firefox"],
  [/\b(HeadlessChrome|Chrome|CriOS|Chromium)\//, "Chrome"],
  [/\bVersion\/[\d.]+.*Safari\//, "Safari"],
];
const platforms: [RegExp, string][] = [
  [/\bAndroid\b/, "Android"],
  [/\biPhone\b/, "iPhone"],
  [/\biPad\b/, "iPad"],
  [/\bCrOS\b/, "ChromeOS"],
  [/\bWindows\b/, "Windows"],
  [/\bMac OS X\b|\bMacintosh\b/, "macOS"],
  [/\bLinux\b/, "Linux"],
];

export function deviceOf(userAgent: string | null | undefined): { browser: string | null; platform: string | null } {
  const ua = (userAgent ?? "").slice(0, 512);
  return {
    browser: browsers.find(([pattern]) => pattern.test(ua))?.[1] ?? null,
    platform: platforms.find(([pattern]) => pattern.test(ua))?.[1] ?? null,
  };
}
