import { ASTVisitor, GraphQLError, GraphQLSchema, ValidationContext, ValidationRule } from 'graphql';
import type { ApolloServerPlugin, GraphQLRequestContextWillSendResponse } from '@apollo/server';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import type { Limits } from '../config';
import type { Context } from '../context';
import { AppError, QueryTooComplexError } from '../errors/app-errors';
import { EstimateCache, estimateNodeCount } from './query-cost';

/**
 * The limits checked before execution (DESIGN §6), each refusal a QUERY_TOO_COMPLEX naming the limit,
 * the measured value and how to fit, answered 400 (a validation-phase error, GraphQL-over-HTTP) before
 * any resolver runs, hence before any Cypher:
 *
 * - tokens: graphql-js's own parser option (`maxTokens`, passed by Apollo's `parseOptions`); its
 *   syntax error is turned into QUERY_TOO_COMPLEX by `tooManyTokensError` (used by formatError);
 * - depth (named fragments expanded) and aliases: graphql-armor's validation rules;
 * - directives per field: `maxDirectivesPerFieldRule` below (graphql-armor counts them per operation);
 * - the estimated node count: `estimatePlugin`, which needs the request's variables, hence a plugin
 *   hook after validation (didResolveOperation) rather than a validation rule.
 */

const fmt = (n: number) => n.toLocaleString('en-US');

/** graphql-armor reports "… limit of N exceeded, found M."; we only take M from it. */
function foundIn(message: string): number | null {
  const m = /found (\d+)/.exec(message);
  return m ? Number(m[1]) : null;
}

export function depthError(found: number | null, limit: number): QueryTooComplexError {
  return new QueryTooComplexError(
    `query depth ${found === null ? `over ${limit}` : found} (fields nested in fields, fragments expanded); the limit is ${limit}: select fewer nested levels, or fetch the deeper objects in a second request with node(id)`,
  );
}

export function aliasesError(found: number | null, limit: number): QueryTooComplexError {
  return new QueryTooComplexError(
    `${found === null ? `more than ${limit}` : found} aliases in the operation (fragments expanded); the limit is ${limit}: send fewer aliased fields, or split them over several requests`,
  );
}

export function directivesError(field: string, found: number, limit: number): QueryTooComplexError {
  return new QueryTooComplexError(`${found} directives on the field ${field}; the limit is ${limit} per field: remove repeated directives`);
}

export function estimateError(estimated: number, limit: number): QueryTooComplexError {
  return new QueryTooComplexError(
    `estimated ${fmt(estimated)} nodes (page sizes multiplied down the tree, first/last defaulting to 20); the limit is ${fmt(limit)}: ask for fewer items per page or fewer nested lists`,
  );
}

export function tokensError(limit: number): QueryTooComplexError {
  return new QueryTooComplexError(
    `the document has more than ${fmt(limit)} tokens (names, punctuation, values); the limit is ${fmt(limit)}: send a shorter document, with variables for long values`,
  );
}

/** graphql-js's parse error for maxTokens, as QUERY_TOO_COMPLEX (null for any other error). */
export function tooManyTokensError(error: unknown): QueryTooComplexError | null {
  if (!(error instanceof GraphQLError)) return null;
  // graphql-js 16 spells it "more that N tokens".
  const m = /Document contains more th(?:an|at) (\d+) tokens/.exec(error.message);
  return m ? tokensError(Number(m[1])) : null;
}

/** Reports graphql-armor's rejection as our error (armor's own error is a "Syntax Error: …"). */
function armored(
  rule: (o: { n: number; onReject: ((ctx: ValidationContext | null, err: GraphQLError) => void)[]; propagateOnRejection: boolean }) => ValidationRule,
  limit: number,
  error: (found: number | null, limit: number) => AppError,
): ValidationRule {
  return rule({
    n: limit,
    propagateOnRejection: false,
    onReject: [(ctx, err) => ctx?.reportError(error(foundIn(err.message), limit))],
  });
}

/** No field may carry more than `limit` directives (`@include(if: $a) @include(if: $a) …`). */
export function maxDirectivesPerFieldRule(limit: number): ValidationRule {
  return (context: ValidationContext): ASTVisitor => ({
    Field(node) {
      const n = node.directives?.length ?? 0;
      if (n > limit) context.reportError(directivesError(node.alias?.value ?? node.name.value, n, limit));
    },
  });
}

/** The validation rules of the limits, for Apollo's `validationRules`. */
export function limitRules(limits: Limits): ValidationRule[] {
  return [
    armored((o) => maxDepthRule({ ...o, flattenFragments: true, ignoreIntrospection: true }), limits.maxDepth, depthError),
    armored((o) => maxAliasesRule(o), limits.maxAliases, aliasesError),
    maxDirectivesPerFieldRule(limits.maxDirectivesPerField),
  ];
}

/** A refusal before execution: a request error, answered 400 by Apollo. */
function refusal(err: AppError): AppError {
  (err.extensions as Record<string, unknown>).http = { status: 400 };
  return err;
}

/**
 * Refuses, before execution, an operation whose estimated node count is over the limit; and, after
 * execution, replaces the answer of a request that overran its budget (time or items) by that one
 * error, so neither the partial answer nor one error per unfinished field is sent or kept.
 */
export function limitsPlugin(schema: () => GraphQLSchema, limits: Limits): ApolloServerPlugin<Context> {
  const estimates = new EstimateCache((document, variables, operationName) => estimateNodeCount(schema(), document, variables, operationName));
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request, operationName }) {
          const estimated = estimates.get(document, request.variables ?? {}, operationName ?? undefined);
          if (Number.isNaN(estimated)) {
            // The estimator itself stops past 10,000 selections evaluated (fragments spread in fragments).
            throw refusal(
              new QueryTooComplexError(
                'this operation is too large to estimate (more than 10,000 selections once fragments are expanded): send a smaller document',
              ),
            );
          }
          if (estimated > limits.maxEstimatedNodes) throw refusal(estimateError(estimated, limits.maxEstimatedNodes));
        },
        async didEncounterErrors(rc) {
          // A stopped request's unresolved fields all threw the one recorded overrun (tens of thousands
          // of copies in a large answer): keep one copy (and any other error, for the logging plugin),
          // so that neither Apollo's formatting (one formatError and location lookup per error) nor
          // the logging loop over them. Apollo formats this very array after this hook; if it ever
          // stopped doing so, willSendResponse below still sends the one error.
          const exceeded = rc.contextValue.budget?.exceeded;
          if (!exceeded || !rc.errors.includes(exceeded)) return;
          const others = rc.errors.filter((e) => e !== exceeded);
          (rc.errors as GraphQLError[]).splice(0, rc.errors.length, exceeded, ...others);
        },
        async willSendResponse(rc: GraphQLRequestContextWillSendResponse<Context>) {
          const exceeded = rc.contextValue.budget?.exceeded;
          if (!exceeded || rc.response.body.kind !== 'single') return;
          // Its fields still waiting are woken (and throw) first, so that what it built is let go.
          await rc.contextValue.budget.unwound();
          rc.response.body.singleResult = { data: null, errors: [{ message: exceeded.message, extensions: { code: exceeded.code } }] };
        },
      };
    },
  };
}
