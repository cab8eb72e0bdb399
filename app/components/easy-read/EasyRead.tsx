import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useFormatDate } from "~/components/display/DisplayParts";
import { Link } from "~/components/ui/Link";
import { isolate } from "~/utils/bidi";

/**
 * Easy Read (CT-05, decision 061), following the published guidance (Mencap, the Department of
 * Health's "Making written information easier to understand"): one idea at a time, short
 * sentences, large text, a picture beside each idea, one column. The pictures are OpenMoji
 * (CC BY-SA 4.0; public/easy-read/LICENSE.md), served from our own origin. Each is decorative
 * (alt=""): the words beside it always say the whole idea, so nobody needs the picture.
 */
export const easyReadPictures = [
  "ambulance",
  "calendar",
  "clipboard",
  "clock",
  "ear",
  "family",
  "handshake",
  "hearing-aid",
  "hospital",
  "locked",
  "memo",
  "mobile",
  "mobile-call",
  "moon",
  "page",
  "person-asking",
  "phone",
  "pill",
  "printer",
  "prohibited",
  "sos",
  "sun",
  "thumbs-down",
  "thumbs-up",
  "unlocked",
  "warning",
] as const;
export type EasyReadPicture = (typeof easyReadPictures)[number];

/** One idea: its picture on the reading side's start, its words beside it. */
export function Idea({ picture, children }: { picture: EasyReadPicture; children: ReactNode }) {
  return (
    <div className="easy-read__idea">
      <img className="easy-read__picture" src={`/easy-read/${picture}.svg`} alt="" width={72} height={72} />
      <div className="easy-read__words">{children}</div>
    </div>
  );
}

/** A part of an Easy Read page under its own heading. */
export function EasyReadSection({ id, title, children }: { id: string; title: ReactNode; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="easy-read__section">
      <h2 className="heading-l" id={id}>
        {title}
      </h2>
      {children}
    </section>
  );
}

/**
 * An Easy Read page: its title, that it is Easy Read with the way back to the standard page, then
 * the ideas. `first`: what must come before even that (urgent help's Call 999, in view on a phone).
 */
export function EasyReadPage({ title, standardHref, first, children }: { title: string; standardHref: string; first?: ReactNode; children: ReactNode }) {
  const { t } = useTranslation(["easyread"]);
  return (
    <div className="easy-read">
      <h1 className="heading-xl">{title}</h1>
      {first}
      <p className="easy-read__version no-print">
        {t("easyread:common.thisIsEasyRead")} <Link href={standardHref}>{t("easyread:common.standardLink")}</Link>
      </p>
      {children}
    </div>
  );
}

/** On an Easy Read page about someone else's record: whose it is, and that it speaks to them as "you". */
export function ForSomeoneElse({ name }: { name: string }) {
  const { t } = useTranslation(["easyread"]);
  return (
    <Idea picture="family">
      <p>{t("easyread:common.forThem", { name: isolate(name) })}</p>
    </Idea>
  );
}

/** On the plan's Easy Read pages: when the plan last changed, that the boxes hold its words, and to ask. */
export function FromThePlan({ versionDate }: { versionDate: string | null }) {
  const { t } = useTranslation(["easyread"]);
  const formatDate = useFormatDate();
  return (
    <>
      {versionDate ? (
        <Idea picture="calendar">
          <p>{t("easyread:crisis.updated", { date: formatDate(versionDate) })}</p>
        </Idea>
      ) : null}
      <Idea picture="memo">
        <p>{t("easyread:crisis.theirWords")}</p>
      </Idea>
      <Idea picture="person-asking">
        <p>{t("easyread:crisis.ask")}</p>
      </Idea>
    </>
  );
}

/** At the end of the plan's Easy Read pages: the plan on paper in Easy Read (`formatHref`: the person's own), and printing. */
export function PaperAndPrint({ formatHref }: { formatHref: string | null }) {
  const { t } = useTranslation(["easyread"]);
  return (
    <>
      {formatHref ? (
        <Idea picture="page">
          <p>{t("easyread:crisis.otherFormat")}</p>
          <p className="no-print">
            <Link href={formatHref}>{t("easyread:crisis.otherFormatLink")}</Link>
          </p>
        </Idea>
      ) : null}
      <div className="no-print">
        <Idea picture="printer">
          <p>{t("easyread:crisis.print")}</p>
        </Idea>
      </div>
    </>
  );
}

/** On a standard page: the link to its Easy Read version. */
export function EasyReadLink({ href }: { href: string }) {
  const { t } = useTranslation(["easyread"]);
  return (
    <p className="easy-read-link no-print">
      <Link href={href}>{t("easyread:common.easyReadLink")}</Link>
    </p>
  );
}
