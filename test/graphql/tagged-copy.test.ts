import { taggedCopy } from '../../src/graphql/tagged-copy';

describe('a tagged copy of a loaded object', () => {
  test('carries the tag and every field, leaves the original untouched, and does not call getters', () => {
    const TAG = Symbol('type');
    let reads = 0;
    const node = {
      id: 'org-1',
      get provenance() {
        reads++;
        return ['parsed'];
      },
    };
    const copy = taggedCopy(node, TAG, 'University');
    expect(reads).toBe(0);
    expect((copy as unknown as Record<symbol, unknown>)[TAG]).toBe('University');
    expect(TAG in node).toBe(false);
    expect(copy.id).toBe('org-1');
    expect(copy.provenance).toEqual(['parsed']);
    expect(reads).toBe(1);
  });
});
