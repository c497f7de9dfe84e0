import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/**
 * The floors of src/, lowest first. A file may import its own floor and the floors below it; the tools wing
 * may import everything and nothing in the product may import it. Every top-level folder of src/ not named
 * here is a domain. docs/architecture.md draws them.
 */
export const FLOORS = ['core', 'db', 'kit', 'domain', 'app', 'tools'] as const;
export type Floor = (typeof FLOORS)[number];

const NAMED: Record<string, Floor> = { core: 'core', db: 'db', graphql: 'kit', rules: 'kit', app: 'app', tools: 'tools' };

/** The floor of a path relative to src/ (`db/database.ts` → db; `organization/…` → domain). */
export function floorOf(relative: string): Floor {
  const top = relative.split(/[\\/]/)[0];
  return NAMED[top] ?? 'domain';
}

/** The unit a path relative to src/ belongs to when counting loops: its top-level folder. */
export function unitOf(relative: string): string {
  return relative.split(/[\\/]/)[0];
}

export interface ImportEdge {
  /** Importing file, relative to src/. */
  from: string;
  /** Imported module: a path relative to src/ for relative imports, else the package name. */
  to: string;
  internal: boolean;
}

/** Every import of every .ts file under `srcDir` (type-only imports and re-exports included). */
export function importsOf(srcDir: string): ImportEdge[] {
  const edges: ImportEdge[] = [];
  const walk = (dir: string): string[] =>
    fs
      .readdirSync(dir, { withFileTypes: true })
      .flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
  for (const file of walk(srcDir)) {
    const from = path.relative(srcDir, file);
    // TypeScript's own pre-processor: it finds imports, re-exports and dynamic imports, and skips comments and strings.
    const { importedFiles } = ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, true);
    for (const { fileName } of importedFiles) {
      if (fileName.startsWith('.')) edges.push({ from, to: path.relative(srcDir, path.resolve(path.dirname(file), fileName)), internal: true });
      else edges.push({ from, to: fileName, internal: false });
    }
  }
  return edges;
}

/** The explorer's browser code, relative to src/. */
export const BROWSER = 'app/explore/client/';

/** What is wrong with one import, or null when it keeps the floors. */
export function violation(edge: ImportEdge): string | null {
  const source = floorOf(edge.from);
  // The explorer's browser code runs in the browser: it reaches the hub over HTTP only, and nothing imports it.
  const inBrowser = (file: string) => file.startsWith(BROWSER);
  if (edge.internal && inBrowser(edge.from) !== inBrowser(edge.to)) {
    return inBrowser(edge.from)
      ? `${edge.from} (browser code) imports ${edge.to}: the browser code imports only its own folder and npm packages`
      : `${edge.from} imports ${edge.to}, browser code: it is bundled for the browser, never imported`;
  }
  if (!edge.internal) {
    const pkg = edge.to.startsWith('@') ? edge.to.split('/').slice(0, 2).join('/') : edge.to.split('/')[0];
    if (pkg === 'neo4j-driver' && source !== 'db') return `${edge.from} imports neo4j-driver: only src/db/ may`;
    return null;
  }
  const target = floorOf(edge.to);
  if (target === 'tools' && source !== 'tools') return `${edge.from} (${source}) imports the tools wing (${edge.to})`;
  if (source !== 'tools' && FLOORS.indexOf(target) > FLOORS.indexOf(source)) return `${edge.from} (${source}) imports ${edge.to} (${target}), a floor above it`;
  return null;
}

/** Groups of more than one top-level folder that import each other in a loop (strongly connected components). */
export function folderLoops(edges: ImportEdge[]): string[][] {
  const graph = new Map<string, Set<string>>();
  for (const e of edges.filter((x) => x.internal)) {
    const a = unitOf(e.from);
    const b = unitOf(e.to);
    if (a === b || a.endsWith('.ts') || b.endsWith('.ts')) continue;
    if (!graph.has(a)) graph.set(a, new Set());
    graph.get(a)!.add(b);
  }
  // Tarjan's algorithm; a few dozen folders.
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        group.push(w);
      } while (w !== v);
      if (group.length > 1) groups.push(group.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return groups;
}
