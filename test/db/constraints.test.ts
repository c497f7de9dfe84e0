import { populationOrder, readSchemaStatements } from '../../src/db/constraints';

describe('graph schema file', () => {
  const statements = readSchemaStatements();

  test('every statement is idempotent', () => {
    expect(statements.length).toBeGreaterThanOrEqual(10);
    for (const s of statements) expect(s).toMatch(/IF NOT EXISTS/);
  });

  test('every node label has a uniqueness constraint on id', () => {
    for (const label of ['Organization', 'AdminUnit', 'Region', 'Agreement', 'Activity', 'Person', 'Source', 'Topic']) {
      expect(statements.some((s) => s.includes(`FOR (n:${label}) REQUIRE n.id IS UNIQUE`))).toBe(true);
    }
  });

  test('the name index folds diacritics', () => {
    const fulltext = statements.find((s) => s.startsWith('CREATE FULLTEXT INDEX name_search'));
    expect(fulltext).toContain("'standard-folding'");
  });

  test('full-text indexes come first, then the other indexes, then constraints, each group in file order, none lost', () => {
    const ordered = populationOrder(statements);
    expect([...ordered].sort()).toEqual([...statements].sort());
    const group = (s: string) => (s.startsWith('CREATE FULLTEXT') ? 0 : s.startsWith('CREATE CONSTRAINT') ? 2 : 1);
    const groups = ordered.map(group);
    expect(groups).toEqual([...groups].sort());
    expect(new Set(groups)).toEqual(new Set([0, 1, 2]));
    for (const g of [0, 1, 2]) expect(ordered.filter((s) => group(s) === g)).toEqual(statements.filter((s) => group(s) === g));
  });
});
