import fs from 'node:fs';
import path from 'node:path';
import { validateRecords, type SeedSet } from '../../record/record.merge';
import type { SeedProblem } from '../../record/record.problem';

/**
 * Checks a merged seed set read from `seedDir` (see `validateRecords`): a document source's text is its
 * `file` below the folder, and a file that does not exist is a problem.
 */
export function validateSeed(set: SeedSet, seedDir: string): SeedProblem[] {
  return validateRecords(set, {
    textOf: (source) => {
      const file = source.fields.file as string | undefined;
      if (!file) return null;
      const full = path.join(seedDir, file);
      if (!fs.existsSync(full)) return { problem: `document file '${file}' does not exist below the seed folder` };
      return fs.readFileSync(full, 'utf8');
    },
  });
}

/**
 * Puts each document source's text (its `file` below `seedDir`, NFC-normalised) on the source as the field
 * `text`, so the graph can show a quote in its document. Call it on a validated set: validation has already
 * refused sources whose file is missing, and those without a file (external references) get no text.
 */
export function attachDocumentTexts(set: SeedSet, seedDir: string): void {
  for (const node of set.nodes.values()) {
    if (node.type !== 'source' || typeof node.fields.file !== 'string') continue;
    const full = path.join(seedDir, node.fields.file);
    // A bulk folder may repeat a curated source without its file next to it: keep the source without text.
    if (fs.existsSync(full)) node.fields.text = fs.readFileSync(full, 'utf8').normalize('NFC');
  }
}
