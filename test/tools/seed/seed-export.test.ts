import { dateValue } from '../../../src/db/values';
import { mergeSeed } from '../../../src/record/record.merge';
import { buildSeedRows } from '../../../src/record/record.rows';
import { parseSeedLine } from '../../../src/tools/seed/seed.read';
import { buildSeedExport, SeedExportError, type DumpedNode } from '../../../src/tools/seed/seed.export.records';
import type { ParsedSeed } from '../../../src/record/record.parse';

// The export's records from hand-made graph rows (no database): what the importer derives is left out, what
// it stores as relationships comes back as fields, and the files are the same whatever order the rows come in.

const q = (quote: string) => [{ source: 'src-doc', quote }];
const prov = (list: unknown[]) => ({ provenance: JSON.stringify(list), sources: ['src-doc'] });
const EXT = [{ source: 'ext-decree', note: 'a decree' }];

function graph(): DumpedNode[] {
  return [
    {
      type: 'source',
      id: 'src-doc',
      props: { id: 'src-doc', kind: 'NEWS', title: 'Tin', titleKey: 'tin', file: 'sources/doc.txt', text: 'Sở X ký với Sở Y năm 2023.', provenance: '[]', sources: [] },
      out: [],
    },
    { type: 'source', id: 'ext-decree', props: { id: 'ext-decree', kind: 'EXTERNAL', title: 'Decree', provenance: '[]', sources: [] }, out: [] },
    { type: 'adminUnit', id: 'prov-x', props: { id: 'prov-x', level: 'PROVINCE', name: 'X', nameKey: 'x', ...prov(EXT) }, out: [] },
    {
      type: 'organization',
      id: 'org-x',
      props: { id: 'org-x', kind: 'GOVERNMENT', name: 'Sở X', nameKey: 'so x', aliases: ['Sở KHCN X', 'SKHCN X'], aliasText: 'Sở KHCN X | SKHCN X', ...prov([...q('Sở X'), ...EXT]) },
      out: [
        // The location is stated by the decree only: not the node's provenance.
        { type: 'LOCATED_IN', to: 'prov-x', toLabels: ['AdminUnit', 'Province'], props: { key: 'LOCATED_IN', ...prov(EXT) } },
        { type: 'PARTY_TO', to: 'agr-a', toLabels: ['Agreement'], props: { key: 'SIGNATORY', role: 'SIGNATORY', ...prov(q('Sở X ký')) } },
      ],
    },
    {
      type: 'agreement',
      id: 'agr-a',
      props: {
        id: 'agr-a', kind: 'AGREEMENT', title: 'A', titleKey: 'a',
        signedOn: dateValue(2023, 1, 1), signedOnPrecision: 'YEAR',
        validTo: dateValue(2020, 12, 31), validToPrecision: 'YEAR',
        version: 3,
        ...prov(q('ký với')),
      },
      out: [
        { type: 'ABOUT', to: 'topic-b', toLabels: ['Topic'], props: { key: 'AGREEMENT_ABOUT', ...prov(q('ký với')) } },
        { type: 'ABOUT', to: 'topic-a', toLabels: ['Topic'], props: { key: 'AGREEMENT_ABOUT', ...prov(q('ký với')) } },
      ],
    },
    { type: 'topic', id: 'topic-a', props: { id: 'topic-a', name: 'A', provenance: '[]', sources: [] }, out: [] },
    { type: 'topic', id: 'topic-b', props: { id: 'topic-b', name: 'B', provenance: '[]', sources: [] }, out: [] },
  ];
}

const lines = (content: string | undefined) => (content ?? '').trimEnd().split('\n').map((l) => JSON.parse(l));

describe('seed export records', () => {
  test('dates come back as precise as they were written, and derived or bookkeeping properties are left out', () => {
    const { files, warnings } = buildSeedExport(graph());
    const [, agreement] = lines(files.get('documents/src-doc.jsonl'));
    expect(agreement).toEqual({ type: 'agreement', id: 'agr-a', kind: 'AGREEMENT', title: 'A', signedOn: '2023', validTo: '2020', topics: ['topic-a', 'topic-b'], provenance: q('ký với') });
    expect(warnings).toEqual([]);
  });

  test('a reference field with provenance of its own becomes a further record of its node, which merging gives back', () => {
    const { files } = buildSeedExport(graph());
    const organizations = files.get('organizations.jsonl')!;
    expect(lines(organizations)).toEqual([
      { type: 'organization', id: 'org-x', kind: 'GOVERNMENT', name: 'Sở X', aliases: ['Sở KHCN X', 'SKHCN X'], provenance: [...q('Sở X'), ...EXT] },
      { type: 'organization', id: 'org-x', location: 'prov-x', provenance: EXT },
    ]);
    // Through the importer's own merge and rows: the relationship gets the decree, the node both.
    const parsed: ParsedSeed = { nodes: [], edges: [], problems: [], files: [] };
    organizations.trimEnd().split('\n').forEach((line, i) => {
      const one = parseSeedLine(line, 'organizations.jsonl', i + 1);
      if (one.node) parsed.nodes.push({ record: one.node, file: 'organizations.jsonl', line: i + 1 });
    });
    const rows = buildSeedRows(mergeSeed(parsed));
    expect(JSON.parse(String(rows.rels.LOCATED_IN[0].props.provenance))).toEqual(EXT);
    expect(JSON.parse(String((rows.organizationsByKind.GOVERNMENT[0].props as Record<string, unknown>).provenance))).toEqual([...q('Sở X'), ...EXT]);
  });

  test('records go to their canonical files, keys in schema order, one line each, whatever order the graph returns them in', () => {
    const first = buildSeedExport(graph());
    const shuffled = graph().reverse().map((n) => ({ ...n, out: [...n.out].reverse(), props: Object.fromEntries(Object.entries(n.props).reverse()) }));
    const second = buildSeedExport(shuffled);
    expect([...second.files]).toEqual([...first.files]);
    expect([...first.files.keys()]).toEqual(['documents/src-doc.jsonl', 'geography/provinces.jsonl', 'organizations.jsonl', 'sources.jsonl', 'sources/doc.txt', 'topics.jsonl']);
    expect(first.files.get('sources/doc.txt')).toBe('Sở X ký với Sở Y năm 2023.');
    expect(first.files.get('documents/src-doc.jsonl')!.split('\n')[0]).toBe(
      '{"type":"source","id":"src-doc","kind":"NEWS","title":"Tin","file":"sources/doc.txt"}',
    );
    expect(lines(first.files.get('documents/src-doc.jsonl'))[2]).toEqual({ type: 'party', organization: 'org-x', agreement: 'agr-a', role: 'SIGNATORY', provenance: q('Sở X ký') });
  });

  test('strings are written in NFC', () => {
    const nodes = graph();
    nodes[0].props.title = 'Tin mới'.normalize('NFD');
    const { files } = buildSeedExport(nodes);
    expect(lines(files.get('documents/src-doc.jsonl'))[0].title).toBe('Tin mới'.normalize('NFC'));
    expect(files.get('documents/src-doc.jsonl')).not.toContain('Tin mới'.normalize('NFD'));
  });

  test('what the format cannot say is named in a warning', () => {
    const nodes = graph();
    nodes[3].props.colour = 'blue';
    nodes[4].out[0].props.provenance = JSON.stringify(q('Sở Y'));
    nodes[0].props.file = undefined;
    const { files, warnings } = buildSeedExport(nodes);
    expect(warnings).toEqual([
      "agreement 'agr-a': the provenance of 'topics' is not part of the node's; loaded, the node's gains it",
      "agreement 'agr-a': the relationships of 'topics' carry 2 different provenances; the importer gives all of them the union",
      "organization 'org-x': property 'colour' is not a field of the seed format; left out",
      "source 'src-doc' names no file: its text is written to sources/src-doc.txt, which its record names",
    ]);
    expect(files.get('sources/src-doc.txt')).toBe('Sở X ký với Sở Y năm 2023.');
  });

  test('a text file outside the folder, or in a seed file’s place, is refused', () => {
    for (const file of ['../outside.txt', '/etc/x.txt', 'documents/x.jsonl', 'sources/../../x.txt']) {
      const nodes = graph();
      nodes[0].props.file = file;
      expect(() => buildSeedExport(nodes)).toThrow(SeedExportError);
    }
  });
});
