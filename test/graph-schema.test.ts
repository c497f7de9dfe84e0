import { populationOrder, readSchemaStatements } from '../src/graph-schema';

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

  test('indexes are created before constraints, each group in file order, none lost', () => {
    const ordered = populationOrder(statements);
    expect([...ordered].sort()).toEqual([...statements].sort());
    const firstConstraint = ordered.findIndex((s) => s.startsWith('CREATE CONSTRAINT'));
    expect(firstConstraint).toBeGreaterThan(0);
    expect(ordered.slice(firstConstraint).every((s) => s.startsWith('CREATE CONSTRAINT'))).toBe(true);
    const constraints = statements.filter((s) => s.startsWith('CREATE CONSTRAINT'));
    expect(ordered.slice(firstConstraint)).toEqual(constraints);
  });
});
