import type { ApolloServerPlugin } from '@apollo/server';
import { NotFoundError } from '../core/errors';
import type { Context } from '../graphql/context';
import { closestIds } from './node.closest';

// At most this many NOT_FOUND errors of one answer get suggestions (aliases can ask for many unknown ids).
const MAX_HINTED = 5;

/**
 * Adds the closest ids to every NOT_FOUND of an answer, wherever a resolver raised it: the lookup needs the
 * database, which the error class must not know. Runs only for answers holding a NOT_FOUND; a lookup that
 * fails leaves the error as it was (`closest` empty).
 */
export function notFoundHintsPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue }) {
          const unknown = errors
            .map((e) => e.originalError)
            .filter((e): e is NotFoundError => e instanceof NotFoundError)
            .slice(0, MAX_HINTED);
          await Promise.all(
            unknown.map(async (error) => {
              try {
                error.suggest(await closestIds(contextValue.db, error.kind, error.id));
              } catch {
                // An answer without suggestions is still a correct answer.
              }
            }),
          );
        },
      };
    },
  };
}
