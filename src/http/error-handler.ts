// The one error handler: every error leaves as { statusCode, code, error, message } with
// status = statusCode. Client mistakes are 4xx with a fixed catalogue message; anything else is a
// generic 500. Messages never quote input, and logs carry the error code only.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ApiError, errorBody, type ErrorCode } from '../errors.js';

const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'INVALID_JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'EMPTY_BODY',
  FST_ERR_CTP_BODY_TOO_LARGE: 'BODY_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'BAD_REQUEST',
  FST_ERR_CTP_INVALID_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_EMPTY_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_BAD_URL: 'NOT_FOUND',
  FST_ERR_ASYNC_CONSTRAINT: 'BAD_REQUEST',
  FST_ERR_VALIDATION: 'INVALID_BODY',
};

const BY_STATUS: Record<number, ErrorCode> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  408: 'REQUEST_TIMEOUT',
  413: 'BODY_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
  503: 'OVERLOADED',
};

/** Maps any thrown error to a catalogue code, without looking at its message. */
export function classify(error: FastifyError | ApiError | Error): ErrorCode {
  if (error instanceof ApiError) return error.code;
  const e = error as FastifyError;
  if (e.validation !== undefined) return e.validationContext === 'querystring' ? 'QUERY_NOT_ALLOWED' : 'INVALID_BODY';
  if (e.code !== undefined && FASTIFY_CODES[e.code] !== undefined) return FASTIFY_CODES[e.code]!;
  // JSON.parse errors and proto-poisoning come out of the JSON parser as 400 SyntaxErrors.
  if (e instanceof SyntaxError && e.statusCode === 400) return 'INVALID_JSON';
  const status = e.statusCode ?? 500;
  if (status >= 400 && status < 500) return BY_STATUS[status] ?? 'BAD_REQUEST';
  if (status === 503) return 'OVERLOADED';
  return 'INTERNAL';
}

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const code = classify(error);
    const body = errorBody(code);
    if (body.statusCode >= 500) {
      // The error itself may carry input in its message: log its class and code, never the message.
      request.log.error({ errCode: code, errClass: error.name, errFastifyCode: error.code }, 'request failed');
    }
    (reply as FastifyReply & { errorCode?: string }).errorCode = code;
    void reply.code(body.statusCode).type('application/json; charset=utf-8').send(body);
  });
  app.setNotFoundHandler((request, reply) => {
    void reply.code(404).type('application/json; charset=utf-8').send(errorBody('NOT_FOUND'));
  });
}
