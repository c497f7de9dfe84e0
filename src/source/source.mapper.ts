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

/** Reads the provenance list stored as JSON on a node or relationship. */
export function toProvenance(stored: unknown): Provenance[] {
  if (typeof stored !== 'string') return [];
  const list = JSON.parse(stored) as Array<{ source: string; quote?: string; note?: string }>;
  return list.map((e) => ({ sourceId: e.source, quote: e.quote ?? null, note: e.note ?? null }));
}
