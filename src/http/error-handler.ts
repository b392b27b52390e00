// The one error handler: every error leaves as { statusCode, code, error, message } with
// status = statusCode. Client mistakes are 4xx with a fixed catalogue message; anything else is a
// generic 500. Messages never quote input, and logs carry the error code only.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
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
  408: 'REQUEST_TIMEOUT',
  413: 'BODY_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
  503: 'OVERLOADED',
};

/** Maps any thrown error to a catalogue code, without looking at its message. */
export function classify(error: FastifyError | ApiError | Error, route?: string): ErrorCode {
  // Anything can be thrown, null and strings included.
  if (typeof error !== 'object' || error === null) return 'INTERNAL';
  if (error instanceof ApiError) return error.code;
  const e = error as FastifyError;
  if (e.validation !== undefined) {
    if (e.validationContext === 'querystring') return route === '/v1/explain' ? 'QUERY_NOT_ALLOWED' : 'INVALID_QUERY';
    if (e.validationContext === 'params') return 'CONCEPT_NOT_FOUND';
    return 'INVALID_BODY';
  }
  if (e.code !== undefined && FASTIFY_CODES[e.code] !== undefined) return FASTIFY_CODES[e.code]!;
  // JSON.parse errors and proto-poisoning come out of the JSON parser as 400 SyntaxErrors.
  if (e instanceof SyntaxError && e.statusCode === 400) return 'INVALID_JSON';
  const status = e.statusCode ?? 500;
  if (status >= 400 && status < 500) return BY_STATUS[status] ?? 'BAD_REQUEST';
  if (status === 503) return 'OVERLOADED';
  return 'INTERNAL';
}

// Node, Fastify and llhttp codes (FST_ERR_..., ERR_..., HPE_..., ECONNRESET): constants from code,
// unlike a thrown object's name or code, which data can set.
const KNOWN_CODE = /^(?:(?:FST|ERR|HPE)_[A-Z0-9_]{1,60}|E[A-Z]{2,20})$/;

/** What a log line may say about an error: its class (from code) and a known code, never its message. */
export function errorFields(error: unknown): { errClass: string; errFastifyCode?: string } {
  if (typeof error !== 'object' || error === null) return { errClass: typeof error };
  const { code } = error as { code?: unknown };
  // The prototype's constructor, not an own `constructor` or `name` property that data could set.
  const name: unknown = (Object.getPrototypeOf(error) as { constructor?: { name?: unknown } } | null)?.constructor?.name;
  return {
    errClass: typeof name === 'string' && name.length > 0 ? name : 'Object',
    ...(typeof code === 'string' && KNOWN_CODE.test(code) ? { errFastifyCode: code } : {}),
  };
}

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const code = classify(error, request.routeOptions.url);
    const body = errorBody(code);
    if (body.statusCode >= 500) {
      // The error itself may carry input in its message: log its class and code, never the message.
      request.log.error({ errCode: code, ...errorFields(error) }, 'request failed');
    }
    (reply as FastifyReply & { errorCode?: string }).errorCode = code;
    void reply.code(body.statusCode).type('application/json; charset=utf-8').send(body);
  });
  app.setNotFoundHandler((_request, reply) => {
    (reply as FastifyReply & { errorCode?: string }).errorCode = 'NOT_FOUND';
    void reply.code(404).type('application/json; charset=utf-8').send(errorBody('NOT_FOUND'));
  });
}

/**
 * Errors Node raises on a connection before Fastify has a request (a request or header timeout, an
 * unparsable or oversized head): the same error shape, then the connection is closed. Replaces
 * Fastify's default, whose body has no code. The raw packet on `err` is never logged.
 */
export function clientErrorHandler(this: FastifyInstance, err: Error & { code?: string }, socket: Duplex): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const code: ErrorCode =
    err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 'REQUEST_TIMEOUT' : err.code === 'HPE_HEADER_OVERFLOW' ? 'HEADERS_TOO_LARGE' : 'BAD_REQUEST';
  const body = errorBody(code);
  this.log.debug({ errCode: code, ...errorFields(err) }, 'client error');
  // Like Node's own handler: answer unless the response in progress has sent its headers.
  const inProgress = (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  if (socket.writable && (inProgress === undefined || inProgress === null || !inProgress.headersSent)) {
    const json = JSON.stringify(body);
    socket.write(
      `HTTP/1.1 ${body.statusCode} ${body.error}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(json)}\r\nCache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\n` +
        `Connection: close\r\n\r\n${json}`,
    );
  }
  socket.destroy();
}
