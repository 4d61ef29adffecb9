import type { ErrorRequestHandler, Express, RequestHandler } from 'express';
import { GraphQLError } from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import { INTERNAL_MESSAGE } from '../errors/format-error';

/**
 * Errors that happen before GraphQL (a body that is not JSON, too large, an unknown route) answered
 * as GraphQL-over-HTTP does: `{"errors":[{"message","extensions":{"code"}}]}`, JSON in every
 * NODE_ENV, never Express's HTML page with a stack and absolute paths.
 */
export const BODY_LIMIT = '1mb';

type HttpError = Error & { status?: number; statusCode?: number; type?: string; expose?: boolean };

const send = (res: Parameters<RequestHandler>[1], status: number, code: string, message: string) =>
  res.status(status).type('application/json').send(JSON.stringify({ errors: [{ message, extensions: { code } }] }));

const notFound: RequestHandler = (req, res) => {
  send(res, 404, 'NOT_FOUND', `nothing at ${req.method} ${req.path.slice(0, 200)}: the API is POST /graphql (GraphiQL: GET /graphql in a browser); health: /livez, /readyz`);
};

const errorHandler: ErrorRequestHandler = (err: HttpError, req, res, next) => {
  if (res.headersSent) return next(err);
  const status = err.status ?? err.statusCode ?? 500;
  if (status === 413 || err.type === 'entity.too.large') {
    send(res, 413, 'PAYLOAD_TOO_LARGE', `the request body is larger than ${BODY_LIMIT.replace('mb', ' MB')}: send a smaller query and fewer variables`);
  } else if (err.type === 'entity.parse.failed') {
    send(res, 400, 'BAD_REQUEST', `the request body is not valid JSON (${err.message.slice(0, 200)}): send {"query": "…", "variables": {…}} with content-type: application/json`);
  } else if (status >= 400 && status < 500) {
    // body-parser's other refusals (charset, encoding, aborted request): their messages are written for clients.
    send(res, status, 'BAD_REQUEST', err.expose === false ? 'bad request' : err.message.slice(0, 300));
  } else {
    req.log?.error({ err }, 'unexpected error outside GraphQL');
    send(res, 500, 'INTERNAL_SERVER_ERROR', INTERNAL_MESSAGE);
  }
};

/** Registers the 404 and error handlers: call after every route. */
export function registerHttpErrorHandlers(app: Express): void {
  app.use(notFound);
  app.use(errorHandler);
}

/**
 * A mutation or subscription is the client's mistake, not an incident: HTTP 400 with a sentence,
 * instead of graphql-js's "Schema is not configured to execute mutation operation" as an
 * INTERNAL_SERVER_ERROR. (Until the API has mutations; subscriptions are not planned.)
 */
export const queriesOnlyPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operation }) {
        if (!operation || operation.operation === 'query') return;
        const message =
          operation.operation === 'mutation'
            ? 'this API has no mutation yet: it is read-only; send a query operation (change data with npm run import)'
            : 'subscriptions are not supported: send a query operation, and ask again to see changes';
        throw new GraphQLError(message, { extensions: { code: 'BAD_REQUEST', http: { status: 400 } } });
      },
    };
  },
};
