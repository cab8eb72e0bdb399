import type { LoaderFunctionArgs } from "@remix-run/node";
import { getNextReview } from "~/models/plan.server";
import { getDb } from "~/utils/db.server";
import { getFixedT } from "~/web/i18n.server";
import { formatDate } from "~/utils/locale-format";
import { calendarDownload } from "~/web/calendar.server";
import { requireRecord } from "~/web/guards.server";

/**
 * The next review as a calendar file, in the person's language: the title, and the date in words
 * at the top of the description. All-day: the time is agreed with the care team.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, account, serviceUserId } = await requireRecord(request, params, "record.view");
  const review = await getNextReview(getDb(), actor, serviceUserId);
  if (!review) throw new Response("Not found", { status: 404 });
  const { t, lng } = getFixedT(request, account.preferredLanguage);
  return calendarDownload(
    {
      uid: `review-${review.id}`,
      when: { day: review.nextReviewOn },
      summary: t("plan:reviews.calendarTitle"),
      description: `${formatDate(review.nextReviewOn, lng)}\n${t("plan:reviews.calendarDescription")}`,
      lng,
    },
    "next-review.ics",
  );
}
