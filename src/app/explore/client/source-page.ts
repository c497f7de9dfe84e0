import { gql } from './api';
import { h, replace, setPageState } from './dom';
import { SOURCE_TEXT } from './queries';

interface SourceText {
  source: { id: string; title: string; titleEn: string | null; number: string | null; publishedOn: string | null; url: string | null; kind: string; text: string | null };
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Where `quote` is in `text`: the first match with any run of white space in either standing for any other
 * (a quote is stored on one line, the document may wrap it), both taken in Unicode NFC; null when absent.
 */
export function findQuote(text: string, quote: string): { start: number; end: number } | null {
  const words = quote.normalize('NFC').trim().split(/\s+/).filter(Boolean);
  if (!words.length) return null;
  const match = new RegExp(words.map(escapeRegExp).join('\\s+'), 'u').exec(text.normalize('NFC'));
  return match ? { start: match.index, end: match.index + match[0].length } : null;
}

/** Mounts a source document's page in `root`: its title and text, the `?quote=` highlighted and scrolled to. */
export async function mountSourcePage(root: HTMLElement, sourceId: string): Promise<void> {
  setPageState('loading');
  const quote = new URLSearchParams(window.location.search).get('quote');
  try {
    const { source } = await gql<SourceText>(SOURCE_TEXT, { id: sourceId });
    const text = (source.text ?? '').normalize('NFC');
    const body = h('div', { class: 'document-text', lang: 'vi' });
    const found = quote ? findQuote(text, quote) : null;
    let mark: HTMLElement | null = null;
    if (found) {
      mark = h('mark', { id: 'quote' }, text.slice(found.start, found.end));
      body.append(text.slice(0, found.start), mark, text.slice(found.end));
    } else body.append(text || 'This source has no stored text.');
    replace(
      root,
      h('header', { class: 'top' }, h('a', { href: '/explore', class: 'brand' }, 'coop-hub'), h('span', {}, 'Source document')),
      h(
        'article',
        { class: 'document' },
        h('h1', {}, source.title),
        source.titleEn ? h('p', { class: 'other-name' }, source.titleEn) : null,
        h('p', { class: 'meta' }, [source.number, source.publishedOn, source.id].filter(Boolean).join(' · ')),
        source.url ? h('p', {}, h('a', { href: source.url, rel: 'noopener noreferrer' }, source.url)) : null,
        quote && !found ? h('p', { class: 'warning', role: 'alert' }, 'The quote was not found in this text.') : null,
        body,
      ),
    );
    mark?.scrollIntoView({ block: 'center' });
    setPageState('ready');
  } catch (error) {
    replace(root, h('p', { class: 'error', role: 'alert' }, `This source could not be shown: ${error instanceof Error ? error.message : String(error)}`));
    setPageState('error');
  }
}
