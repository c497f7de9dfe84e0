import { NotFoundError, formatError } from '../../src/core/errors';
import { GraphQLError } from 'graphql';
import { candidatePrefixes, labelsOfKind, rankClosest } from '../../src/node/node.closest';

describe('the ids a NOT_FOUND suggests', () => {
  test('candidates share the id up to one of its separators, or its first two thirds', () => {
    expect(candidatePrefixes('org-dost-ca-mau-typo')).toEqual(['org-dost-ca-mau', 'org-dost-ca', 'org-dost', 'org', 'org-dost-ca-ma']);
    expect(candidatePrefixes('x')).toEqual([]);
  });

  test('the closest come first, at most three, and nothing far off', () => {
    const ranked = rankClosest('org-dost-ca-mau-typo', ['org-dost-ca-mau', 'org-dost-can-tho', 'org-pc-ca-mau', 'org-most', 'org-dost-ca-mau-typo']);
    expect(ranked[0]).toBe('org-dost-ca-mau');
    expect(ranked).not.toContain('org-most');
    expect(ranked).not.toContain('org-dost-ca-mau-typo');
    expect(rankClosest('prov-ca-mua', ['prov-ca-mau', 'prov-ca-mau-2025', 'prov-cao-bang', 'prov-can-tho', 'prov-bac-lieu'])).toEqual([
      'prov-ca-mau',
      'prov-can-tho',
      'prov-cao-bang',
    ]);
    expect(rankClosest('nope-404', ['org-most'])).toEqual([]);
  });

  test('an actor may be an organisation, a unit or a region', () => {
    expect(labelsOfKind('Actor')).toEqual(['Organization', 'AdminUnit', 'Region']);
    expect(labelsOfKind('SourceDocument')).toEqual(['Source']);
    expect(labelsOfKind('ORGANIZATION')).toEqual(['Organization']);
  });

  test('the message and extensions name the suggestions', () => {
    const error = new NotFoundError('Organization', 'org-dost-ca-mau-typo');
    expect(error.extensions).toMatchObject({ code: 'NOT_FOUND', closest: [] });
    error.suggest(['org-dost-ca-mau', 'org-pc-ca-mau']);
    const out = formatError({ message: 'x' }, new GraphQLError('x', { originalError: error }));
    expect(out.message).toBe("Organization 'org-dost-ca-mau-typo' does not exist; did you mean 'org-dost-ca-mau' or 'org-pc-ca-mau'?");
    expect(out.extensions).toMatchObject({ code: 'NOT_FOUND', kind: 'Organization', id: 'org-dost-ca-mau-typo', closest: ['org-dost-ca-mau', 'org-pc-ca-mau'] });
  });
});
