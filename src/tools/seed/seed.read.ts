import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { EDGE_SCHEMAS, NODE_SCHEMAS, type EdgeRecord, type EdgeType, type NodeRecord, type NodeType } from './seed.format';
import type { SeedProblem } from './seed.problem';

/** Where a record came from: file relative to the seed folder and 1-based line. */
export interface Located<T> {
  record: T;
  file: string;
  line: number;
}

export interface ParsedSeed {
  nodes: Located<NodeRecord>[];
  edges: Located<EdgeRecord>[];
  problems: SeedProblem[];
  files: string[];
}

/** Lists the seed files (`*.jsonl`, recursively) below `dir`, in path order. */
export function listSeedFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && entry.name.endsWith('.jsonl')) out.push(full);
    }
  };
  walk(dir);
  return out;
}

function zodProblems(error: z.ZodError, file: string, line: number): SeedProblem[] {
  return error.issues.map((issue) => ({
    file,
    line,
    field: issue.path.length ? issue.path.join('.') : undefined,
    message: issue.message,
  }));
}

/** Parses one line of a seed file; a problem is reported for anything that is not a valid record. */
export function parseSeedLine(
  raw: string,
  file: string,
  line: number,
): { node?: NodeRecord; edge?: EdgeRecord; problems: SeedProblem[] } {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (error) {
    return { problems: [{ file, line, message: `not valid JSON: ${(error as Error).message}` }] };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { problems: [{ file, line, message: 'a record must be a JSON object' }] };
  }
  const type = (value as { type?: unknown }).type;
  if (typeof type === 'string' && type in NODE_SCHEMAS) {
    const parsed = NODE_SCHEMAS[type as NodeType].safeParse(value);
    return parsed.success ? { node: parsed.data as NodeRecord, problems: [] } : { problems: zodProblems(parsed.error, file, line) };
  }
  if (typeof type === 'string' && type in EDGE_SCHEMAS) {
    const parsed = EDGE_SCHEMAS[type as EdgeType].safeParse(value);
    return parsed.success ? { edge: parsed.data as EdgeRecord, problems: [] } : { problems: zodProblems(parsed.error, file, line) };
  }
  const known = [...Object.keys(NODE_SCHEMAS), ...Object.keys(EDGE_SCHEMAS)].join(', ');
  return { problems: [{ file, line, field: 'type', message: `unknown record type ${JSON.stringify(type)}; expected one of ${known}` }] };
}

/** Reads and parses every seed file below `dir`. Paths in problems are relative to `dir`. */
export function readSeedDir(dir: string): ParsedSeed {
  const result: ParsedSeed = { nodes: [], edges: [], problems: [], files: [] };
  for (const full of listSeedFiles(dir)) {
    const file = path.relative(dir, full);
    result.files.push(file);
    const lines = fs.readFileSync(full, 'utf8').split(/\r?\n/);
    lines.forEach((raw, index) => {
      const trimmed = raw.trim();
      if (!trimmed || trimmed.startsWith('//')) return;
      const parsed = parseSeedLine(trimmed, file, index + 1);
      if (parsed.node) result.nodes.push({ record: parsed.node, file, line: index + 1 });
      if (parsed.edge) result.edges.push({ record: parsed.edge, file, line: index + 1 });
      result.problems.push(...parsed.problems);
    });
  }
  return result;
}
