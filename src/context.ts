import type { Database } from './neo4j';
import { createActivityLoaders } from './activity/activity.loaders';
import { createAgreementLoaders } from './agreement/agreement.loaders';
import { createGeographyLoaders } from './geography/geography.loaders';
import { createOrganizationLoaders } from './organization/organization.loaders';
import { createPartLoaders } from './part/part.loaders';
import { createPersonLoaders } from './person/person.loaders';
import { createSourceLoaders } from './source/source.loaders';
import { createTopicLoaders } from './topic/topic.loaders';

const DOMAINS: ReadonlyArray<(db: Database) => object> = [
  createGeographyLoaders,
  createOrganizationLoaders,
  createAgreementLoaders,
  createActivityLoaders,
  createPartLoaders,
  createPersonLoaders,
  createSourceLoaders,
  createTopicLoaders,
];

export type Loaders = ReturnType<typeof createGeographyLoaders> &
  ReturnType<typeof createOrganizationLoaders> &
  ReturnType<typeof createAgreementLoaders> &
  ReturnType<typeof createActivityLoaders> &
  ReturnType<typeof createPartLoaders> &
  ReturnType<typeof createPersonLoaders> &
  ReturnType<typeof createSourceLoaders> &
  ReturnType<typeof createTopicLoaders>;

/**
 * The loaders of one request. A domain's loaders are made when a resolver first asks for one of them: most
 * requests use one domain or none, and making all fifty for every request cost more than a lookup's own work.
 */
class RequestLoaders {
  readonly made: Record<string, unknown> = {};
  constructor(readonly db: Database) {}
}

// Making loaders reads nothing, so each factory can be asked once, with no database, which loaders it makes.
for (const make of DOMAINS) {
  for (const name of Object.keys(make(undefined as unknown as Database))) {
    Object.defineProperty(RequestLoaders.prototype, name, {
      get(this: RequestLoaders) {
        return this.made[name] ?? (Object.assign(this.made, make(this.db)) as Record<string, unknown>)[name];
      },
    });
  }
}

/** Creates the DataLoaders of one request; they batch for that request only. */
export function createLoaders(db: Database): Loaders {
  return new RequestLoaders(db) as unknown as Loaders;
}

/** What every resolver receives. */
export interface Context {
  db: Database;
  loaders: Loaders;
}

export function createContext(db: Database): Context {
  return { db, loaders: createLoaders(db) };
}
