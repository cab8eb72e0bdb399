import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Reporter, TestModule } from "vitest/node";

/**
 * `npm test` adds this reporter (issue 13: measure first): at the end it prints the ten slowest files and
 * the ten slowest tests, and writes every file's and test's time to tests/.output/test-times.json, so a CI
 * log says where the time went without a second run.
 */
export default class SlowestReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>) {
    const root = process.cwd();
    const files = testModules.map((m) => {
      const d = m.diagnostic();
      return {
        project: m.project.name,
        file: path.relative(root, m.moduleId),
        seconds: round((d.duration + d.setupDuration + d.collectDuration + d.prepareDuration + d.environmentSetupDuration) / 1000),
        tests: [...m.children.allTests()].map((t) => ({ name: t.fullName, seconds: round((t.diagnostic()?.duration ?? 0) / 1000) })),
      };
    });
    const slowFiles = [...files].sort((a, b) => b.seconds - a.seconds).slice(0, 10);
    const slowTests = files
      .flatMap((f) => f.tests.map((t) => ({ ...t, file: f.file })))
      .sort((a, b) => b.seconds - a.seconds)
      .slice(0, 10);
    const out = process.stdout;
    out.write("\nThe ten slowest files (seconds, summed over the file's tests and set-up):\n");
    for (const f of slowFiles) out.write(`  ${f.seconds.toFixed(1).padStart(7)}  ${f.project.padEnd(11)} ${f.file} (${f.tests.length} tests)\n`);
    out.write("The ten slowest tests:\n");
    for (const t of slowTests) out.write(`  ${t.seconds.toFixed(1).padStart(7)}  ${t.file} > ${t.name}\n`);
    mkdirSync("tests/.output", { recursive: true });
    writeFileSync("tests/.output/test-times.json", JSON.stringify(files, null, 1));
  }
}

const round = (n: number) => Math.round(n * 10) / 10;
