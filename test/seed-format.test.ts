import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { mergeSeed, validateSeed } from '../src/seed/seed.merge';
import { parseSeedLine, readSeedDir } from '../src/seed/seed.read';
import { toDate } from '../src/seed/seed.rows';
import { loadConfig } from '../src/config';

function seedDir(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coop-seed-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const lines = (...records: object[]) => records.map((r) => JSON.stringify(r)).join('\n') + '\n';
const doc = { type: 'source', id: 'src-t', kind: 'NEWS', title: 'T', file: 'doc.txt' };
const quote = (q: string) => [{ source: 'src-t', quote: q }];
const unit = { type: 'adminUnit', id: 'prov-x', level: 'PROVINCE', name: 'X', provenance: quote('Sở  X ký') };

describe('seed records', () => {
  test('a record with a bad field is reported with file, line and field', () => {
    const r = parseSeedLine(JSON.stringify({ type: 'agreement', id: 'agr-a', kind: 'TREATY', title: 'A', signedOn: '2018-13-01' }), 'f.jsonl', 7);
    expect(r.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ file: 'f.jsonl', line: 7, field: 'kind' }),
        expect.objectContaining({ file: 'f.jsonl', line: 7, field: 'signedOn', message: 'must be YYYY, YYYY-MM or YYYY-MM-DD' }),
      ]),
    );
  });

  test('broken JSON and unknown types are reported', () => {
    expect(parseSeedLine('{"type":', 'f.jsonl', 1).problems[0].message).toMatch(/not valid JSON/);
    expect(parseSeedLine('{"type":"treaty"}', 'f.jsonl', 2).problems[0]).toMatchObject({ field: 'type' });
  });

  test('ids must carry the prefix of their type', () => {
    const r = parseSeedLine(JSON.stringify({ type: 'organization', id: 'agr-x', kind: 'COMPANY', name: 'X' }), 'f.jsonl', 1);
    expect(r.problems[0]).toMatchObject({ field: 'id' });
  });

  test('records of the same node merge; arrays unite and provenance accumulates', () => {
    const dir = seedDir({
      'doc.txt': 'Sở X ký với Công ty Y.',
      'a.jsonl': lines(doc, unit, { type: 'organization', id: 'org-y', kind: 'COMPANY', name: 'Y', aliases: ['Y1'], location: 'prov-x', provenance: quote('Công ty Y') }),
      'b.jsonl': lines({ type: 'organization', id: 'org-y', aliases: ['Y2'], provenance: quote('ký với') }),
    });
    const set = mergeSeed(readSeedDir(dir));
    expect(validateSeed(set, dir)).toEqual([]);
    const y = set.nodes.get('org-y')!;
    expect(y.fields.aliases).toEqual(['Y1', 'Y2']);
    expect(y.provenance).toHaveLength(2);
  });

  test('conflicting values, dangling references, missing provenance and unknown quotes are all reported', () => {
    const dir = seedDir({
      'doc.txt': 'Sở X ký với Công ty Y.',
      'a.jsonl': lines(
        doc,
        unit,
        { type: 'organization', id: 'org-y', kind: 'COMPANY', name: 'Y', location: 'prov-nowhere', provenance: quote('Công ty Z') },
        { type: 'organization', id: 'org-y', name: 'Other Y' },
        { type: 'person', id: 'per-p', name: 'P' },
        { type: 'party', organization: 'org-y', agreement: 'agr-missing', role: 'SIGNATORY', provenance: quote('ký với') },
      ),
    });
    const set = mergeSeed(readSeedDir(dir));
    const problems = validateSeed(set, dir);
    const described = problems.map((p) => `${p.file}:${p.line}:${p.field}`);
    expect(described).toEqual(
      expect.arrayContaining(['a.jsonl:4:name', 'a.jsonl:3:location', 'a.jsonl:5:provenance', 'a.jsonl:6:agreement', 'a.jsonl:3:provenance.0.quote']),
    );
  });

  test('an end date before its start is reported', () => {
    const dir = seedDir({
      'doc.txt': 'Sở X ký',
      'a.jsonl': lines(doc, unit, { type: 'agreement', id: 'agr-a', kind: 'PROGRAMME', title: 'A', validFrom: '2020', validTo: '2019-06', provenance: quote('X ký') }),
    });
    const set = mergeSeed(readSeedDir(dir));
    expect(validateSeed(set, dir)).toEqual([expect.objectContaining({ field: 'validTo' })]);
  });

  test('partial dates become the first day of a start and the last day of an end', () => {
    expect(toDate('2020', 'end').toString()).toBe('2020-12-31');
    expect(toDate('2024-02', 'end').toString()).toBe('2024-02-29');
    expect(toDate('2019', 'start').toString()).toBe('2019-01-01');
    expect(toDate('2018-10-26', 'end').toString()).toBe('2018-10-26');
  });
});

test('the shipped seed data is valid', () => {
  const dir = loadConfig().seedDir;
  const set = mergeSeed(readSeedDir(dir));
  expect(validateSeed(set, dir)).toEqual([]);
  expect(set.nodes.size).toBeGreaterThan(200);
});
