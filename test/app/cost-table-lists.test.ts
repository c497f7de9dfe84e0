import { getOperationAST, parse } from 'graphql';
import { buildHubSchema } from '../../src/app/schema';
import { HUB_COST_TABLE } from '../../src/app/cost-table';
import { estimateCost } from '../../src/graphql/cost';

const hub = buildHubSchema();

function cost(query: string): number {
  const document = parse(query);
  const operation = getOperationAST(document);
  if (!operation) throw new Error('no operation');
  return estimateCost({ schema: hub, document, operation, table: HUB_COST_TABLE }).cost;
}

describe('the cost of the lists that page by position', () => {
  test('a timeline costs by its first, up to 5000 events, whether plain or as a connection', () => {
    const small = cost('{ timeline(actor: "x", first: 10) { date } }');
    const big = cost('{ timeline(actor: "x", first: 5000) { date } }');
    expect(big).toBeGreaterThan(100 * small);
    expect(cost('{ timeline(actor: "x") { organizations { id } } }')).toBeGreaterThan(cost('{ timeline(actor: "x", first: 10) { organizations { id } } }'));
    expect(cost('{ timelinePage(actor: "x", first: 5000) { nodes { date } } }')).toBeGreaterThanOrEqual(5000);
    expect(cost('{ timelinePage(actor: "x", first: 5000) { nodes { date } } }')).toBeGreaterThan(cost('{ timelinePage(actor: "x", first: 10) { nodes { date } } }'));
  });

  test('crossRegionTies weighs what crossRegionLinks weighs, and its nodes count by first', () => {
    const ties = cost('{ crossRegionTies(first: 10) { nodes { count } } }');
    const links = cost('{ crossRegionLinks(first: 10) { count } }');
    expect(ties).toBeGreaterThanOrEqual(links);
    expect(cost('{ crossRegionTies(first: 500) { nodes { a { id } } } }')).toBeGreaterThan(cost('{ crossRegionTies(first: 10) { nodes { a { id } } } }'));
  });
});
