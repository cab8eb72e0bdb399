/** Languages and namespaces shared by server and browser. */
/** Each language named in itself, in its own script (the switcher shows these names). */
export const languages = [
  { code: "en-GB", name: "English", dir: "ltr" },
  { code: "cy", name: "Cymraeg", dir: "ltr" },
  { code: "pl", name: "Polski", dir: "ltr" },
  { code: "ro", name: "Română", dir: "ltr" },
  { code: "pa", name: "ਪੰਜਾਬੀ", dir: "ltr" },
  { code: "ur", name: "اردو", dir: "rtl" },
  { code: "bn", name: "বাংলা", dir: "ltr" },
  { code: "ar", name: "العربية", dir: "rtl" },
  { code: "so", name: "Soomaali", dir: "ltr" },
  { code: "zh-Hans", name: "简体中文", dir: "ltr" },
] as const;

export type LanguageCode = (typeof languages)[number]["code"];
export const defaultLanguage: LanguageCode = "en-GB";
export const namespaces = ["common", "auth", "home", "pages", "validation", "plan", "carers", "communication", "requests", "advocacy", "decisions", "glossary", "attention", "admin", "appointments", "messages", "easyread"] as const;
export type Namespace = (typeof namespaces)[number];

export function isSupportedLanguage(value: unknown): value is LanguageCode {
  return typeof value === "string" && languages.some((l) => l.code === value);
}

export function directionOf(code: LanguageCode): "ltr" | "rtl" {
  return languages.find((l) => l.code === code)?.dir ?? "ltr";
}

/** Match a BCP 47 tag (any case, with or without region) to a supported language. */
export function matchLanguage(tag: string): LanguageCode | undefined {
  const lower = tag.trim().toLowerCase();
  const exact = languages.find((l) => l.code.toLowerCase() === lower);
  if (exact) return exact.code;
  const base = lower.split("-")[0];
  if (base === "en") return "en-GB";
  return languages.find((l) => l.code.toLowerCase().split("-")[0] === base)?.code;
}

/** Pick from an Accept-Language header, honouring q-values. */
export function pickFromAcceptLanguage(header: string | null): LanguageCode | undefined {
  if (!header) return undefined;
  const ranked = header
    .split(",")
    .map((part) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      return { tag, q: q ? Number(q.slice(2)) : 1 };
    })
    .filter((r) => r.tag && r.tag !== "*" && Number.isFinite(r.q) && r.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const r of ranked) {
    const match = matchLanguage(r.tag);
    if (match) return match;
  }
  return undefined;
}

export type Resources = Record<string, Record<string, unknown>>;
