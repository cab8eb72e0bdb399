import { useTranslation } from "react-i18next";
import type { ChannelRules } from "~/models/vocabulary/notifications";

/**
 * For someone who needs letters, large print or braille: the team posts them a letter. "Too" only
 * when email or text messages are possible as well; when letters are all they can have, it is the
 * letter alone.
 */
export function LetterNotice({ rules }: { rules: ChannelRules }) {
  const { t } = useTranslation(["auth"]);
  if (!rules.letter) return null;
  const lettersOnly = !rules.email && !rules.sms;
  return <p className="inset">{t(lettersOnly ? "auth:notifications.letterOnly" : "auth:notifications.letter")}</p>;
}
