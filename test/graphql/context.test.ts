import DataLoader from 'dataloader';
import { createContext, perRequest } from '../../src/graphql/context';
import type { Database } from '../../src/db/database';
import { organizationLoaders } from '../../src/organization/organization.loaders';
import { activityLoaders } from '../../src/activity/activity.loaders';

// Making a loader reads nothing, so these need no database.
const db = {} as Database;

describe('per-request loaders', () => {
  test('a domain’s loaders are made once per request and requests do not share them', () => {
    const first = createContext(db);
    const second = createContext(db);
    expect(organizationLoaders(first).orgById).toBe(organizationLoaders(first).orgById);
    expect(organizationLoaders(first).orgById).not.toBe(organizationLoaders(second).orgById);
    expect(activityLoaders(first).activityById).toBeInstanceOf(DataLoader);
  });

  test('nothing is made before a resolver asks', () => {
    let made = 0;
    const counted = perRequest(() => ({ n: ++made }));
    const ctx = createContext(db);
    expect(made).toBe(0);
    expect(counted(ctx)).toBe(counted(ctx));
    expect(made).toBe(1);
  });
});
