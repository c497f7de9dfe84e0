import { props, str, writtenDate } from '../db/values';
import { Provenance } from '../graphql/provenance.type';
import { SourceDocument } from './source.type';

export function toSource(value: unknown): SourceDocument {
  const p = props(value);
  return {
    id: String(p.id),
    kind: String(p.kind),
    title: String(p.title),
    titleEn: str(p.titleEn),
    file: str(p.file),
    url: str(p.url),
    publishedOn: writtenDate(p.publishedOn, p.publishedOnPrecision),
    number: str(p.number),
    language: str(p.language),
    text: str(p.text),
  };
}

/**
 * Reads the provenance list stored as JSON on a node or relationship. Mappers call it from a getter, so the JSON
 * is parsed only when a query reads `provenance`: most never do, and parsing it for every row was the largest
 * part of mapping one.
 */
export function toProvenance(stored: unknown): Provenance[] {
  if (typeof stored !== 'string') return [];
  const list = JSON.parse(stored) as Array<{ source: string; quote?: string; note?: string }>;
  return list.map((e) => ({ sourceId: e.source, quote: e.quote ?? null, note: e.note ?? null }));
}
