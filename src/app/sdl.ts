import path from 'node:path';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { projectRoot } from '../core/config';
import { buildHubSchema } from './schema';

export const SDL_FILE = path.join(projectRoot, 'schema', 'schema.graphql');

const HEADER = '# Generated from the code by `npm run schema:emit`; do not edit by hand.\n\n';

/** The SDL of the hub's schema, sorted so that the file only changes when the schema does. */
export function printHubSchema(): string {
  return HEADER + printSchema(lexicographicSortSchema(buildHubSchema())) + '\n';
}
