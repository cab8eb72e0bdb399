import { describeEveryPage } from "./every-page";

// Every route as each person who can reach it, with axe: this file's languages (see every-page.ts).
describeEveryPage("pa-bn-cy");
