import { gql } from './api';
import { h, replace } from './dom';
import type { ActorAttributes, TieAttributes } from './graph-view';
import { kindName, tieName } from './palette';
import { ACTOR, EVIDENCE, type EvidenceNode, type ProvenanceEntry } from './queries';
import type { Language } from './state';

/** Most instruments one request asks for (the hub's nodes(ids) takes up to 100). */
const EVIDENCE_PAGE = 100;

const dateRange = (from: string | null | undefined, to: string | null | undefined): string =>
  from || to ? `${from ?? '…'} – ${to ?? '…'}` : '—';

/** The link to a quote in its document: the source page, the quote highlighted. */
export const quoteHref = (sourceId: string, quote: string): string =>
  `/sources/${encodeURIComponent(sourceId)}?quote=${encodeURIComponent(quote)}`;

function provenanceList(entries: ProvenanceEntry[]): HTMLElement {
  return h(
    'ul',
    { class: 'quotes' },
    ...entries.map((p) => {
      const where = p.source ? `${p.source.title}${p.source.number ? ` (${p.source.number})` : ''}` : p.sourceId;
      if (p.quote) {
        return h(
          'li',
          {},
          h('a', { href: quoteHref(p.sourceId, p.quote), class: 'quote', 'data-source': p.sourceId }, `“${p.quote}”`),
          h('span', { class: 'source-name' }, ` — ${where}`),
        );
      }
      return h('li', {}, h('span', { class: 'note' }, p.note ?? ''), h('span', { class: 'source-name' }, ` — ${where}`));
    }),
  );
}

function instrumentItem(node: EvidenceNode, lang: Language): HTMLElement {
  const title = lang === 'en' && node.titleEn ? node.titleEn : (node.title ?? node.id);
  const kind = node.agreementKind ?? node.activityKind ?? '';
  const dates =
    node.__typename === 'Agreement'
      ? dateRange(node.signedOn ?? node.validFrom, node.validTo)
      : dateRange(node.startDate, node.endDate);
  return h(
    'li',
    { class: 'instrument', 'data-id': node.id },
    h('div', { class: 'instrument-title' }, title),
    h('div', { class: 'instrument-meta' }, `${node.__typename === 'Agreement' ? 'Agreement' : 'Activity'} · ${kind} · ${dates}`),
    provenanceList(node.provenance ?? []),
  );
}

/**
 * Fills `el` with a tie's evidence: its two actors, dates, counts by tie kind, then (fetched) the agreements
 * and activities behind it with their quotes, each linking to its place in the source document.
 * Resolves once everything is shown (rejects when the hub cannot answer).
 */
export async function showTie(el: HTMLElement, a: ActorAttributes, b: ActorAttributes, tie: TieAttributes, lang: Language): Promise<void> {
  const name = (x: ActorAttributes) => (lang === 'en' ? x.nameEn : x.nameVi);
  const list = h('ul', { class: 'instruments' }, h('li', { class: 'pending' }, 'Loading the evidence…'));
  replace(
    el,
    h('h2', {}, `${name(a)} — ${name(b)}`),
    h(
      'dl',
      {},
      h('dt', {}, 'Dates'),
      h('dd', {}, dateRange(tie.firstDate, tie.lastDate)),
      h('dt', {}, 'Weight'),
      h('dd', {}, tie.weight.toFixed(2)),
      h('dt', {}, 'Instruments'),
      h('dd', {}, String(tie.count ?? tie.evidence.length)),
      // The two-mode view's edges are an organisation's part in one instrument.
      tie.role !== undefined && h('dt', {}, 'Role'),
      tie.role !== undefined && h('dd', { class: 'role' }, tie.role || '—'),
    ),
    h('ul', { class: 'tie-kinds' }, ...tie.countsByKind.map((c) => h('li', {}, `${tieName(c.kind, lang)}: ${c.count}`))),
    h('h3', {}, 'Agreements and activities'),
    list,
  );
  const ids = tie.evidence.slice(0, EVIDENCE_PAGE);
  const data = await gql<{ nodes: Array<EvidenceNode | null> }>(EVIDENCE, { ids });
  replace(list, ...data.nodes.filter((n): n is EvidenceNode => !!n).map((n) => instrumentItem(n, lang)));
  if (tie.evidence.length > ids.length) list.append(h('li', { class: 'more' }, `and ${tie.evidence.length - ids.length} more`));
}

interface ActorDetails {
  node: { id: string; name?: string; nameEn?: string | null; orgKind?: string; category?: string | null; location?: Unit | null } | null;
}

interface UnitName {
  id: string;
  name: string;
  nameEn: string | null;
}

/** The unit an organisation is recorded in, and the one that holds it today (itself unless it was merged). */
interface Unit extends UnitName {
  validTo: string | null;
  current: UnitName;
}

const unitName = (u: UnitName, lang: Language) => (lang === 'en' && u.nameEn ? u.nameEn : u.name);

/**
 * The province as the sources record it and, for a unit merged in the 2025 reform, the one it is part of today:
 * "Bình Thuận (to 2025-06-30; today Lâm Đồng)".
 */
export function provinceText(loc: Unit | null | undefined, lang: Language): string {
  if (!loc) return '—';
  if (loc.current.id === loc.id) return unitName(loc, lang);
  const until = loc.validTo ? (lang === 'en' ? `to ${loc.validTo}; ` : `đến ${loc.validTo}; `) : '';
  return `${unitName(loc, lang)} (${until}${lang === 'en' ? 'today' : 'nay'} ${unitName(loc.current, lang)})`;
}

/**
 * Fills `el` with an actor's details: name, kind, province and the span of its ties in the drawing
 * (`first`, `last`), fetching what the drawing does not hold.
 */
export async function showActor(el: HTMLElement, id: string, attrs: ActorAttributes, span: { first: string | null; last: string | null }, lang: Language): Promise<void> {
  const place = h('dd', {}, '…');
  replace(
    el,
    h('h2', {}, lang === 'en' ? attrs.nameEn : attrs.nameVi),
    h('p', { class: 'other-name' }, lang === 'en' ? attrs.nameVi : attrs.nameEn),
    h(
      'dl',
      {},
      h('dt', {}, 'Kind'),
      h('dd', {}, kindName(attrs.kind, lang)),
      h('dt', {}, 'Province'),
      place,
      h('dt', {}, 'Ties shown'),
      h('dd', {}, dateRange(span.first, span.last)),
      h('dt', {}, 'Id'),
      h('dd', {}, h('code', {}, id)),
    ),
  );
  const data = await gql<ActorDetails>(ACTOR, { id });
  replace(place, provinceText(data.node?.location, lang));
}
