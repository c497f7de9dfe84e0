/** A page as the position-paged lists serve it: its items and where it sits. */
export interface WalkedPage<T> {
  items: T[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/**
 * Reads a list page by page, each page asked for after the previous page's endCursor, until hasNextPage is
 * false. Fails past `maxPages`, so a list that never ends fails its test instead of hanging it.
 */
export async function walkPages<T>(fetch: (after: string | null) => Promise<WalkedPage<T>>, maxPages = 200): Promise<{ items: T[]; pages: number }> {
  const items: T[] = [];
  let after: string | null = null;
  for (let pages = 1; pages <= maxPages; pages++) {
    const page = await fetch(after);
    items.push(...page.items);
    if (!page.pageInfo.hasNextPage) return { items, pages };
    if (page.pageInfo.endCursor === null) throw new Error('a page says more follow but gives no endCursor');
    after = page.pageInfo.endCursor;
  }
  throw new Error(`the list did not end within ${maxPages} pages`);
}
