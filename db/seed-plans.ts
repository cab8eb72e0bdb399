import type { Db } from "~/utils/db.server";
import {
  carePlanVersions,
  careTeamMembers,
  dialogRatings,
  dialogRatingSets,
  goalProgress,
  goals,
  recoveryStatements,
  reviews,
  type PlanContent,
} from "./schema/index";

const DAY = 24 * 60 * 60 * 1000;
const isoDate = (d: Date) => d.toISOString().slice(0, 10);

export const samPlanV1: PlanContent = {
  needs: {
    mentalHealth:
      "Sam hears voices that are hard to live with when he is stressed. He sometimes feels very low in winter.",
    physicalHealth: "Sam has asthma. His medication can make him put on weight, so he wants to keep active.",
    socialCare: "Sam lives alone in a council flat. He would like help with money and bills.",
    risks: "When Sam is very unwell he stops eating and does not answer the door.",
    strengths: "Sam is a good cook, loves football and keeps in touch with his brother Alex.",
  },
  support: [
    { who: "Jo Okafor (care coordinator)", what: "Meets Sam to talk about how things are going", howOften: "Every 2 weeks" },
    { who: "Dr Amina Patel (psychiatrist)", what: "Reviews Sam's medication", howOften: "Every 3 months" },
    { who: "Ben Lewis (council housing officer)", what: "Helps with the flat, rent and bills", howOften: "When needed" },
    { who: "Mind in the community", what: "Weekly walking group and peer support", howOften: "Every Thursday" },
  ],
  crisis: {
    earlyWarningSigns: "I stop sleeping, I stop cooking, and I stop answering my phone.",
    whatHelps: "A phone call from Alex. Going for a walk. Being reminded to take my medication.",
    whatHasNotHelped: "Being told to calm down. Going into hospital far from home.",
    mostResponsiveTo: "My brother Alex, and Jo.",
    howToReachThem: "Alex: 07700 900123. Jo: through the community team.",
    dayContact: "Community mental health team, 9am to 5pm, Monday to Friday: 01632 960000",
    nightContact: "Crisis team, evenings, nights and weekends: 0800 123 4567",
    treatmentPreferences: "I would rather have home treatment than go into hospital.",
    treatmentRefusals: "I do not want olanzapine again, because of the weight gain.",
    dependants: "I have a cat, Biscuit. My neighbour Pat has a key and will feed her.",
    ifSupportFails: "If Jo is away, the duty worker at the community team will call me.",
  },
  wishes: {
    advanceStatement: "If I am unwell, please talk to Alex. I want to stay at home if I can.",
    advanceDecisionExists: false,
  },
};

/** Version 2: Jo updated the crisis plan after the last review. */
export const samPlanV2: PlanContent = {
  ...samPlanV1,
  crisis: {
    ...samPlanV1.crisis,
    whatHelps: "A phone call from Alex. Going for a walk. Being reminded to take my medication. Listening to music.",
  },
};

export const mayaPlan: PlanContent = {
  needs: {
    mentalHealth: "Maya has panic attacks, mostly when travelling.",
    physicalHealth: "No physical health needs at the moment.",
    socialCare: "Maya works part time and lives with her partner.",
    risks: "No risks recorded.",
    strengths: "Maya is organised and knows what helps her.",
  },
  support: [{ who: "Tom Hughes (lead professional)", what: "Talking therapy sessions", howOften: "Every week" }],
  crisis: {
    earlyWarningSigns: "I avoid going out.",
    whatHelps: "Breathing exercises and talking to my partner.",
    whatHasNotHelped: "Being rushed.",
    mostResponsiveTo: "My partner.",
    howToReachThem: "Through Tom.",
    dayContact: "Community team: 01632 960001",
    nightContact: "Crisis line: 0800 123 4567",
    treatmentPreferences: "Talking therapy.",
    treatmentRefusals: "",
    dependants: "None.",
    ifSupportFails: "Call the community team.",
  },
  wishes: { advanceStatement: "", advanceDecisionExists: false },
};

/** Sam's full CPA plan and Maya's shorter LPC plan, dated around `now`. */
export async function seedPlans(
  db: Db,
  ids: { sam: string; maya: string; samAccount: string; jo: string; tom: string },
  now = new Date(),
): Promise<void> {
  const daysAgo = (n: number) => new Date(now.getTime() - n * DAY);
  await db.insert(carePlanVersions).values([
    { serviceUserId: ids.sam, version: 1, content: samPlanV1, changedSections: [], createdBy: ids.jo, createdAt: daysAgo(200) },
    { serviceUserId: ids.sam, version: 2, content: samPlanV2, changedSections: ["crisis"], createdBy: ids.jo, createdAt: daysAgo(30) },
    { serviceUserId: ids.maya, version: 1, content: mayaPlan, changedSections: [], createdBy: ids.tom, createdAt: daysAgo(60) },
  ]);
  await db.insert(careTeamMembers).values([
    { serviceUserId: ids.sam, name: "Jo Okafor", role: "Care coordinator (community mental health nurse)", organisation: "Riverside Community Mental Health Team", agency: "nhs", contact: "01632 960000", whenToContact: "Monday to Friday, 9am to 5pm", isCoordinator: true, accountId: ids.jo, position: 0 },
    { serviceUserId: ids.sam, name: "Dr Amina Patel", role: "Psychiatrist", organisation: "Riverside Community Mental Health Team", agency: "nhs", contact: "Through Jo or the team office", whenToContact: "Monday to Friday", position: 1 },
    { serviceUserId: ids.sam, name: "Ben Lewis", role: "Housing officer", organisation: "Riverside Council housing team", agency: "council", contact: "01632 960555", whenToContact: "Monday to Thursday, 10am to 4pm", position: 2 },
    { serviceUserId: ids.sam, name: "Kerry Jones", role: "Peer support worker", organisation: "Mind in the community", agency: "charity", contact: "01632 960777", whenToContact: "Thursdays", position: 3 },
    { serviceUserId: ids.maya, name: "Tom Hughes", role: "Lead professional (psychologist)", organisation: "Eastside Primary Care Mental Health Team", agency: "nhs", contact: "01632 960001", whenToContact: "Monday to Friday, 9am to 5pm", isCoordinator: true, accountId: ids.tom, position: 0 },
  ]);
  await db.insert(reviews).values([
    { serviceUserId: ids.sam, heldOn: isoDate(daysAgo(30)), attendees: "Sam, Alex, Jo Okafor, Dr Amina Patel", summary: "Sam is doing well at the walking group. We added music to what helps in a crisis.", nextReviewOn: isoDate(new Date(now.getTime() + 150 * DAY)), recordedBy: ids.jo },
    { serviceUserId: ids.maya, heldOn: isoDate(daysAgo(400)), attendees: "Maya, Tom Hughes", summary: "Maya wants to try travelling by bus again.", nextReviewOn: isoDate(daysAgo(35)), recordedBy: ids.tom },
  ]);
  await db.insert(recoveryStatements).values([
    { serviceUserId: ids.sam, version: 1, body: "Recovery means getting my life back.", writtenBy: ids.samAccount, createdAt: daysAgo(190) },
    { serviceUserId: ids.sam, version: 2, body: "Recovery means living on my own terms. Cooking for friends, watching the football, and having the voices quieter, even if they never go away.", writtenBy: ids.samAccount, createdAt: daysAgo(40) },
  ]);
  const [walking] = await db
    .insert(goals)
    .values([
      { serviceUserId: ids.sam, what: "Walk to the park three times a week", why: "It clears my head and helps my asthma.", firstStep: "Go to the Thursday walking group.", whoCanHelp: "Kerry from Mind", status: "active", createdBy: ids.samAccount, createdAt: daysAgo(185) },
      { serviceUserId: ids.sam, what: "Cook a meal for Alex once a month", why: "I want to give something back.", firstStep: "Plan a menu.", whoCanHelp: "Alex", status: "active", createdBy: ids.samAccount, createdAt: daysAgo(90) },
      { serviceUserId: ids.sam, what: "Sort out my gas bill", why: "The letters worry me.", firstStep: "Ring Ben.", whoCanHelp: "Ben Lewis", status: "done", createdBy: ids.samAccount, createdAt: daysAgo(120) },
    ])
    .returning({ id: goals.id });
  const ratings = [3, 3, 4, 4, 5, 4, 5, 6, 5, 6, 7, 6, 7];
  await db.insert(goalProgress).values(
    ratings.map((rating, i) => ({
      goalId: walking!.id,
      rating,
      note: i === 0 ? "Went once. It was hard to get out of the door." : i === ratings.length - 1 ? "Three walks this week!" : "",
      recordedAt: daysAgo(180 - i * 14),
      recordedBy: ids.samAccount,
    })),
  );
  // "How I am doing" twice (CP-14): before last month's review, and two weeks ago.
  const sets = await db
    .insert(dialogRatingSets)
    .values([
      { serviceUserId: ids.sam, recordedAt: daysAgo(45), recordedBy: ids.samAccount },
      { serviceUserId: ids.sam, recordedAt: daysAgo(14), recordedBy: ids.samAccount },
    ])
    .returning({ id: dialogRatingSets.id });
  const answers: [string, number, boolean, number, boolean][] = [
    // area, rating then, more help then, rating now, more help now
    ["mentalHealth", 3, true, 4, false],
    ["physicalHealth", 4, false, 5, false],
    ["job", 2, true, 3, true],
    ["accommodation", 5, false, 5, false],
    ["leisure", 3, false, 5, false],
    ["partnerFamily", 6, false, 6, false],
    ["friendships", 4, false, 4, false],
    ["safety", 5, false, 6, false],
    ["medication", 4, true, 4, false],
    ["practicalHelp", 2, true, 3, true],
    ["meetings", 6, false, 6, false],
  ];
  await db.insert(dialogRatings).values(
    answers.flatMap(([area, then, helpThen, now, helpNow]) => [
      { setId: sets[0]!.id, area, rating: then, moreHelp: helpThen },
      { setId: sets[1]!.id, area, rating: now, moreHelp: helpNow },
    ]),
  );
}
