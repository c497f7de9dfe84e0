import { entityTag, ifNoneMatchHits } from '../../../src/app/http/http-cache';

describe('entity tags of GET answers', () => {
  test('equal bodies get equal strong tags, different bodies or codings different ones', () => {
    expect(entityTag('{"data":1}')).toBe(entityTag('{"data":1}'));
    expect(entityTag('{"data":1}')).toMatch(/^"[A-Za-z0-9_-]+"$/);
    expect(entityTag('{"data":1}')).not.toBe(entityTag('{"data":2}'));
    expect(entityTag('{"data":1}', 'br')).not.toBe(entityTag('{"data":1}'));
  });

  test('If-None-Match matches the tag in a list, weakly, or as *', () => {
    const tag = entityTag('x');
    expect(ifNoneMatchHits(undefined, tag)).toBe(false);
    expect(ifNoneMatchHits('"other"', tag)).toBe(false);
    expect(ifNoneMatchHits(`"other", ${tag}`, tag)).toBe(true);
    expect(ifNoneMatchHits(`W/${tag}`, tag)).toBe(true);
    expect(ifNoneMatchHits('*', tag)).toBe(true);
  });
});
