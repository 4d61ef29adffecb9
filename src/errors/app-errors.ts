import { GraphQLError } from 'graphql';

/** The fixed `extensions.code` values of the API contract (DESIGN §4). */
export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  CONFLICT: 'CONFLICT',
  QUERY_TOO_COMPLEX: 'QUERY_TOO_COMPLEX',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** An expected failure: its message is for the client, so it must be safe and actionable. */
export abstract class AppError extends GraphQLError {
  abstract readonly code: ErrorCode;
  protected constructor(message: string, code: ErrorCode, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { ...extensions, code } });
  }
}

/** Bad argument value. `argument` names it (e.g. "filter.territory", "first"). */
export class BadUserInputError extends AppError {
  readonly code = ErrorCode.BAD_USER_INPUT;
  constructor(message: string, argument?: string) {
    super(message, ErrorCode.BAD_USER_INPUT, argument ? { argument } : {});
  }
}

export class NotFoundError extends AppError {
  readonly code = ErrorCode.NOT_FOUND;
  constructor(message: string) {
    super(message, ErrorCode.NOT_FOUND);
  }
}

export class UnauthenticatedError extends AppError {
  readonly code = ErrorCode.UNAUTHENTICATED;
  constructor(message = 'this operation needs a valid bearer token') {
    super(message, ErrorCode.UNAUTHENTICATED);
  }
}

export class ForbiddenError extends AppError {
  readonly code = ErrorCode.FORBIDDEN;
  constructor(message = 'your token does not allow this operation') {
    super(message, ErrorCode.FORBIDDEN);
  }
}

export class ConflictError extends AppError {
  readonly code = ErrorCode.CONFLICT;
  constructor(message: string) {
    super(message, ErrorCode.CONFLICT);
  }
}

export class QueryTooComplexError extends AppError {
  readonly code = ErrorCode.QUERY_TOO_COMPLEX;
  constructor(message: string) {
    super(message, ErrorCode.QUERY_TOO_COMPLEX);
  }
}
