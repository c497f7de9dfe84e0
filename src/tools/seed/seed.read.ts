import fs from 'node:fs';
import path from 'node:path';
import type { EdgeRecord, NodeRecord } from '../../record/record.format';
import { parseRecord, type ParsedSeed } from '../../record/record.parse';
import type { SeedProblem } from '../../record/record.problem';

export type { Located, ParsedSeed } from '../../record/record.parse';

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
  return parseRecord(value, file, line);
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
