import type { Database } from '../db/database';
import { aggregateKey, cachedRead } from '../db/aggregate-cache';
import { BadUserInputError, NotFoundError } from '../core/errors';
import { checkInt } from '../core/bounds';
import { compileNames, findMatches, nameKey, sentenceAround, unknownNames, type Matcher, type NameEntry } from './mention.match';
import { NAMES, PUBLISHER_PLACES, SOURCE_TEXT } from './mention.repository';

/** Longest text `mentions` reads. */
export const MAX_MENTION_TEXT = 200_000;
/** Most mentions one answer lists. */
export const MAX_MENTIONS = 1000;

/** A known node as a mention names it. */
export interface NamedNode {
  id: string;
  kind: string;
  name: string;
  detail: string | null;
}

export interface MentionRow {
  start: number;
  end: number;
  text: string;
  sentence: string;
  sentenceStart: number;
  candidates: NamedNode[];
}

export interface MentionReport {
  mentions: MentionRow[];
  totalCount: number;
  known: NamedNode[];
  newNames: Array<{ start: number; end: number; name: string; sentence: string }>;
}

interface Dictionary {
  nodes: Map<string, NamedNode>;
  entries: NameEntry[];
}

// The compiled matcher of each dictionary.
const compiled = new WeakMap<Dictionary['entries'], Matcher>();

/** Every name the graph holds, read once per state of the graph (the aggregate cache keys it by the last commit). */
async function dictionary(db: Database): Promise<Dictionary> {
  const rows = await cachedRead(db, aggregateKey('mentionNames', {}), async () =>
    (await db.read(NAMES)).map((r) => ({
      id: String(r.id),
      kind: String(r.kind),
      name: String(r.name ?? r.id),
      detail: r.detail === null || r.detail === undefined ? null : String(r.detail),
      forms: (r.forms as string[]).map(String),
      acronyms: (r.acronyms as string[]).map(String),
      place: r.place === null || r.place === undefined ? null : String(r.place),
      placeNames: (r.placeNames as string[]).map(String),
    })),
  );
  let dict = dictionaries.get(rows);
  if (!dict) {
    const nodes = new Map(rows.map((r) => [r.id, { id: r.id, kind: r.kind, name: r.name, detail: r.detail }]));
    const entries: NameEntry[] = rows.flatMap((r) => [
      ...r.forms.map((form) => ({ id: r.id, kind: r.kind, name: r.name, form })),
      ...r.acronyms.map((form) => ({ id: r.id, kind: r.kind, name: r.name, form, exactCase: true })),
      ...withoutPlace(r),
    ]);
    dict = { nodes, entries };
    dictionaries.set(rows, dict);
  }
  return dict;
}

// What is built from each read of the names: the cache hands back the same rows while the graph is unchanged.
const dictionaries = new WeakMap<object, Dictionary>();

/** Words a name without its province must keep to stand for a body ("Sở Kế hoạch và Đầu tư", not "Sở"). */
const MIN_GENERIC_WORDS = 3;

/**
 * The organisation's names with the name of its unit left off the end ("Sở Khoa học và Công nghệ tỉnh Bình
 * Thuận" → "Sở Khoa học và Công nghệ"), as letters and news write them about their own province.
 */
function withoutPlace(r: { id: string; kind: string; name: string; forms: string[]; place: string | null; placeNames: string[] }): NameEntry[] {
  if (!r.place) return [];
  const places = r.placeNames.map(nameKey).filter(Boolean);
  const out: NameEntry[] = [];
  for (const form of r.forms) {
    const key = nameKey(form);
    for (const place of places) {
      if (!key.endsWith(` ${place}`)) continue;
      const rest = key.slice(0, -place.length - 1);
      if (rest.split(' ').length >= MIN_GENERIC_WORDS) out.push({ id: r.id, kind: r.kind, name: r.name, form, key: rest, place: r.place });
    }
  }
  return out;
}

async function matcherOf(dict: Dictionary): Promise<Matcher> {
  let matcher = compiled.get(dict.entries);
  if (!matcher) {
    matcher = compileNames(dict.entries);
    compiled.set(dict.entries, matcher);
  }
  return matcher;
}

/**
 * The known organisations, units, numbered instruments and people a text names (case, diacritics and the usual
 * forms of public bodies folded), each with its offsets and sentence, at most `first`; the distinct nodes
 * named; and runs that look like names of bodies the graph does not know. The text is a stored source's
 * (`sourceId`) or given.
 * @throws BadUserInputError without exactly one of them, or for a text over MAX_MENTION_TEXT; NotFoundError for an unknown source.
 */
export async function mentionsIn(db: Database, input: { sourceId?: string | null; text?: string | null; first: number }): Promise<MentionReport> {
  if ((input.sourceId ? 1 : 0) + (input.text ? 1 : 0) !== 1) throw new BadUserInputError('Give a source or a text (one of them)', 'source');
  checkInt(input.first, 1, MAX_MENTIONS, 'first');
  let text = input.text ?? '';
  if (input.sourceId) {
    const [row] = await db.read(SOURCE_TEXT, { id: input.sourceId });
    if (!row) throw new NotFoundError('Source', input.sourceId);
    text = String(row.text ?? '');
  }
  if (text.length > MAX_MENTION_TEXT) throw new BadUserInputError(`A text has at most ${MAX_MENTION_TEXT} characters`, 'text');
  text = text.normalize('NFC');
  const dict = await dictionary(db);
  const found = findMatches(await matcherOf(dict), text);
  // A name without its province stands for the bodies of the units the text names (or its publisher's).
  const places = new Set(found.flatMap((m) => m.entries.filter((e) => e.kind === 'ADMIN_UNIT').map((e) => e.id)));
  if (input.sourceId) {
    const [row] = await db.read(PUBLISHER_PLACES, { id: input.sourceId });
    for (const id of (row?.places as string[] | undefined) ?? []) places.add(String(id));
  }
  const matches = found
    .map((m) => ({ ...m, entries: m.entries.filter((e) => e.place === undefined || places.has(e.place)) }))
    .filter((m) => m.entries.length > 0);
  const known = new Map<string, NamedNode>();
  for (const m of matches) for (const e of m.entries) known.set(e.id, dict.nodes.get(e.id)!);
  const mentions = matches.slice(0, input.first).map((m) => {
    const { sentence, start } = sentenceAround(text, m.start, m.end);
    return { start: m.start, end: m.end, text: text.slice(m.start, m.end), sentence, sentenceStart: start, candidates: m.entries.map((e) => dict.nodes.get(e.id)!) };
  });
  const newNames = unknownNames(text, matches).map((n) => ({ ...n, sentence: sentenceAround(text, n.start, n.end).sentence }));
  return { mentions, totalCount: matches.length, known: [...known.values()], newNames };
}

/**
 * For each candidate, the organisations already in the graph (other than itself) whose name, English name or an
 * alias reads as one of its `names` once case, diacritics and name forms are folded (see mention.match.ts);
 * candidates with none are left out. One read of the names for all candidates.
 */
export async function sameNamedOrganizations(
  db: Database,
  candidates: ReadonlyArray<{ id: string; names: readonly string[] }>,
): Promise<Map<string, NamedNode[]>> {
  const out = new Map<string, NamedNode[]>();
  if (!candidates.length) return out;
  const dict = await dictionary(db);
  let byKey = organizationKeys.get(dict.entries);
  if (!byKey) {
    byKey = new Map();
    for (const e of dict.entries) {
      if (e.kind !== 'ORGANIZATION' || e.exactCase) continue;
      const key = nameKey(e.form);
      if (key) byKey.set(key, new Set([...(byKey.get(key) ?? []), e.id]));
    }
    organizationKeys.set(dict.entries, byKey);
  }
  for (const { id, names } of candidates) {
    const keys = new Set(names.map(nameKey).filter(Boolean));
    const ids = new Set([...keys].flatMap((k) => [...(byKey.get(k) ?? [])]));
    ids.delete(id);
    if (ids.size) out.set(id, [...ids].map((i) => dict.nodes.get(i)!));
  }
  return out;
}

// Organisation ids by the canonical key of each of their names, per dictionary read.
const organizationKeys = new WeakMap<Dictionary['entries'], Map<string, Set<string>>>();
