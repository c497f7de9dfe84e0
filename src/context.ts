import type { Database } from './neo4j';
import { createActivityLoaders } from './activity/activity.loaders';
import { createAgreementLoaders } from './agreement/agreement.loaders';
import { createGeographyLoaders } from './geography/geography.loaders';
import { createOrganizationLoaders } from './organization/organization.loaders';
import { createPersonLoaders } from './person/person.loaders';
import { createSourceLoaders } from './source/source.loaders';
import { createTopicLoaders } from './topic/topic.loaders';

/** Creates the DataLoaders of one request; they batch and cache for that request only. */
export function createLoaders(db: Database) {
  return {
    ...createGeographyLoaders(db),
    ...createOrganizationLoaders(db),
    ...createAgreementLoaders(db),
    ...createActivityLoaders(db),
    ...createPersonLoaders(db),
    ...createSourceLoaders(db),
    ...createTopicLoaders(db),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

/** What every resolver receives. */
export interface Context {
  db: Database;
  loaders: Loaders;
}

export function createContext(db: Database): Context {
  return { db, loaders: createLoaders(db) };
}
