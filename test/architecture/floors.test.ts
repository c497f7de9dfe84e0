import path from 'node:path';
import { floorOf, folderLoops, importsOf, violation, type ImportEdge } from './floors';

const SRC = path.join(__dirname, '..', '..', 'src');
const edges = importsOf(SRC);

describe('the floors of src/', () => {
  it('finds the imports it checks', () => {
    expect(edges.filter((e) => e.internal).length).toBeGreaterThan(300);
  });

  it('has no import from a floor up to a higher one, no neo4j-driver outside src/db/, and no product import of the tools wing', () => {
    expect(edges.map(violation).filter(Boolean)).toEqual([]);
  });

  it('reports each kind of violation it exists to catch', () => {
    const e = (from: string, to: string, internal = true): ImportEdge => ({ from, to, internal });
    expect(violation(e('db/database.ts', 'organization/organization.type'))).toMatch(/a floor above/);
    expect(violation(e('graphql/paging.ts', 'agreement/agreement.type'))).toMatch(/a floor above/);
    expect(violation(e('organization/organization.resolver.ts', 'app/server'))).toMatch(/a floor above/);
    expect(violation(e('organization/organization.mapper.ts', 'neo4j-driver', false))).toMatch(/only src\/db/);
    expect(violation(e('tools/seed/seed.rows.ts', 'neo4j-driver', false))).toMatch(/only src\/db/);
    expect(violation(e('app/main.ts', 'tools/seed/seed.importer'))).toMatch(/tools wing/);
    expect(violation(e('tools/cli/start.ts', 'app/main'))).toBeNull();
    expect(violation(e('agreement/agreement.type.ts', 'organization/organization.type'))).toBeNull();
    expect(floorOf('rules/tie.ts')).toBe('kit');
    expect(violation(e('app/explore/client/api.ts', 'core/errors'))).toMatch(/browser code/);
    expect(violation(e('app/explore/explore.router.ts', 'app/explore/client/api'))).toMatch(/browser code/);
    expect(violation(e('app/explore/client/main.ts', 'app/explore/client/api'))).toBeNull();
    expect(violation(e('app/explore/client/graph-view.ts', 'sigma', false))).toBeNull();
  });

  it('carries the request scope explicitly: nothing in src/ uses async_hooks (AsyncLocalStorage)', () => {
    // On Node 20 one live AsyncLocalStorage makes every promise in the process pay a hook.
    expect(edges.filter((e) => !e.internal && /^(node:)?async_hooks$/.test(e.to)).map((e) => e.from)).toEqual([]);
    expect(edges.some((e) => !e.internal && e.to === 'node:crypto')).toBe(true);
  });

  it('has no folder-level import loop except among domains, whose entity types refer to each other', () => {
    const loops = folderLoops(edges).filter((group) => group.some((unit) => floorOf(`${unit}/x.ts`) !== 'domain'));
    expect(loops).toEqual([]);
  });
});
