/**
 * Whether `actual` contains `expected`, as the docs' examples state their answers: objects may have more keys,
 * a list's expected items lead it in order (an empty expected list wants an empty list). Returns the first
 * difference with its path, or null.
 */
export function contains(actual: unknown, expected: unknown, at = '$'): string | null {
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return `${at}: expected a list, got ${JSON.stringify(actual)}`;
    if (expected.length === 0) return actual.length === 0 ? null : `${at}: expected an empty list, got ${actual.length} items`;
    if (actual.length < expected.length) return `${at}: expected at least ${expected.length} items, got ${actual.length}`;
    for (let i = 0; i < expected.length; i++) {
      const problem = contains(actual[i], expected[i], `${at}[${i}]`);
      if (problem) return problem;
    }
    return null;
  }
  if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object') return `${at}: expected an object, got ${JSON.stringify(actual)}`;
    for (const [k, v] of Object.entries(expected)) {
      const problem = contains((actual as Record<string, unknown>)[k], v, `${at}.${k}`);
      if (problem) return problem;
    }
    return null;
  }
  return actual === expected ? null : `${at}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`;
}
