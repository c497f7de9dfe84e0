import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { RequestScope } from '../../core/request-scope';

/**
 * Apollo plugin: records the resolved operation name in the request scope (which `scopeOf` finds in the
 * request's context), for the access log and metrics.
 */
export function operationNamePlugin<C extends BaseContext>(scopeOf: (context: C) => RequestScope | undefined): ApolloServerPlugin<C> {
  const listener = {
    async didResolveOperation({ operationName, contextValue }: { operationName: string | null; contextValue: C }) {
      const scope = scopeOf(contextValue);
      if (scope && operationName) scope.operationName = operationName;
    },
  };
  return {
    async requestDidStart() {
      return listener;
    },
  };
}
