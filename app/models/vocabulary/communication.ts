/**
 * The Accessible Information Standard categories, and the language fields of UK Core
 * NHSCommunication. Constants only: shared by the pages and the server's validation.
 */
export const contactMethodsAis = ["letter", "email", "phone", "text", "via_someone"] as const;
export const informationFormats = ["large_print", "easy_read", "audio", "braille", "bsl_video", "plain_email", "attachment"] as const;
export const communicationSupport = [
  "bsl_interpreter",
  "deafblind_interpreter",
  "lipspeaker",
  "notetaker",
  "speech_to_text",
  "spoken_interpreter",
  "advocate",
  "more_time",
  "read_letters",
] as const;
export const languageModes = ["spoken", "signed", "written"] as const;
/**
 * How well the person knows a language (AD-04): UK Core NHSCommunication's proficiency level
 * (HL7 LanguageAbilityProficiency E, G, F, P), asked in plain words and optional.
 */
export const languageProficiencies = ["excellent", "good", "fair", "poor"] as const;
export type LanguageProficiency = (typeof languageProficiencies)[number];

/**
 * Languages people ask for most in UK mental health services, by BCP 47 code, each named in
 * itself. The English name comes from the translations (`communication:language.<code>`).
 */
export const languages = [
  { code: "ar", own: "العربية" },
  { code: "bfi", own: "British Sign Language" },
  { code: "bn", own: "বাংলা" },
  { code: "cy", own: "Cymraeg" },
  { code: "en", own: "English" },
  { code: "fa", own: "فارسی" },
  { code: "fr", own: "Français" },
  { code: "gu", own: "ગુજરાતી" },
  { code: "hi", own: "हिन्दी" },
  { code: "it", own: "Italiano" },
  { code: "ku", own: "Kurdî" },
  { code: "lt", own: "Lietuvių" },
  { code: "pa", own: "ਪੰਜਾਬੀ" },
  { code: "pl", own: "Polski" },
  { code: "ps", own: "پښتو" },
  { code: "pt", own: "Português" },
  { code: "ro", own: "Română" },
  { code: "so", own: "Soomaali" },
  { code: "es", own: "Español" },
  { code: "ta", own: "தமிழ்" },
  { code: "ti", own: "ትግርኛ" },
  { code: "tr", own: "Türkçe" },
  { code: "uk", own: "Українська" },
  { code: "ur", own: "اردو" },
  { code: "zh-Hans", own: "中文（简体）" },
  { code: "yue", own: "粵語" },
] as const;
export type LanguageCode = (typeof languages)[number]["code"];
export const languageCodes = languages.map((l) => l.code) as readonly string[];

/** What kind of interpreter or communication professional is asked for. */
export const interpreterNeeds = ["spoken", "bsl", "deafblind", "lipspeaker", "notetaker", "sttr"] as const;
/** Face to face first: it is what mental health appointments need most. */
export const interpreterModes = ["face_to_face", "video", "phone"] as const;
export const interpreterGenders = ["no_preference", "woman", "man"] as const;

/** Documents someone can ask for in another format (AD-11), and how it reaches them. */
export const formatDocuments = ["plan", "crisis_plan", "letters"] as const;
/** The formats a document can be asked for in: the recorded ones, or translated into the person's language. */
export const requestFormats = [...informationFormats, "translated"] as const;
export const formatDeliveries = ["post", "email", "appointment"] as const;
