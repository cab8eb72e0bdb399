import { BaseSequencer, type TestSpecification } from "vitest/node";

/**
 * The longest files start first (issue 13). Vitest orders by the last run's times when it has them, and
 * on a fresh clone (CI) by file size, which started the page checks (about a third of the browser
 * project's time) eighth: the other worker then ran out of files long before it ended. The files known
 * to take longest go to the front of their project, in this order; the rest keep Vitest's order.
 */
// Not easy-read.test.ts, though it is long: it leaves Alex's communication needs recorded, and
// communication.test.ts (earlier by name) checks the home page still asks him for them.
const LONGEST_FIRST = [
  // The page checks, split by language into four files of 5-8 minutes' work each (every-page.ts).
  "tests/browser/pages.pl-ro-so-ur-zh.test.ts",
  "tests/browser/pages.en-GB.test.ts",
  "tests/browser/pages.ar.test.ts",
  "tests/browser/pages.pa-bn-cy.test.ts",
  "tests/browser/drafts.test.ts",
  "tests/browser/small-screens.test.ts",
];

/**
 * Easy Read's test leaves Alex's communication needs recorded; the communication test checks that the home
 * page still asks him for them. Vitest orders by the last run's times when it has them, which put Easy Read first.
 */
const RUNS_AFTER: [later: string, earlier: string][] = [["tests/browser/easy-read.test.ts", "tests/browser/communication.test.ts"]];

export default class LongestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (spec: TestSpecification) => {
      const i = LONGEST_FIRST.findIndex((path) => spec.moduleId.endsWith(path));
      return i === -1 ? LONGEST_FIRST.length : i;
    };
    // Reorder only inside each project's run of files, so projects and groups keep their order.
    const out: TestSpecification[] = [];
    for (let start = 0; start < sorted.length; ) {
      let end = start;
      while (end < sorted.length && sorted[end]!.project.name === sorted[start]!.project.name) end++;
      const block = sorted.slice(start, end).map((spec, i) => ({ spec, i }));
      block.sort((a, b) => rank(a.spec) - rank(b.spec) || a.i - b.i);
      const specs = block.map((b) => b.spec);
      // A file that must not start before another of the same worker's files (see RUNS_AFTER).
      for (const [later, earlier] of RUNS_AFTER) {
        const l = specs.findIndex((spec) => spec.moduleId.endsWith(later));
        const e = specs.findIndex((spec) => spec.moduleId.endsWith(earlier));
        if (l !== -1 && e !== -1 && l < e) specs.splice(e, 0, ...specs.splice(l, 1));
      }
      out.push(...specs);
      start = end;
    }
    return out;
  }
}
