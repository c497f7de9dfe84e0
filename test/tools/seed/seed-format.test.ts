import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { mergeSeed } from '../../../src/record/record.merge';
import { validateSeed } from '../../../src/tools/seed/seed.texts';
import { parseSeedLine, readSeedDir } from '../../../src/tools/seed/seed.read';
import { buildSeedRows, toDate } from '../../../src/record/record.rows';
import { loadConfig } from '../../../src/core/config';

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

describe('parts of an instrument', () => {
  const text = 'Sở X ký với Công ty Y. Y đề xuất nội dung 1.';
  const base = [
    doc,
    unit,
    { type: 'organization', id: 'org-x', kind: 'GOVERNMENT', name: 'X', provenance: quote('Sở X') },
    { type: 'organization', id: 'org-y', kind: 'COMPANY', name: 'Y', provenance: quote('Công ty Y') },
    { type: 'organization', id: 'org-z', kind: 'COMPANY', name: 'Z', provenance: quote('Sở X') },
    { type: 'agreement', id: 'agr-a', kind: 'MEMORANDUM', title: 'A', provenance: quote('X ký với') },
    { type: 'party', organization: 'org-x', agreement: 'agr-a', role: 'SIGNATORY', provenance: quote('X ký với') },
    { type: 'party', organization: 'org-y', agreement: 'agr-a', role: 'SIGNATORY', provenance: quote('X ký với') },
  ];
  const part = {
    type: 'part', id: 'part-a-1', of: 'agr-a', kind: 'PROPOSED_DIRECTION', ordinal: 1, title: 'Nội dung 1', status: 'PROPOSED',
    startDate: '2024', actors: [{ organization: 'org-y', role: 'PROPOSER' }], provenance: quote('Y đề xuất nội dung 1'),
  };

  test('a part hangs from its instrument and names its actors', () => {
    const dir = seedDir({ 'doc.txt': text, 'a.jsonl': lines(...base, part) });
    const set = mergeSeed(readSeedDir(dir));
    expect(validateSeed(set, dir)).toEqual([]);
    const rows = buildSeedRows(set);
    expect(rows.rels.AGREEMENT_HAS_PART).toEqual([expect.objectContaining({ from: 'agr-a', to: 'part-a-1' })]);
    expect(rows.rels.PART_ACTOR).toEqual([expect.objectContaining({ from: 'org-y', to: 'part-a-1', key: 'PROPOSER' })]);
    const props = rows.nodes.part[0].props;
    expect(props).toMatchObject({ kind: 'PROPOSED_DIRECTION', title: 'Nội dung 1' });
    expect(props).not.toHaveProperty('of');
    expect(props).not.toHaveProperty('actors');
  });

  test('an actor that is no party of the instrument, or an unknown kind, is reported', () => {
    const stray = { ...part, actors: [{ organization: 'org-z', role: 'PROPOSER' }] };
    const dir = seedDir({ 'doc.txt': text, 'a.jsonl': lines(...base, stray) });
    const set = mergeSeed(readSeedDir(dir));
    expect(validateSeed(set, dir)).toEqual([expect.objectContaining({ field: 'actors.0.organization', message: expect.stringMatching(/no party/) })]);
    expect(parseSeedLine(JSON.stringify({ ...part, kind: 'CHAPTER' }), 'f.jsonl', 1).problems[0]).toMatchObject({ field: 'kind' });
  });

  test('an activity may implement a part of its own agreement only', () => {
    const act = { type: 'activity', id: 'act-b', kind: 'MEETING', title: 'B', part: 'part-a-1', provenance: quote('Sở X') };
    const dir = seedDir({
      'doc.txt': text,
      'a.jsonl': lines(...base, part, { type: 'agreement', id: 'agr-c', kind: 'PLAN', title: 'C', provenance: quote('Sở X') }, { ...act, agreement: 'agr-c' }),
    });
    const set = mergeSeed(readSeedDir(dir));
    expect(validateSeed(set, dir)).toEqual([expect.objectContaining({ field: 'part' })]);
    const fine = seedDir({ 'doc.txt': text, 'a.jsonl': lines(...base, part, { ...act, agreement: 'agr-a' }) });
    const ok = mergeSeed(readSeedDir(fine));
    expect(validateSeed(ok, fine)).toEqual([]);
    expect(buildSeedRows(ok).rels.UNDER_PART).toEqual([expect.objectContaining({ from: 'act-b', to: 'part-a-1' })]);
  });
});

test('the shipped seed data is valid', () => {
  const dir = loadConfig().seedDir;
  const set = mergeSeed(readSeedDir(dir));
  expect(validateSeed(set, dir)).toEqual([]);
  expect(set.nodes.size).toBeGreaterThan(200);
});
