// The service's pino logger. Request logs are built from an allowlist (http/request-log.ts); redact
// is a second net for anything that might carry report text or secrets.
import { pino, type DestinationStream, type Logger } from 'pino';
import { errorFields } from './http/error-handler.js';

export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers["x-api-key"]',
  'req.headers.cookie',
  'req.body',
  'req.query',
  'req.url',
  'res.body',
  'body',
  'text',
  'terms',
  'err.message',
  'err.stack',
  'error.message',
  'error.stack',
];

export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = {
    level,
    base: null,
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    serializers: {
      // Fastify attaches these on some internal log lines; keep only what a request log may carry.
      req: (req: { method?: string; id?: string }) => ({ method: req.method, id: req.id }),
      res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
      err: (err: unknown) => errorFields(err),
    },
  };
  return destination === undefined ? pino(options) : pino(options, destination);
}
