import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../../src/core/config';
import { createLogger } from '../../../src/core/logger';
import { planBulk } from '../../../src/tools/seed/seed.bulk-check';
import { loadSeedSet } from '../../../src/tools/seed/seed.importer';
import { EmptySeedError } from '../../../src/record/record.problem';

// Every import path checks its folders with these two before it touches a graph or a store.

const log = createLogger('silent');
const seedDir = loadConfig().seedDir;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'coop-empty-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function folder(name: string, files: Record<string, string> = {}): string {
  const dir = path.join(tmp, name);
  fs.mkdirSync(dir, { recursive: true });
  for (const [file, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, file), text);
  return dir;
}

const ONE_TOPIC = { 'a.jsonl': `${JSON.stringify({ type: 'topic', id: 'topic-only-one', name: 'One' })}\n` };

const rejection = (work: () => unknown) =>
  Promise.resolve()
    .then(work)
    .then(() => null, (e: unknown) => e);

describe('a seed folder without records', () => {
  test('is refused by the one-transaction import, naming the folder', async () => {
    const empty = folder('none');
    const error = await rejection(() => loadSeedSet(empty));
    expect(error).toBeInstanceOf(EmptySeedError);
    expect((error as Error).message).toBe(`No seed records in ${empty} (no *.jsonl file below it holds a record): nothing to import, the graph was not changed`);
  });

  test('is refused when its files hold only comments and blank lines', async () => {
    const blank = folder('blank', { 'a.jsonl': '// nothing yet\n\n', 'notes.txt': '{"type":"topic"}\n' });
    expect(await rejection(() => loadSeedSet(blank))).toBeInstanceOf(EmptySeedError);
  });

  test('is refused as a bulk folder, even beside one with records, before any record is written', async () => {
    const empty = folder('bulk-none', { 'a.jsonl': '\n' });
    const error = await rejection(() => planBulk([empty], log, seedDir));
    expect(error).toBeInstanceOf(EmptySeedError);
    expect((error as EmptySeedError).dir).toBe(empty);
    const full = folder('bulk-one', ONE_TOPIC);
    expect(await rejection(() => planBulk([full, empty], log, seedDir))).toBeInstanceOf(EmptySeedError);
    await expect(planBulk([full], log, seedDir)).resolves.toMatchObject({ checked: { records: 1, nodes: 1 } });
  });

  test('is refused as the curated folder of a bulk import', async () => {
    const full = folder('bulk-two', ONE_TOPIC);
    const curated = folder('curated-none');
    const error = await rejection(() => planBulk([full], log, curated));
    expect(error).toBeInstanceOf(EmptySeedError);
    expect((error as EmptySeedError).dir).toBe(curated);
  });
});
