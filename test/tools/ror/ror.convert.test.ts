import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../../src/core/config';
import {
  locationOf,
  orgKindOf,
  parseRorFile,
  rorIdOf,
  toSeedRecords,
  type RorOrg,
} from '../../../src/tools/ror/ror.convert';
import { mergeSeed } from '../../../src/record/record.merge';
import { OrganizationRecord, OrgRelationRecord } from '../../../src/record/record.format';

// A sample of Vietnamese ROR records (see test/fixtures/ror/README.md).
const SAMPLE = path.join(projectRoot, 'test/fixtures/ror/vietnam-sample.json');
const sampleText = fs.readFileSync(SAMPLE, 'utf8');
const sample = JSON.parse(sampleText) as { rorRelease: string; record: Record<string, unknown> }[];
const parsed = parseRorFile(sampleText, 'vietnam-sample.json');
const org = (ror: string): RorOrg => {
  const found = parsed.orgs.find((o) => o.ror === ror);
  if (!found) throw new Error(`no record ${ror}`);
  return found;
};
const entryOf = (ror: string) => sample.find((e) => String(e.record.id).endsWith(ror))!;

/** A ROR id with a valid checksum for six base-32 characters. */
function rorId(six: string): string {
  const alphabet = '0123456789abcdefghjkmnpqrstvwxyz';
  let n = 0;
  for (const ch of six) n = n * 32 + alphabet.indexOf(ch);
  return `0${six}${String(98 - ((n * 100) % 97)).padStart(2, '0')}`;
}

describe('reading the ROR sample', () => {
  test('every record is read; the schema is told by shape, not by release tag', () => {
    expect(parsed.problems).toEqual([]);
    expect(parsed.orgs.length + parsed.withdrawn.length).toBe(194);
    const bySchema = [...parsed.orgs, ...parsed.withdrawn].reduce((n, o) => ({ ...n, [o.schema]: (n[o.schema] ?? 0) + 1 }), {} as Record<number, number>);
    expect(bySchema).toEqual({ 1: 50, 2: 144 });
    // Released in v1.56, but written in schema v2.
    expect(entryOf('00waaqh38').rorRelease).toBe('v1.56');
    expect(org('00waaqh38').schema).toBe(2);
  });

  test('a v1 record: names, kind, external ids (GRID given as a string), city province, provenance', () => {
    const hcmut = org('04qva2324');
    expect(hcmut).toMatchObject({
      schema: 1,
      name: 'Ho Chi Minh City University of Technology',
      nameEn: 'Ho Chi Minh City University of Technology',
      kind: 'UNIVERSITY',
      acronyms: ['HCMUT', 'VNU HCMUT'],
      website: 'https://www.hcmut.edu.vn',
      location: 'prov-ho-chi-minh',
      note: 'ROR record https://ror.org/04qva2324 (release v1.34)',
    });
    // The Vietnamese label comes first among the aliases.
    expect(hcmut.aliases[0]).toBe('Trường Đại học Bách khoa, Đại học Quốc gia Thành phố Hồ Chí Minh');
    expect(hcmut.aliases).toContain('University of Technology, Vietnam National University Ho Chi Minh City');
    // OrgRef is a discontinued scheme and is not kept.
    expect(hcmut.externalIds).toEqual({ ROR: ['04qva2324'], ISNI: ['0000 0001 0111 2723'], Wikidata: ['Q3101701'], GRID: ['grid.444828.6'] });
    expect(org('03qd55m24')).toMatchObject({ name: 'Academy Of Finance', aliases: ['Học Viện Tài Chính'], acronyms: ['AOF'], location: 'prov-ha-noi' });
  });

  test('a v2 record: ror_display name, acronyms, FundRef and other ids, website link', () => {
    expect(org('001ydh096')).toMatchObject({
      schema: 2,
      name: 'University of Science and Technology - The University of Da Nang',
      nameEn: 'University of Science and Technology - The University of Da Nang',
      kind: 'UNIVERSITY',
      aliases: ['Trường Đại học Bách khoa, Đại học Đà Nẵng', 'Da Nang University of Technology'],
      acronyms: ['DUT', 'DUT-UD'],
      website: 'https://dut.udn.vn',
      location: 'prov-da-nang',
      externalIds: { ROR: ['001ydh096'], FundRef: ['100016556'], GRID: ['grid.444912.e'], ISNI: ['0000 0004 0566 5028'], Wikidata: ['Q5207276'] },
    });
  });

  test('a display name in Vietnamese stays the name; the English name comes from an English label or alias', () => {
    expect(org('01ce8nm85')).toMatchObject({ name: 'Trường Đại học Hoà Bình', nameEn: 'Hoa Binh University' });
    const dost = org('037hwy185');
    expect(dost).toMatchObject({ name: 'Sở Khoa học và Công nghệ Thành phố Hồ Chí Minh', kind: 'GOVERNMENT', location: 'prov-ho-chi-minh' });
    expect(dost.aliases).toContain('Sở KH&CN TP.HCM');
  });

  test('the province comes from the city, not from the wrong GeoNames admin fields', () => {
    const subdivision = (ror: string) => (entryOf(ror).record.locations as { geonames_details: { country_subdivision_name?: string } }[])[0].geonames_details.country_subdivision_name;
    // Ministry of Science and Technology, Hanoi, tagged "An Giang Province" by ROR.
    expect(subdivision('02b207r52')).toBe('An Giang Province');
    expect(org('02b207r52')).toMatchObject({ name: 'Ministry of Science and Technology', kind: 'GOVERNMENT', location: 'prov-ha-noi', acronyms: ['MOST'] });
    // Hue University tagged "Bình Định Province"; Hung Vuong University (Việt Trì) tagged "Quang Tri".
    expect(subdivision('00qaa6j11')).toBe('Bình Định Province');
    expect(org('00qaa6j11').location).toBe('prov-hue');
    expect(subdivision('036xsg644')).toBe('Quang Tri');
    expect(org('036xsg644').location).toBe('prov-phu-tho');
  });

  test('a city missing from the table falls back to the nearest listed city, else to the country', () => {
    // "Trần Hưng Đạo" is a ward name found in many cities; its coordinates are 36 km from Biên Hòa.
    expect(org('058hj4z31').location).toBe('prov-dong-nai');
    expect(locationOf({ city: 'Long Biên', lat: 21.04, lng: 105.89, country: 'VN' })).toBe('prov-ha-noi');
    expect(locationOf({ city: 'Somewhere', lat: 22.8, lng: 104.98, country: 'VN' })).toBe('country-vn');
    expect(locationOf({ city: 'Paris', lat: 48.85, lng: 2.35, country: 'FR' })).toBe('country-fr');
    expect(locationOf({ city: 'Thành phố Hồ Chí Minh', country: 'VN' })).toBe('prov-ho-chi-minh');
  });

  test('ROR types map to kinds by priority', () => {
    expect(orgKindOf(['education', 'funder'])).toBe('UNIVERSITY');
    expect(orgKindOf(['funder', 'government'])).toBe('GOVERNMENT');
    expect(orgKindOf(['Healthcare'])).toBe('HOSPITAL');
    expect(orgKindOf(['facility', 'government'])).toBe('RESEARCH_INSTITUTE');
    expect(orgKindOf(['Archive'])).toBe('RESEARCH_INSTITUTE');
    expect(orgKindOf(['Company'])).toBe('COMPANY');
    expect(orgKindOf(['nonprofit'])).toBe('NETWORK');
    expect(orgKindOf(['other'])).toBe('NETWORK');
    expect(orgKindOf(['government'], 'AU')).toBe('FOREIGN_BODY');
    expect(orgKindOf([])).toBeUndefined();
  });

  test('withdrawn records are read but not imported', () => {
    expect(parsed.withdrawn.map((o) => o.ror).sort()).toEqual(['01mhkcn55', '039qf8r60']);
    expect(parsed.orgs.some((o) => o.ror === '01mhkcn55')).toBe(false);
  });

  test('ROR ids are checked, checksum included', () => {
    expect(rorIdOf('https://ror.org/00waaqh38')).toBe('00waaqh38');
    expect(rorIdOf('00waaqh38')).toBe('00waaqh38');
    expect(rorIdOf('https://ror.org/00waaqh39')).toBeUndefined();
    expect(rorIdOf('https://ror.org/00waaqh3')).toBeUndefined();
  });
});

describe('seed records from ROR', () => {
  const curated: Record<string, string> = { '00waaqh38': 'org-vnu-hcm', '003szmg30': 'org-vnu-hcm-iu', '02b207r52': 'org-most' };
  const seed = toSeedRecords(parsed.orgs, 'vietnam-sample.json', (ror) => curated[ror]);
  const record = (id: string) => seed.organizations.find((o) => o.record.id === id)!.record;

  test('records keep the id of the organisation carrying their ROR id, else get org-ror-<ror>', () => {
    expect(record('org-vnu-hcm').ror).toBe('00waaqh38');
    expect(record('org-ror-02jmfj006')).toMatchObject({ kind: 'UNIVERSITY', name: 'Vietnam National University, Hanoi', location: 'prov-ha-noi' });
    expect(seed.organizations.some((o) => o.record.id === 'org-ror-00waaqh38')).toBe(false);
    for (const { record: r } of seed.organizations) expect(OrganizationRecord.safeParse(r).success).toBe(true);
    for (const { record: r } of seed.relations) expect(OrgRelationRecord.safeParse(r).success).toBe(true);
    expect(record('org-ror-04qva2324').provenance).toEqual([{ source: 'ext-ror', note: 'ROR record https://ror.org/04qva2324 (release v1.34)' }]);
  });

  test('parents point into the file or the graph; unknown targets are left out and counted', () => {
    expect(record('org-ror-0138jhg57').parent).toBe('org-vnu-hcm');
    expect(record('org-ror-05c53qb74').parent).toBe('org-most');
    expect(record('org-ror-011pd5k86').parent).toBe('org-ror-02wsd5p50');
    // International Centre of Physics: UNESCO (unknown) and VAST (in the file) are both parents.
    expect(record('org-ror-04rwqq797').parent).toBe('org-ror-02wsd5p50');
    // OUCRU's parents (Oxford, Wellcome Trust) are not known.
    expect(record('org-ror-05rehad94').parent).toBeUndefined();
    expect(seed.unresolved).toContainEqual({ from: 'org-ror-05rehad94', type: 'parent', ror: '052gg0110' });
  });

  test('symmetric Related relations are stored once, with the provenance of both records', () => {
    const set = mergeSeed({ nodes: [], edges: seed.relations, problems: [], files: [] });
    const choRay = set.edges.filter((e) => e.record.type === 'orgRelation' && [e.record.from, e.record.to].includes('org-ror-00n8yb347'));
    expect(choRay).toHaveLength(1);
    expect(choRay[0].record).toMatchObject({ from: 'org-ror-00n8yb347', to: 'org-ror-025kb2624', kind: 'RELATED' });
    expect(choRay[0].provenance).toHaveLength(2);
  });

  test('a Child counts only when the child states no parent; Successor becomes an orgRelation', () => {
    const [p, c, s, t] = [rorId('aaaaaa'), rorId('bbbbbb'), rorId('cccccc'), rorId('dddddd')];
    const v2 = (id: string, name: string, relationships: object[]) => ({
      id: `https://ror.org/${id}`,
      names: [{ value: name, lang: 'en', types: ['ror_display', 'label'] }],
      status: 'active',
      types: ['facility'],
      locations: [{ geonames_details: { name: 'Can Tho', lat: 10.03, lng: 105.78, country_code: 'VN' } }],
      relationships,
    });
    const file = parseRorFile(
      JSON.stringify([
        v2(p, 'Parent', [{ type: 'child', id: `https://ror.org/${c}`, label: 'Child' }, { type: 'child', id: `https://ror.org/${s}`, label: 'Other' }]),
        v2(c, 'Child', []),
        v2(s, 'Other child', [{ type: 'parent', id: `https://ror.org/${t}`, label: 'Elsewhere' }, { type: 'successor', id: `https://ror.org/${t}`, label: 'Elsewhere' }]),
        v2(t, 'Elsewhere', []),
      ]),
      'pairs.json',
    );
    expect(file.problems).toEqual([]);
    const out = toSeedRecords(file.orgs, 'pairs.json', () => undefined);
    const parentOf = (id: string) => out.organizations.find((o) => o.record.ror === id)!.record.parent;
    expect(parentOf(c)).toBe(`org-ror-${p}`);
    expect(parentOf(s)).toBe(`org-ror-${t}`);
    expect(out.relations.map((r) => r.record)).toEqual([
      expect.objectContaining({ from: `org-ror-${s}`, to: `org-ror-${t}`, kind: 'SUCCESSOR' }),
    ]);
    expect(out.organizations[0].record.location).toBe('prov-can-tho');
  });
});

describe('malformed ROR files', () => {
  test('each bad record is reported with file, 1-based index and field; the good ones are kept', () => {
    const good = entryOf('001ydh096');
    const noDisplay = { rorRelease: 'v2.1', record: { ...entryOf('01351mb48').record, names: [{ value: 'X', lang: 'en', types: ['label'] }] } };
    const badChecksum = { ...entryOf('03qd55m24').record, id: 'https://ror.org/03qd55m25' };
    const unknownType = { rorRelease: 'v2.1', record: { ...entryOf('0164qgj37').record, types: ['spaceship'] } };
    const noName = { rorRelease: 'v1.9', record: { id: 'https://ror.org/03qd55m24', types: ['Education'] } };
    const file = parseRorFile(JSON.stringify([good, noDisplay, badChecksum, 42, unknownType, noName, good]), 'broken.json');
    expect(file.orgs.map((o) => o.ror)).toEqual(['001ydh096']);
    expect(file.problems).toEqual([
      expect.objectContaining({ file: 'broken.json', line: 2, field: 'record.names' }),
      expect.objectContaining({ file: 'broken.json', line: 3, field: 'id' }),
      expect.objectContaining({ file: 'broken.json', line: 4, field: undefined }),
      expect.objectContaining({ file: 'broken.json', line: 5, field: 'record.types' }),
      expect.objectContaining({ file: 'broken.json', line: 6, field: 'record.name' }),
      expect.objectContaining({ file: 'broken.json', line: 7, field: 'record.id', message: 'ROR id 001ydh096 is also record 1' }),
    ]);
  });

  test('a single bare record is a file of one; broken JSON is a problem of the whole file (index 0)', () => {
    const one = parseRorFile(JSON.stringify(entryOf('02b207r52').record), 'one.json');
    expect(one.problems).toEqual([]);
    expect(one.orgs).toHaveLength(1);
    expect(one.orgs[0]).toMatchObject({ index: 1, release: undefined, note: 'ROR record https://ror.org/02b207r52' });
    expect(parseRorFile('[{"id": ', 'cut.json').problems).toEqual([expect.objectContaining({ file: 'cut.json', line: 0, message: expect.stringMatching(/not valid JSON/) })]);
    expect(parseRorFile('"text"', 'text.json').problems[0]).toMatchObject({ line: 0 });
  });
});
