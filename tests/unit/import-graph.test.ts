import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The layers of app/, each folder one layer, every arrow pointing down:
 *
 *   routes/  →  web/  →  components/  →  models/  →  utils/
 *
 * A module may import from its own layer or any layer below it, never above, and the
 * imports between modules never go round in a circle. Test files are left out: a test may
 * reach for whatever it needs. Type-only imports count too: they say what a layer knows.
 */
const appDir = path.resolve(__dirname, "../../app");

/** Lower number = lower layer. Files outside these folders (root.tsx, entry.*, server/) are at the top. */
const layers: Record<string, number> = { utils: 0, models: 1, components: 2, web: 3, routes: 4 };
/** What each layer must not import, and why. */
const forbidden: Record<string, string[]> = {
  utils: ["models", "components", "web", "routes"],
  models: ["components", "web", "routes"],
  components: ["web", "routes"],
  web: ["routes"],
  routes: [],
};

function listSources(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) out.push(...listSources(full));
    else if (/\.(ts|tsx|mjs)$/.test(entry) && !/\.test\.(ts|tsx)$/.test(entry) && !entry.endsWith(".d.ts")) out.push(full);
  }
  return out;
}

const importPattern = /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)|(?:^|\n)\s*import\s+["']([^"']+)["']/g;

export function importsOf(source: string): string[] {
  const specifiers: string[] = [];
  for (const match of source.matchAll(importPattern)) {
    const spec = match[1] ?? match[2] ?? match[3];
    if (spec) specifiers.push(spec);
  }
  return specifiers;
}

function resolve(from: string, spec: string): string | null {
  let base: string;
  if (spec.startsWith("~/")) base = path.join(appDir, spec.slice(2));
  else if (spec.startsWith(".")) base = path.resolve(path.dirname(from), spec);
  else return null; // a package, or #db/*: outside app/
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}.mjs`, path.join(base, "index.ts")]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  if (/\.(css|json|svg|png)$/.test(base)) return null;
  throw new Error(`${path.relative(appDir, from)}: cannot resolve ${spec}`);
}

export function layerOf(file: string): string | null {
  const top = path.relative(appDir, file).split(path.sep)[0] ?? "";
  return top in layers ? top : null;
}

export function buildGraph(files: string[], read: (file: string) => string = (f) => readFileSync(f, "utf8")) {
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const targets: string[] = [];
    for (const spec of importsOf(read(file))) {
      const target = resolve(file, spec);
      if (target && target !== file) targets.push(target);
    }
    graph.set(file, targets);
  }
  return graph;
}

/** Strongly connected components with more than one module (Tarjan): each one is a cycle. */
export function cyclesIn(graph: Map<string, string[]>): string[][] {
  let index = 0;
  const indices = new Map<string, number>();
  const lowlinks = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (node: string) => {
    indices.set(node, index);
    lowlinks.set(node, index);
    index += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!indices.has(next)) {
        visit(next);
        lowlinks.set(node, Math.min(lowlinks.get(node)!, lowlinks.get(next)!));
      } else if (onStack.has(next)) {
        lowlinks.set(node, Math.min(lowlinks.get(node)!, indices.get(next)!));
      }
    }
    if (lowlinks.get(node) === indices.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1) cycles.push(component.map((f) => path.relative(appDir, f)).sort());
    }
  };
  for (const node of graph.keys()) if (!indices.has(node)) visit(node);
  return cycles;
}

export function upwardImports(graph: Map<string, string[]>): string[] {
  const found: string[] = [];
  for (const [from, targets] of graph) {
    const fromLayer = layerOf(from);
    if (!fromLayer) continue;
    for (const target of targets) {
      const toLayer = layerOf(target);
      if (toLayer && forbidden[fromLayer]!.includes(toLayer)) {
        found.push(`${path.relative(appDir, from)} → ${path.relative(appDir, target)}`);
      }
    }
  }
  return found.sort();
}

describe("import graph of app/", () => {
  const files = listSources(appDir);
  const graph = buildGraph(files);

  it("reads the sources and their imports", () => {
    expect(files.length).toBeGreaterThan(100);
    const edges = [...graph.values()].reduce((n, targets) => n + targets.length, 0);
    expect(edges).toBeGreaterThan(300);
    for (const layer of Object.keys(layers)) expect(files.some((f) => layerOf(f) === layer)).toBe(true);
  });

  it("has no cycles", () => {
    expect(cyclesIn(graph)).toEqual([]);
  });

  it("has no upward imports (utils ← models ← components ← web ← routes)", () => {
    expect(upwardImports(graph)).toEqual([]);
  });

  it("the checks can fail: a made-up cycle and a made-up upward import are found", () => {
    const a = path.join(appDir, "models/a.server.ts");
    const b = path.join(appDir, "models/b.server.ts");
    const web = path.join(appDir, "web/w.server.ts");
    const made = new Map([
      [a, [b]],
      [b, [a, web]],
      [web, []],
    ]);
    expect(cyclesIn(made)).toEqual([["models/a.server.ts", "models/b.server.ts"]]);
    expect(upwardImports(made)).toEqual(["models/b.server.ts → web/w.server.ts"]);
  });

  it("reads every kind of import line", () => {
    expect(
      [...importsOf(`import { a } from "~/x";\nimport type { B } from "./y";\nexport { c } from "../z";\nimport "./side";\nconst m = await import("~/lazy");\nimport {\n  d,\n  e,\n} from "~/multi";`)].sort(),
    ).toEqual(["~/x", "./y", "../z", "~/multi", "~/lazy", "./side"].sort());
  });
});
