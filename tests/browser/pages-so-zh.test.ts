import { checkEveryPage } from "./every-page";

// Every page × role in this share of the languages (tests/browser/page-shares.ts), JavaScript on and off, with axe.
checkEveryPage("so-zh");
