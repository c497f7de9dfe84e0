import DataLoader from 'dataloader';
import { createContext } from '../src/context';
import type { Database } from '../src/neo4j';

// Making a loader reads nothing, so these need no database.
const db = {} as Database;

describe('request loaders', () => {
  test('a loader is made once per request and requests do not share loaders', () => {
    const first = createContext(db).loaders;
    const second = createContext(db).loaders;
    expect(first.orgById).toBe(first.orgById);
    expect(first.orgById).not.toBe(second.orgById);
  });

  test('every domain’s loaders are there', () => {
    const { loaders } = createContext(db);
    const some = [loaders.unitById, loaders.orgById, loaders.agreementById, loaders.activityById, loaders.personById, loaders.sourceById, loaders.topicById];
    for (const loader of some) expect(loader).toBeInstanceOf(DataLoader);
  });
});
