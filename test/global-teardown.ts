import fs from 'node:fs';
import type { EmbeddedNeo4j } from '../src/db/embedded/launcher';

/** Stops the test Neo4j and removes its store. */
export default async function globalTeardown(): Promise<void> {
  const state = (globalThis as Record<string, unknown>).__EMBEDDED_NEO4J__ as { embedded: EmbeddedNeo4j; dataDir: string } | undefined;
  if (!state) return;
  await state.embedded.stop();
  fs.rmSync(state.dataDir, { recursive: true, force: true });
}
