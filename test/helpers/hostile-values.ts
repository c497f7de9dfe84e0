import {
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  type GraphQLInputType,
} from 'graphql';
import type { Prng } from '../../src/tools/synth/prng';

// Values a hostile client sends: out-of-range and overflowing numbers, NaN-like and huge strings, unicode that
// trips up naive code, Cypher and Lucene metacharacters, wrong types, nulls and deep or wide input objects.
// Every value is JSON, so that it can travel as a variable (a literal form is made from it where GraphQL has one).

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const nested = (depth: number, key: string, leaf: unknown): unknown => {
  let value = leaf;
  for (let i = 0; i < depth; i++) value = { [key]: value };
  return value;
};

const WRONG_TYPES: unknown[] = [null, true, 1.5, 'x', '', [], {}, [null], { a: 1 }];

const INTS: unknown[] = [
  0, 1, -1, 2, 50, 500, 501, 1000, 5001, 100_000, 2147483647, -2147483648, 2147483648, -2147483649, 4294967296,
  9007199254740993, 1e21, -1e21, 1e308, 1.0000001, -0.5, '1', 'NaN', 'Infinity', '-Infinity', '1e309', '0x10', ' 7 ',
];

const FLOATS: unknown[] = [0, -0.0, 1e-320, 1e308, -1e308, 2147483648.5, 'NaN', 'Infinity', '1e309'];

const CYPHER = [
  "' OR 1=1 //",
  '") RETURN n //',
  "'}) MATCH (n) DETACH DELETE n //",
  '`id`',
  '$id',
  '{id}',
  '\\',
  '\\"\\\'',
  'MATCH (n) RETURN n',
  'CALL db.labels()',
  "LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l",
];

const LUCENE = [
  '*',
  '?',
  '~',
  '*:*',
  'name:*',
  'a AND',
  'OR',
  'NOT NOT',
  '"',
  '"unterminated',
  '[a TO z]',
  '{a TO *}',
  '/.*/',
  '/[/',
  'a~2',
  'a^999999',
  '+-&&||!(){}[]^"~*?:\\/',
  '('.repeat(5000),
  'AND '.repeat(2000),
  'a* '.repeat(3000),
];

const NUMBER_TEXT = ['NaN', 'Infinity', '-Infinity', '-0', '1e309', '0x1F', '１２３', '9'.repeat(400), '-9223372036854775809'];

const DATES = ['2025-02-30', '2025-13-01', '0000-01-01', '9999-12-31', '+275760-09-13', '-000001-01-01', '2025-1-1', '20250101', '2025-01-01T00:00:00Z'];

const UNICODE = [
  'Cần Thơ',
  'Ca\u0300n Tho\u031b',
  '\u0000',
  '\u0000'.repeat(100),
  '\uFFFF\uFFFE',
  '\uD800',
  '😀'.repeat(2000),
  '\u202Eevil',
  'ＡＢＣ',
  'ß'.repeat(10_000),
  '\r\n\t\v\f',
];

const CURSORS = [
  b64('{}'),
  b64('null'),
  b64('[]'),
  b64('{"k":[1e309]}'),
  b64('{"offset":2147483648}'),
  b64('['.repeat(5000)),
  b64("'; MATCH (n) DETACH DELETE n //"),
  '!!!not-base64!!!',
  '====',
];

const LONG = ['a'.repeat(100_000), 'ệ'.repeat(50_000)];

const STRINGS: unknown[] = [...CYPHER, ...LUCENE, ...NUMBER_TEXT, ...DATES, ...UNICODE, ...CURSORS, ...LONG, 'org-dost-ho-chi-minh', ' ', ''];

/** Hostile values for a leaf type: its own extremes first, then wrong types. Huge strings only at the top level. */
function leafValues(type: GraphQLInputType, depth: number): unknown[] {
  const named = getNamedType(type);
  if (isEnumType(named)) {
    const names = named.getValues().map((v) => v.name);
    return [...names.slice(0, 3), 'NOT_A_VALUE', names[0].toLowerCase(), 0, ...WRONG_TYPES];
  }
  switch (named.name) {
    case 'Int':
      return [...INTS, ...WRONG_TYPES];
    case 'Float':
      return [...INTS, ...FLOATS, ...WRONG_TYPES];
    case 'Boolean':
      return [true, false, 'true', 0, 1, ...WRONG_TYPES];
    default:
      // String, ID and custom scalars (dates): hostile text, and numbers where a string is expected.
      return [...STRINGS, ...(depth === 0 ? LONG : []), 0, -1, 2147483648, 1e308, ...WRONG_TYPES];
  }
}

function shuffle<T>(list: T[], prng: Prng): T[] {
  for (let i = list.length - 1; i > 0; i--) {
    const j = prng.int(i + 1);
    [list[i], list[j]] = [list[j], list[i]];
  }
  return list;
}

/**
 * A seeded sample of at most `count` hostile values for an argument or input field of `type`, null first. Then
 * the values most likely to break code (a leaf type's extremes; for lists empty, huge and null-filled ones; for
 * input objects empty ones, unknown fields and 300-deep nesting), then a random draw, which for input objects
 * is objects whose fields are themselves hostile.
 */
export function hostileValues(type: GraphQLInputType, count: number, prng: Prng, depth = 0): unknown[] {
  const nullable = getNullableType(type) as GraphQLInputType;
  const named = getNamedType(type);
  const out: unknown[] = [null];
  if (isListType(nullable)) {
    const inner = hostileValues(nullable.ofType, 6, prng, depth + 1).filter((v) => v !== null);
    const small = inner.find((v) => typeof v !== 'string' || v.length < 100) ?? 1;
    out.push([], inner, Array(10_000).fill(small), Array(1000).fill(null), small);
  } else if (isInputObjectType(named)) {
    const fields = Object.values(named.getFields());
    out.push({}, { notAField: 1 }, nested(300, fields[0].name, 1), nested(300, 'x', 'y'), 'x', 7, []);
    while (out.length < count) {
      const value: Record<string, unknown> = {};
      for (const field of fields) {
        if (isNonNullType(field.type) || prng.next() < 0.6) {
          value[field.name] = prng.pick(depth < 2 ? hostileValues(field.type, 8, prng, depth + 1) : leafValues(field.type, depth + 1));
        }
      }
      out.push(value);
    }
  } else {
    const all = leafValues(type, depth);
    out.push(...all.slice(0, 3), ...shuffle(all.slice(3), prng));
  }
  return out.slice(0, count);
}

/**
 * The GraphQL literal of `value` read as `type` (enum names bare, input fields by their own types), or
 * undefined where GraphQL has none that means the same (a number JSON cannot hold).
 */
export function toLiteral(value: unknown, type: GraphQLInputType | undefined): string | undefined {
  if (value === null) return 'null';
  const nullable = type && (getNullableType(type) as GraphQLInputType);
  const named = type && getNamedType(type);
  if (typeof value === 'string') {
    const bare = named && isEnumType(named) && /^[_A-Za-z][_0-9A-Za-z]*$/.test(value) && !['true', 'false', 'null'].includes(value);
    return bare ? value : JSON.stringify(value);
  }
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : undefined;
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) {
    const itemType = nullable && isListType(nullable) ? (nullable.ofType as GraphQLInputType) : type;
    const items = value.map((v) => toLiteral(v, itemType));
    return items.every((i) => i !== undefined) ? `[${items.join(', ')}]` : undefined;
  }
  if (typeof value === 'object') {
    const fields = named && isInputObjectType(named) ? named.getFields() : {};
    const entries = Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, toLiteral(v, fields[k]?.type)]);
    return entries.every(([, v]) => v !== undefined) ? `{${entries.map(([k, v]) => `${k}: ${v}`).join(', ')}}` : undefined;
  }
  return undefined;
}
