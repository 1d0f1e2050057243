// npm run lint's last step (issue 23): the import graph of the app's code has no cycle, and lib/
// (the domain) imports nothing from app/, components/ or emails/. Type-only imports count: a
// cycle of types still puts the words above the code that uses them. Exits 1 naming each problem.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

export const GRAPH_ROOTS = ['lib', 'app', 'components', 'emails', 'db'] as const;
/** The routes and the UI sit above the domain; email templates live in lib/mail/templates/. */
export const FORBIDDEN_FROM_LIB = ['app', 'components', 'emails'] as const;

export type ImportProblems = {
  /** Each strongly connected component of more than one file, as paths relative to the root. */
  cycles: string[][];
  /** `from → to` for every lib/ import of a FORBIDDEN_FROM_LIB folder. */
  forbidden: string[];
};

function sourceFiles(dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx|mts)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

/** The project's files under `roots` and, for each, the project files it imports. */
export function importGraph(root: string, roots: readonly string[] = GRAPH_ROOTS): Map<string, string[]> {
  const configPath = path.join(root, 'tsconfig.json');
  const config = ts.readConfigFile(configPath, (file) => ts.sys.readFile(file));
  const options = ts.parseJsonConfigFileContent(config.config ?? {}, ts.sys, root).options;
  const files = roots.flatMap((folder) => sourceFiles(path.join(root, folder))).map((file) => path.resolve(file));
  const inGraph = new Set(files);
  const graph = new Map<string, string[]>();
  for (const file of files) {
    // preProcessFile lists import, import type, export … from, import() and require().
    const { importedFiles } = ts.preProcessFile(ts.sys.readFile(file) ?? '', true, true);
    const targets = new Set<string>();
    for (const { fileName } of importedFiles) {
      const resolved = ts.resolveModuleName(fileName, file, options, ts.sys).resolvedModule?.resolvedFileName;
      if (resolved && inGraph.has(path.resolve(resolved))) targets.add(path.resolve(resolved));
    }
    graph.set(file, [...targets].sort());
  }
  return graph;
}

/** Tarjan's algorithm, iterative so a deep chain cannot overflow the stack. */
export function stronglyConnected(graph: Map<string, string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  for (const start of graph.keys()) {
    if (index.has(start)) continue;
    const work: { node: string; next: number }[] = [{ node: start, next: 0 }];
    index.set(start, counter);
    low.set(start, counter++);
    stack.push(start);
    onStack.add(start);
    while (work.length > 0) {
      const frame = work.at(-1)!;
      const edges = graph.get(frame.node) ?? [];
      if (frame.next < edges.length) {
        const target = edges[frame.next++]!;
        if (!index.has(target)) {
          index.set(target, counter);
          low.set(target, counter++);
          stack.push(target);
          onStack.add(target);
          work.push({ node: target, next: 0 });
        } else if (onStack.has(target)) {
          low.set(frame.node, Math.min(low.get(frame.node)!, index.get(target)!));
        }
        continue;
      }
      work.pop();
      const parent = work.at(-1);
      if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(frame.node)!));
      if (low.get(frame.node) === index.get(frame.node)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.node);
        components.push(component);
      }
    }
  }
  return components;
}

export function findImportProblems(root: string, roots: readonly string[] = GRAPH_ROOTS): ImportProblems {
  const graph = importGraph(root, roots);
  const relative = (file: string) => path.relative(root, file).split(path.sep).join('/');
  const cycles = stronglyConnected(graph)
    .filter((component) => component.length > 1 || graph.get(component[0]!)!.includes(component[0]!))
    .map((component) => component.map(relative).sort())
    .sort((a, b) => b.length - a.length || a[0]!.localeCompare(b[0]!));
  const forbidden: string[] = [];
  for (const [file, targets] of graph) {
    if (!relative(file).startsWith('lib/')) continue;
    for (const target of targets) {
      if (FORBIDDEN_FROM_LIB.some((folder) => relative(target).startsWith(`${folder}/`))) {
        forbidden.push(`${relative(file)} → ${relative(target)}`);
      }
    }
  }
  return { cycles, forbidden: forbidden.sort() };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const { cycles, forbidden } = findImportProblems(root);
  for (const cycle of cycles) {
    console.error(`Import cycle of ${cycle.length} files:\n${cycle.map((file) => `  ${file}`).join('\n')}`);
  }
  for (const line of forbidden) console.error(`lib/ imports from ${FORBIDDEN_FROM_LIB.join('/, ')}/: ${line}`);
  if (cycles.length > 0 || forbidden.length > 0) process.exit(1);
  console.log(`Import graph of ${GRAPH_ROOTS.join('/, ')}/: no cycle, nothing from ${FORBIDDEN_FROM_LIB.join('/, ')}/ in lib/.`);
}
