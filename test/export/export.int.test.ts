import 'reflect-metadata';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { parse as parseCsv } from 'csv-parse/sync';
import express from 'express';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { Arg, buildSchemaSync, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { Context } from '../../src/graphql/context';
import { NotFoundError, formatError } from '../../src/core/errors';
import { apolloExecutor, exportRouter } from '../../src/app/http/export.router';
import { RESOLVERS } from '../../src/app/schema';
import { createLogger } from '../../src/core/logger';
import type { NetworkGraph } from '../../src/network/network.type';
import { NetworkGraph as NetworkGraphType } from '../../src/network/network.type';
import { ORGANIZATION_TYPES } from '../../src/organization/organization.type';
import { startServer, type HubServer } from '../../src/app/server';
import { openTestDb } from '../helpers/graph';
import { agreementLoaders } from '../../src/agreement/agreement.loaders';
import { organizationLoaders } from '../../src/organization/organization.loaders';

// The network queries are written elsewhere; this test-only query builds a small NetworkGraph from the real
// graph through the request's loaders: an agreement and its parties, one PARTY_TO edge per party.
@Resolver()
class PartyNetworkResolver {
  @Query(() => NetworkGraphType, { description: 'Test only: an agreement and its parties' })
  async partyNetwork(@Arg('agreement', () => ID) id: string, @Ctx() ctx: Context): Promise<NetworkGraph> {
    const agreement = await agreementLoaders(ctx).agreementById.load(id);
    if (!agreement) throw new NotFoundError('Agreement', id);
    const parties = await agreementLoaders(ctx).agreementParties.load(id, { first: 1000, offset: 0 });
    const orgIds = [...new Set(parties.map((p) => p.organizationId))];
    const [orgs, locations] = await Promise.all([
      Promise.all(orgIds.map((o) => organizationLoaders(ctx).orgById.load(o))),
      Promise.all(orgIds.map((o) => organizationLoaders(ctx).orgLocation.load(o))),
    ]);
    return {
      truncated: false,
      nodes: [
        { id, type: 'Agreement', kind: agreement.kind, label: agreement.titleEn ?? agreement.title, name: agreement.title, location: null, distance: 0 },
        ...orgs.map((o, i) => ({
          id: o!.id,
          type: 'Organization',
          kind: o!.kind,
          label: o!.nameEn ?? o!.name,
          name: o!.name,
          location: locations[i]?.id ?? null,
          distance: 1,
        })),
      ],
      edges: orgIds.map((o) => ({
        source: o,
        target: id,
        type: 'PARTY_TO',
        weight: parties.filter((p) => p.organizationId === o).length,
        evidence: [id],
      })),
    };
  }
}

const AGREEMENT = 'agr-mekong-kez-dost-programme-2018';
const TITLE = 'Chương trình hợp tác phát triển kinh tế - xã hội các tỉnh, thành phố vùng kinh tế trọng điểm đồng bằng sông Cửu Long';
const PARTIES = [
  'org-dost-an-giang',
  'org-dost-an-giang-office',
  'org-dost-ca-mau',
  'org-dost-ca-mau-office',
  'org-dost-can-tho',
  'org-dost-can-tho-office',
  'org-dost-kien-giang',
  'org-dost-kien-giang-office',
];

const db = openTestDb();
const apollo = new ApolloServer<Context>({
  schema: buildSchemaSync({ resolvers: [...RESOLVERS, PartyNetworkResolver], orphanedTypes: ORGANIZATION_TYPES, validate: false }),
  formatError,
});
const execute = apolloExecutor(apollo, db);

let server: http.Server;
let base: string;

beforeAll(async () => {
  await apollo.start();
  const app = express();
  app.use('/export', exportRouter(execute, createLogger('silent')));
  server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/export`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await apollo.stop();
  await db.close();
});

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', parseTagValue: false, isArray: (n) => ['node', 'edge', 'data', 'key'].includes(n) });
type Data = { key: string; '#text': string };
const dataOf = (el: { data?: Data[] }) => Object.fromEntries((el.data ?? []).map((d) => [d.key, d['#text']]));

async function exportField(format: string): Promise<{ format: string; contentType: string; filename: string; content: string }> {
  const r = await execute(`query($id: ID!, $format: ExportFormat!) { partyNetwork(agreement: $id) { export(format: $format) { format contentType filename content } } }`, {
    id: AGREEMENT,
    format,
  });
  expect(r.errors).toBeUndefined();
  return (r.data!.partyNetwork as { export: { format: string; contentType: string; filename: string; content: string } }).export;
}

describe('the export field of NetworkGraph', () => {
  test('CSV_NODES lists the agreement and its eight parties with Vietnamese names and commas intact', async () => {
    const file = await exportField('CSV_NODES');
    expect(file).toMatchObject({ format: 'CSV_NODES', contentType: 'text/csv; charset=utf-8', filename: 'partyNetwork-nodes.csv' });
    const rows = parseCsv(file.content, { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r.id).sort()).toEqual([AGREEMENT, ...PARTIES].sort());
    expect(rows.find((r) => r.id === AGREEMENT)).toMatchObject({ type: 'Agreement', kind: 'PROGRAMME', name: TITLE, location: '', distance: '0' });
    expect(rows.find((r) => r.id === 'org-dost-can-tho')).toEqual({
      id: 'org-dost-can-tho',
      type: 'Organization',
      kind: 'GOVERNMENT',
      label: 'Cần Thơ Department of Science and Technology',
      name: 'Sở Khoa học và Công nghệ thành phố Cần Thơ',
      location: 'prov-can-tho',
      distance: '1',
      truncated: 'false',
    });
  });

  test('CSV_EDGES has one edge per party, weighted by its roles', async () => {
    const rows = parseCsv((await exportField('CSV_EDGES')).content, { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(8);
    // Cần Thơ's department is both signatory and coordinator.
    expect(rows.find((r) => r.source === 'org-dost-can-tho')).toEqual({
      source: 'org-dost-can-tho',
      target: AGREEMENT,
      type: 'PARTY_TO',
      weight: '2',
      count: '1',
      tieKind: '',
      countsByKind: '',
      firstDate: '',
      lastDate: '',
      evidence: AGREEMENT,
      truncated: 'false',
    });
    expect(rows.find((r) => r.source === 'org-dost-ca-mau')?.weight).toBe('1');
  });

  test('GRAPHML is well-formed, directed, with 9 nodes and 8 edges', async () => {
    const file = await exportField('GRAPHML');
    expect(file).toMatchObject({ contentType: 'application/graphml+xml; charset=utf-8', filename: 'partyNetwork.graphml' });
    expect(XMLValidator.validate(file.content)).toBe(true);
    const graph = xml.parse(file.content).graphml.graph;
    expect(graph.edgedefault).toBe('directed');
    expect(graph.node).toHaveLength(9);
    expect(graph.edge).toHaveLength(8);
    const agreement = graph.node.find((n: { id: string }) => n.id === AGREEMENT);
    expect(dataOf(agreement).n_name).toBe(TITLE);
  });

  test('JSON is node-link data with every field', async () => {
    const parsed = JSON.parse((await exportField('JSON')).content);
    expect(parsed).toMatchObject({ directed: true, multigraph: false, graph: { truncated: false, mode: 'ONE_MODE' } });
    expect(parsed.nodes).toHaveLength(9);
    expect(parsed.edges).toContainEqual({
      source: 'org-dost-an-giang-office',
      target: AGREEMENT,
      type: 'PARTY_TO',
      weight: 1,
      count: 1,
      tieKind: null,
      countsByKind: null,
      firstDate: null,
      lastDate: null,
      evidence: [AGREEMENT],
    });
  });

  test('exporting costs no database statement', async () => {
    const count = async (selection: string) => {
      const before = db.statementCount;
      const r = await execute(`query($id: ID!) { partyNetwork(agreement: $id) { ${selection} } }`, { id: AGREEMENT });
      expect(r.errors).toBeUndefined();
      return db.statementCount - before;
    };
    const plain = await count('truncated');
    expect(plain).toBeGreaterThan(0);
    expect(await count('truncated a: export(format: GRAPHML) { content } b: export(format: JSON) { content } c: export(format: CSV_NODES) { content }')).toBe(plain);
  });
});

describe('GET /export through Apollo', () => {
  const get = (params: Record<string, string>) => fetch(`${base}?${new URLSearchParams(params)}`);

  test('answers GraphML for a query with variables, as an attachment', async () => {
    const res = await get({ query: 'query($id: ID!) { partyNetwork(agreement: $id) { nodes { id } } }', variables: JSON.stringify({ id: AGREEMENT }), format: 'graphml' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/graphml+xml; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="partyNetwork.graphml"');
    const body = await res.text();
    expect(XMLValidator.validate(body)).toBe(true);
    const graph = xml.parse(body).graphml.graph;
    expect(graph.node.map((n: { id: string }) => n.id).sort()).toEqual([AGREEMENT, ...PARTIES].sort());
    expect(graph.edge).toHaveLength(8);
  });

  test('answers CSV edges and node-link JSON, named after the alias', async () => {
    const csv = await get({ query: `{ mekong: partyNetwork(agreement: "${AGREEMENT}") }`, format: 'csv-edges' });
    expect(csv.headers.get('content-disposition')).toBe('attachment; filename="mekong-edges.csv"');
    expect(parseCsv(await csv.text(), { columns: true })).toHaveLength(8);
    const json = await get({ query: `{ partyNetwork(agreement: "${AGREEMENT}") }`, format: 'json' });
    expect(json.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const parsed = (await json.json()) as { nodes: Array<{ id: string; name: string }> };
    expect(parsed.nodes.find((n) => n.id === 'org-dost-ca-mau')?.name).toBe('Sở Khoa học và Công nghệ tỉnh Cà Mau');
  });

  test('an unknown id is 404 NOT_FOUND', async () => {
    const res = await get({ query: '{ partyNetwork(agreement: "agr-nope") }', format: 'json' });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: 'NOT_FOUND', message: "Agreement 'agr-nope' does not exist" } });
  });

  test('a field that is not a network is 400, naming the field', async () => {
    const res = await get({ query: '{ organization(id: "org-csiro") }', format: 'csv-nodes' });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: { code: 'BAD_USER_INPUT', message: "the top-level field 'organization' does not return a NetworkGraph" } });
  });

  test('a missing variable is 400 with the GraphQL message', async () => {
    const res = await get({ query: 'query($id: ID!) { partyNetwork(agreement: $id) }', format: 'json' });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('BAD_USER_INPUT');
    expect(body.error.message).toContain('$id');
  });
});

describe('the hub server mounts /export next to /graphql', () => {
  let hub: HubServer;
  let hubBase: string;
  beforeAll(async () => {
    hub = await startServer({ db, log: createLogger('silent'), host: '127.0.0.1', port: 0, maxQueryDepth: 12 });
    hubBase = hub.url.replace(/\/graphql$/, '');
  });
  afterAll(() => hub.stop());

  test('it runs the query through the hub schema and names the problem', async () => {
    const res = await fetch(`${hubBase}/export?${new URLSearchParams({ query: '{ adminUnit(id: "prov-can-tho") }', format: 'graphml' })}`);
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: { code: 'BAD_USER_INPUT', message: "the top-level field 'adminUnit' does not return a NetworkGraph" } });
  });

  test('a request without a format is 400', async () => {
    const res = await fetch(`${hubBase}/export?${new URLSearchParams({ query: '{ adminUnit(id: "prov-can-tho") }' })}`);
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: { code: 'BAD_USER_INPUT', message: "the 'format' parameter is required" } });
  });
});
