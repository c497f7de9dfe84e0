// The requests of the load run: what normal clients ask, and the worst requests the hub has been sent
// (each one took the hub down or froze it before it had cost limits, deadlines and fair sharing).

/** Ordinary questions on the curated seed graph; each answer is compared with the one given when the hub was idle. */
export const NORMAL_QUERIES: ReadonlyArray<{ name: string; query: string }> = [
  { name: 'province', query: '{ adminUnit(id: "prov-can-tho") { name current { id name } } }' },
  { name: 'organization', query: '{ organization(id: "org-vnu-hcm") { id name location { id name } } }' },
  { name: 'list', query: '{ organizations(first: 10) { nodes { id name } } }' },
  { name: 'search', query: '{ search(text: "Cần Thơ", first: 5) { id kind label } }' },
];

const NESTED = 'organizations(first:500){ nodes{ id agreements{ agreement{ parties{ organization{ agreements{ agreement{ parties{ organization{ agreements{ agreement{ id title }}}}}}}}}}}}';

const aliased = (count: number, body: (i: number) => string) => `{ ${Array.from({ length: count }, (_, i) => body(i)).join(' ')} }`;

/** One kind of hostile request, sent over and over by one client. */
export interface AttackKind {
  name: string;
  /** Requests this attacker keeps in flight at once (one client: the hub lets it have a few). */
  concurrency: number;
  query: string;
}

/** The attacks of the issue that made the hub fall over, each sent by one client as fast as it is answered. */
export function attackKinds(atBudget: string): AttackKind[] {
  const fragments = Array.from({ length: 25 }, (_, i) => `fragment F${i} on Query{...F${i + 1} ...F${i + 1}}`).join(' ');
  return [
    { name: 'nested 236-byte query', concurrency: 4, query: `{ ${NESTED} }` },
    { name: 'nested, 30 aliases', concurrency: 4, query: aliased(30, (i) => `a${i}: ${NESTED}`) },
    { name: 'nested, 60 aliases', concurrency: 4, query: aliased(60, (i) => `a${i}: ${NESTED}`) },
    { name: '26 doubling fragments', concurrency: 4, query: `query{...F0} ${fragments} fragment F25 on Query{__typename}` },
    {
      name: '2,000 aliased exports',
      concurrency: 4,
      query: `{ cooperationNetwork(limit:2000){ ${Array.from({ length: 2000 }, (_, i) => `e${i}:export(format:GRAPHML){content}`).join(' ')} } }`,
    },
    { name: '1,000 aliased networks', concurrency: 4, query: aliased(1000, (i) => `n${i}: cooperationNetwork(limit:2000){ nodes{ id } edges{ __typename } }`) },
    { name: 'at the cost budget', concurrency: 4, query: atBudget },
    { name: 'flood (32 at once)', concurrency: 32, query: '{ organizations(first: 50) { nodes { id name } } }' },
  ];
}

/**
 * Candidates for a request at the cost budget, most costly first: the nested shape above with explicit page
 * sizes, the top one and the five nested ones. The run sends the first one the hub does not refuse.
 */
export function budgetLadder(): string[] {
  const shapes: Array<{ top: number; nested: number }> = [];
  for (const top of [500, 100, 20, 5]) for (const nested of [100, 50, 20, 10, 5, 3, 2, 1]) shapes.push({ top, nested });
  shapes.sort((a, b) => b.top * b.nested ** 5 - a.top * a.nested ** 5);
  return shapes.map(({ top, nested }) => {
    const n = `(first:${nested})`;
    return `{ organizations(first:${top}){ nodes{ id agreements${n}{ agreement{ parties${n}{ organization{ agreements${n}{ agreement{ parties${n}{ organization{ agreements${n}{ agreement{ id title }}}}}}}}}}}}}`;
  });
}
