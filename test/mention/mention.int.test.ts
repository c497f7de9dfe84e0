import { data, gqlClient, openTestDb } from '../helpers/graph';

const db = openTestDb();
const gql = gqlClient(db);
afterAll(() => db.close());

const MENTIONS = `query ($source: ID, $text: String) {
  mentions(source: $source, text: $text) {
    totalCount
    mentions { start end text sentence sentenceStart candidates { id kind } }
    known { id kind }
    newNames { name sentence }
  }
}`;

describe('mentions', () => {
  test('a typed text finds the departments it names in their usual forms, with offsets and sentences', async () => {
    const text = 'Hôm nay DOST Ca Mau làm việc với Sở KH&CN TP. Cần Thơ. Công văn số 416/SKHCN-VP đã gửi.';
    const { mentions } = await data(gql(MENTIONS, { text }));
    const byText = new Map(mentions.mentions.map((m: { text: string }) => [m.text, m]));
    expect(byText.get('DOST Ca Mau')).toMatchObject({ start: text.indexOf('DOST'), candidates: [{ id: 'org-dost-ca-mau', kind: 'ORGANIZATION' }] });
    expect((byText.get('Sở KH&CN TP. Cần Thơ') as { candidates: Array<{ id: string }> }).candidates.map((c) => c.id)).toContain('org-dost-can-tho');
    expect(byText.get('416/SKHCN-VP')).toMatchObject({ sentence: 'Công văn số 416/SKHCN-VP đã gửi.', candidates: [{ kind: 'SOURCE' }] });
    for (const m of mentions.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
  });

  test('measured on the five documents: most organisations curated from a document are found in its text', async () => {
    const sources = await db.read(`MATCH (s:Source) WHERE s.text IS NOT NULL RETURN s.id AS id ORDER BY id`);
    expect(sources.length).toBe(5);
    let curated = 0;
    let found = 0;
    let named = 0;
    const lines: string[] = [];
    for (const { id } of sources) {
      const [row] = await db.read(`MATCH (o:Organization) WHERE $id IN o.sources RETURN collect(o.id) AS ids`, { id });
      const expected = new Set(row.ids as string[]);
      const { mentions } = await data(gql(MENTIONS, { source: id }));
      const known = new Set(mentions.known.filter((k: { kind: string }) => k.kind === 'ORGANIZATION').map((k: { id: string }) => k.id));
      named += known.size;
      const hits = [...expected].filter((o) => known.has(o));
      curated += expected.size;
      found += hits.length;
      lines.push(`${String(id)}: ${hits.length}/${expected.size}; missed ${[...expected].filter((o) => !known.has(o)).join(', ') || 'none'}`);
    }
    const share = found / curated;
    // The figure the README quotes; printed so a run shows it.
    const precision = found / named;
    console.log(
      `mentions find ${found} of ${curated} curated organisations in their own documents (${(100 * share).toFixed(1)}%); ` +
        `${found} of the ${named} organisations they name are curated from that document (${(100 * precision).toFixed(1)}%)\n${lines.join('\n')}`,
    );
    expect(share).toBeGreaterThanOrEqual(0.85);
    expect(precision).toBeGreaterThanOrEqual(0.5);
  });

  test('a name that matches no known body is offered as new', async () => {
    const text = 'Sở KH&CN tỉnh Bình Thuận và Trường Đại học Ví Dụ Mới đã ký kết.';
    const { mentions } = await data(gql(MENTIONS, { text }));
    expect(mentions.newNames).toEqual([{ name: 'Trường Đại học Ví Dụ Mới', sentence: text }]);
    expect(mentions.known.map((k: { id: string }) => k.id)).toContain('org-dost-binh-thuan');
  });

  test('without a source or a text, or with both, it is BAD_USER_INPUT; an unknown source is NOT_FOUND', async () => {
    expect((await gql(MENTIONS, {})).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect((await gql(MENTIONS, { source: 'src-000', text: 'x' })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect((await gql(MENTIONS, { source: 'src-nope' })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});
