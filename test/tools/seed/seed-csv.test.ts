import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { ARRAY_DELIMITER, StoreCsvWriter } from '../../../src/tools/seed/seed.csv';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'coop-csv-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const lines = (file: string) => fs.readFileSync(file, 'utf8').trimEnd().split('\n');

describe('CSV files for the offline store importer', () => {
  test('types each column, quotes every value and keeps an empty string apart from an absent property', async () => {
    const csv = new StoreCsvWriter(path.join(tmp, 'typed'));
    csv.node(['Organization', 'University'], { id: 'o1', name: 'Trường "A", Huế', sources: ['s1', 's2'], founded: new neo4j.types.Date(1957, 3, 1), rank: 2.5, open: true });
    csv.node(['Organization', 'University'], { id: 'o2', name: '', sources: ['s1'], founded: new neo4j.types.Date(2001, 1, 31), rank: 1, open: false });
    const files = await csv.close();
    expect(files.nodeFiles).toHaveLength(1);
    expect(lines(files.nodeFiles[0])).toEqual([
      '"id:ID",":LABEL","name:string","sources:string[]","founded:date","rank:double","open:boolean"',
      `"o1","Organization${ARRAY_DELIMITER}University","Trường ""A"", Huế","s1${ARRAY_DELIMITER}s2","1957-03-01","2.5","true"`,
      `"o2","Organization${ARRAY_DELIMITER}University","","s1","2001-01-31","1","false"`,
    ]);
    expect(files).toMatchObject({ nodes: 2, relationships: 0, multiline: false });
  });

  test("writes a date cell exactly as the driver formats the date, for short, long and integer-typed years", async () => {
    const dates = [
      new neo4j.types.Date(7, 1, 2),
      new neo4j.types.Date(999, 12, 31),
      new neo4j.types.Date(2024, 2, 29),
      new neo4j.types.Date(12345, 6, 7),
      new neo4j.types.Date(neo4j.int(1975), neo4j.int(4), neo4j.int(30)),
    ];
    const csv = new StoreCsvWriter(path.join(tmp, 'dates'));
    dates.forEach((d, i) => csv.node(['Activity'], { id: `a${i}`, startDate: d }));
    const files = await csv.close();
    expect(lines(files.nodeFiles[0]).slice(1)).toEqual(dates.map((d, i) => `"a${i}","Activity","${d.toString()}"`));
    expect(lines(files.nodeFiles[0])[2]).toBe('"a1","Activity","0999-12-31"');
  });

  test('gives rows with other columns or labels their own file, each with its header', async () => {
    const csv = new StoreCsvWriter(path.join(tmp, 'files'));
    csv.node(['Topic'], { id: 't1', name: 'A' });
    csv.node(['Topic'], { id: 't2', name: 'B', nameEn: 'B' });
    csv.node(['Region'], { id: 'r1', name: 'C' });
    expect(csv.relationship('ABOUT', 'a1', 't1', { key: 'ABOUT', note: 'line\nbreak' })).toBe(true);
    const files = await csv.close();
    expect(files.nodeFiles.map((f) => lines(f)[0])).toEqual(['"id:ID",":LABEL","name:string"', '"id:ID",":LABEL","name:string","nameEn:string"', '"id:ID",":LABEL","name:string"']);
    expect(files.nodeFiles.map((f) => lines(f).length)).toEqual([2, 2, 2]);
    expect(lines(files.relationshipFiles[0])[0]).toBe('":START_ID",":END_ID",":TYPE","key:string","note:string"');
    expect(files.multiline).toBe(true);
  });

  test('leaves empty lists out of the files: node lists become fix-ups, a relationship holding one is handed back', async () => {
    const csv = new StoreCsvWriter(path.join(tmp, 'empty'));
    csv.node(['Topic'], { id: 't1', name: 'A', sources: [] });
    expect(csv.relationship('ABOUT', 'a1', 't1', { key: 'ABOUT', sources: [] })).toBe(false);
    const files = await csv.close();
    expect(lines(files.nodeFiles[0])).toEqual(['"id:ID",":LABEL","name:string"', '"t1","Topic","A"']);
    expect(csv.nodeFixups).toEqual([{ label: 'Topic', id: 't1', props: { sources: [] } }]);
    expect(files).toMatchObject({ nodes: 1, relationships: 0, relationshipFiles: [] });
  });

  test('refuses values it cannot write faithfully, naming the record and property', () => {
    const csv = new StoreCsvWriter(path.join(tmp, 'bad'));
    expect(() => csv.node(['Topic'], { id: 't1', aliases: [`a${ARRAY_DELIMITER}b`] })).toThrow("Topic 't1', property aliases");
    expect(() => csv.node(['Topic'], { id: 't2', figures: { a: 1 } })).toThrow("Topic 't2', property figures: a value of type object has no CSV form");
    expect(() => csv.relationship('ABOUT', 'a1', 't1', { mixed: ['a', 1] })).toThrow('ABOUT a1 -> t1, property mixed');
  });
});
