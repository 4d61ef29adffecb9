import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { AppError, ErrorCode } from './app-errors';
import { tooManyTokensError } from '../limits/query-limits';

/** Codes raised by graphql-js / Apollo itself for a bad request: safe to show as they are. */
const REQUEST_CODES = new Set<string>([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  ErrorCode.QUERY_TOO_COMPLEX,
]);

export const INTERNAL_MESSAGE = 'Internal server error: the incident was logged with this request id; retry later or tell the administrators.';

/** True for errors whose message is meant for the client: ours, and graphql-js/Apollo request errors. */
export function isExpectedError(error: unknown): boolean {
  const original = unwrapResolverError(error);
  if (original instanceof AppError) return true;
  if (!(original instanceof GraphQLError)) return false;
  const code = original.extensions?.code;
  return typeof code === 'string' && REQUEST_CODES.has(code);
}

/**
 * Masks everything unexpected: the client gets INTERNAL_SERVER_ERROR and a generic message, never
 * a stack, Cypher text or a Neo4j code. The real error is logged with the request id by the
 * logging plugin (see server.ts), which has the request's context; this function has not.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  // A refusal of the limits (src/limits/) made in parsing or validation: Apollo wraps it in its own
  // GRAPHQL_PARSE_FAILED / GRAPHQL_VALIDATION_FAILED error; the client gets our code and message.
  const refusal = limitRefusal(error);
  if (refusal) {
    const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
    const { http: _http, ...own } = refusal.extensions;
    return { ...formatted, message: refusal.message, extensions: { ...extensions, ...own, code: refusal.code } };
  }
  if (isExpectedError(error)) {
    const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  return {
    message: INTERNAL_MESSAGE,
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
  };
}

/** The AppError a parse or validation error of Apollo stands for, if any. */
function limitRefusal(error: unknown): AppError | null {
  if (!(error instanceof GraphQLError)) return null;
  if (error.originalError instanceof AppError) return error.originalError;
  return tooManyTokensError(error);
}
