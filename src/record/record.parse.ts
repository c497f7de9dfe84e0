import type { z } from 'zod';
import { EDGE_SCHEMAS, NODE_SCHEMAS, type EdgeRecord, type EdgeType, type NodeRecord, type NodeType } from './record.format';
import type { SeedProblem } from './record.problem';

/** Where a record came from: a file relative to the seed folder (or a request's input name) and 1-based line (or position). */
export interface Located<T> {
  record: T;
  file: string;
  line: number;
}

/** Records read from seed files or a request, before merging, with the problems found while parsing. */
export interface ParsedSeed {
  nodes: Located<NodeRecord>[];
  edges: Located<EdgeRecord>[];
  problems: SeedProblem[];
  files: string[];
}

function zodProblems(error: z.ZodError, file: string, line: number): SeedProblem[] {
  return error.issues.map((issue) => ({
    file,
    line,
    field: issue.path.length ? issue.path.join('.') : undefined,
    message: issue.message,
  }));
}

/**
 * Checks one decoded JSON value against the record schemas (seeds/FORMAT.md): a node or relationship record,
 * or the problems that make it neither, located at `file` and `line`.
 */
export function parseRecord(value: unknown, file: string, line: number): { node?: NodeRecord; edge?: EdgeRecord; problems: SeedProblem[] } {
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
