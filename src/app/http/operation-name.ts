import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { currentScope } from '../../core/request-scope';

/** Apollo plugin: records the resolved operation name in the request scope, for the access log and metrics. */
export function operationNamePlugin<C extends BaseContext>(): ApolloServerPlugin<C> {
  const listener = {
    async didResolveOperation({ operationName }: { operationName: string | null }) {
      const scope = currentScope();
      if (scope && operationName) scope.operationName = operationName;
    },
  };
  return {
    async requestDidStart() {
      return listener;
    },
  };
}
