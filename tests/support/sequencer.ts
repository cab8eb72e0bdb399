import { BaseSequencer, type TestSpecification } from "vitest/node";
import { pageShares } from "../browser/page-shares";

/**
 * vitest's order (group order, then longest or largest file first), except that the page checks
 * (tests/browser/pages-*.test.ts, the longest browser files by far but tiny on disk) start first in
 * the browser project, largest share first. Longest first keeps both browser workers busy until the
 * end: started last, a long file would run alone while the other worker sat idle.
 */
export default class LongestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const isPageCheck = (spec: TestSpecification) => spec.project.name === "browser" && /[\\/]pages-[^\\/]+\.test\.ts$/.test(spec.moduleId);
    const first = sorted.findIndex((spec) => spec.project.name === "browser");
    if (first < 0) return sorted;
    const shareOrder = Object.keys(pageShares);
    const share = (spec: TestSpecification) => shareOrder.indexOf(/pages-([^\\/]+)\.test\.ts$/.exec(spec.moduleId)?.[1] ?? "");
    const pageChecks = sorted.filter(isPageCheck).sort((a, b) => share(a) - share(b));
    const rest = sorted.filter((spec) => !isPageCheck(spec));
    // Everything before the browser project is left where it was, so its first place is the same in both.
    rest.splice(first, 0, ...pageChecks);
    return rest;
  }
}
