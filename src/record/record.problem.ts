/** One thing wrong with the seed data, located by file, line (record) and field. */
export interface SeedProblem {
  file: string;
  line: number;
  field?: string;
  message: string;
}

export function formatProblem(p: SeedProblem): string {
  return `${p.file}:${p.line}${p.field ? ` [${p.field}]` : ''}: ${p.message}`;
}

/** Raised when seed data is invalid; nothing has been written when it is thrown. */
export class SeedError extends Error {
  constructor(readonly problems: SeedProblem[]) {
    const shown = problems.slice(0, 50).map(formatProblem);
    const more = problems.length > shown.length ? `\n... and ${problems.length - shown.length} more` : '';
    super(`Seed data has ${problems.length} problem(s); the graph was not changed:\n${shown.join('\n')}${more}`);
  }
}

/** Raised when a seed folder holds no record: importing it would change nothing, or with a reset empty the graph. */
export class EmptySeedError extends Error {
  constructor(readonly dir: string) {
    super(`No seed records in ${dir} (no *.jsonl file below it holds a record): nothing to import, the graph was not changed`);
  }
}
