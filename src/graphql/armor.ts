import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { GraphQLError, type GraphQLFormattedError, type ParseOptions, type ValidationContext, type ValidationRule } from 'graphql';
import { QueryTooComplexError, formatError } from '../core/errors';

/*
 * Aliases and directives are counted by GraphQL Armor's rules (@escape.tech/graphql-armor-max-aliases and
 * -max-directives): small, maintained, and they count each fragment once, so the count is linear in the
 * document. Their own error is a bare "Syntax Error"; ours carries QUERY_TOO_COMPLEX and the limit.
 *
 * Tokens are counted while the document is parsed, so that a huge document is refused before it is parsed in
 * full. Armor's -max-tokens does this with a parser of its own, which needs a server that lets a plugin replace
 * the parse function (envelop); Apollo Server has no such hook and parses with graphql-js, whose parser has the
 * same counter built in (`maxTokens`). So the hub passes that option and translates graphql-js's error.
 */

type Counted = 'aliases' | 'directives';

/** The shape both Armor rule factories share: options in, a validation rule out. */
type ArmorRuleFactory = (options: {
  n: number;
  propagateOnRejection: boolean;
  onReject: Array<(context: ValidationContext | null, error: GraphQLError) => void>;
}) => (context: ValidationContext) => unknown;

/** A validation rule from GraphQL Armor that reports QUERY_TOO_COMPLEX naming `max` instead of throwing. */
function armorRule(what: Counted, max: number, make: ArmorRuleFactory): ValidationRule {
  return make({
    n: max,
    propagateOnRejection: false,
    onReject: [
      (context, error) => {
        const found = /found (\d+)/.exec(error.message);
        context?.reportError(new QueryTooComplexError(what, found ? Number(found[1]) : max + 1, max));
      },
    ],
  }) as unknown as ValidationRule;
}

/** Validation rules bounding the aliases and directives of each operation (fragments expanded). */
export function documentLimitRules(limits: { maxAliases: number; maxDirectives: number }): ValidationRule[] {
  return [armorRule('aliases', limits.maxAliases, maxAliasesRule), armorRule('directives', limits.maxDirectives, maxDirectivesRule)];
}

/** Parse options that stop parsing at the first token over `maxTokens`. */
export function tokenLimitParseOptions(maxTokens: number): ParseOptions {
  return { maxTokens };
}

// graphql-js's message when the token limit stops the parser ("more that" is its spelling; "than" if it is fixed).
const TOKEN_LIMIT = /^Syntax Error: Document contains more th(?:at|an) \d+ tokens/;

/** The error behind what Apollo reports, when the error is a parse failure at the token limit. */
function isTokenLimit(error: unknown): boolean {
  for (let e = error; e instanceof GraphQLError; e = e.originalError) {
    if (TOKEN_LIMIT.test(e.message)) return true;
  }
  return false;
}

// The codes of documents refused for their size or shape before they run.
const DOCUMENT_REFUSALS = new Set(['QUERY_TOO_COSTLY', 'QUERY_TOO_COMPLEX', 'QUERY_TOO_DEEP']);

/**
 * Whether an error refuses a document for its size or shape (cost, aliases, directives, tokens, depth)
 * before anything ran: the refusals a client can provoke at will, and so the ones it is charged for.
 */
export function isDocumentRefusal(error: unknown): boolean {
  if (isTokenLimit(error)) return true;
  for (let e = error; e instanceof GraphQLError; e = e.originalError) {
    if (DOCUMENT_REFUSALS.has(String(e.extensions?.code))) return true;
  }
  return false;
}

/**
 * The hub's `formatError`, with a parse failure at the token limit reported as QUERY_TOO_COMPLEX naming the
 * limit (graphql-js reports it as a plain syntax error).
 */
export function formatErrorWithTokenLimit(maxTokens: number) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    if (!isTokenLimit(error)) return formatError(formatted, error);
    const tooMany = new QueryTooComplexError('tokens', maxTokens + 1, maxTokens);
    return formatError({ message: tooMany.message }, tooMany);
  };
}
