// Access control for intranets: optional API keys (constant-time, digest-based comparison, checked
// before the body is read), per-key rate limiting, CORS allowlist, API-fit security headers, and
// load shedding when the event loop lags.
import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import underPressure, { type FastifyUnderPressureOptions } from '@fastify/under-pressure';
import helmet from 'helmet';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config.js';
import { ApiError, errorBody } from '../errors.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Short, non-secret id of the caller's valid API key (a digest prefix), or null. */
    keyId: string | null;
  }
}

const digest = (key: string): Buffer => createHash('sha256').update(key, 'utf8').digest();

/** Compares a presented key with every configured key in constant time; returns the key's id or null. */
export function keyChecker(keys: readonly string[]): (presented: string | undefined) => string | null {
  const digests = keys.map((k) => ({ digest: digest(k), id: digest(k).toString('hex').slice(0, 8) }));
  return (presented) => {
    if (presented === undefined || presented.length === 0 || presented.length > 512) return null;
    const d = digest(presented);
    let found: string | null = null;
    for (const k of digests) if (timingSafeEqual(d, k.digest)) found = k.id;
    return found;
  };
}

// The auth scheme is case-insensitive (RFC 9110 section 11.1); the key is one token.
const BEARER = /^Bearer +(\S+)$/i;

function presentedKey(request: FastifyRequest): string | undefined {
  const auth = request.headers.authorization;
  if (typeof auth === 'string') return BEARER.exec(auth)?.[1];
  const header = request.headers['x-api-key'];
  return typeof header === 'string' ? header : undefined;
}

const UTF8 = new Set(['utf-8', 'utf8', 'us-ascii']);
/** The charset parameter of a content-type header, lower-cased, without quotes. */
function charsetOf(type: string): string | undefined {
  for (const param of type.split(';').slice(1)) {
    const eq = param.indexOf('=');
    if (eq < 0 || param.slice(0, eq).trim().toLowerCase() !== 'charset') continue;
    return param.slice(eq + 1).trim().replace(/^"|"$/g, '').toLowerCase();
  }
  return undefined;
}

const underV1 = (path: string): boolean => path === '/v1' || path.startsWith('/v1/');
/**
 * Both the raw URL and the matched route pattern are checked: the router decodes the path, so
 * "/%761/glossary" reaches the /v1/glossary route although its raw URL does not start with /v1/.
 */
const isProtected = (request: FastifyRequest): boolean =>
  underV1(request.url) || underV1(request.routeOptions.url ?? '');

export async function registerSecurity(app: FastifyInstance, config: Config): Promise<void> {
  const check = keyChecker(config.API_KEYS);
  const keysOn = config.API_KEYS.length > 0;

  // Headers first: hooks below reply early (401, 415, 429, preflight), and those replies need them too.
  // helmet itself, built once: @fastify/helmet rebuilds the whole middleware (and re-parses the CSP)
  // on every request, which the benchmark's profile showed as a visible share of a request.
  const securityHeaders = helmet({
    // Fit for a JSON API; /docs (Swagger UI) loads its own scripts and styles from this origin.
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        baseUri: ["'none'"],
      },
    },
    frameguard: { action: 'deny' },
    crossOriginResourcePolicy: { policy: 'same-origin' },
  });
  // It sets its headers on the raw response and calls `done` synchronously (with an error only if a
  // directive computed per request failed; ours are fixed strings).
  app.addHook('onRequest', (request, reply, done) => securityHeaders(request.raw, reply.raw, (err?: unknown) => done(err as Error | undefined)));
  // Hooks on every request take the callback form: an async hook costs a promise and a tick each.
  app.addHook('onSend', (_request, reply, payload, done) => {
    reply.header('cache-control', 'no-store');
    done(null, payload);
  });

  // onRequest hooks run in the order added here: identify, rate limit, CORS preflight, enforce.
  app.decorateRequest('keyId', null);
  // 1. Identify the caller (never rejects), so the rate limit can key on a valid key.
  app.addHook('onRequest', (request, _reply, done) => {
    request.keyId = keysOn ? check(presentedKey(request)) : null;
    done();
  });

  // 2. Rate limit per valid key, else per client address, before the key is enforced, so failed
  //    attempts are throttled too. A root hook (not the plugin's per-route hooks, which would run
  //    after step 4) keeps that order.
  if (config.RATE_LIMIT_PER_MINUTE > 0) {
    await app.register(rateLimit, {
      global: false,
      max: config.RATE_LIMIT_PER_MINUTE,
      timeWindow: 60_000,
      keyGenerator: (request) => (request.keyId !== null ? `key:${request.keyId}` : `ip:${request.ip}`),
      allowList: (request) => !isProtected(request),
      errorResponseBuilder: (_request, context) => {
        const err = new ApiError('RATE_LIMITED') as ApiError & { retryAfter?: number };
        err.retryAfter = Math.ceil(context.ttl / 1000);
        return err;
      },
    });
    app.addHook('onRequest', app.rateLimit());
  }

  // 3. CORS: only listed origins get access-control-allow-origin. Preflights carry no credentials,
  //    so they are answered here, before the key check; any other OPTIONS request is a 404.
  const origins = new Set(config.CORS_ORIGINS);
  await app.register(cors, {
    origin: (origin, callback) => callback(null, origin !== undefined && origins.has(origin)),
    methods: ['GET', 'POST'],
    allowedHeaders: ['content-type', 'authorization', 'x-api-key'],
    strictPreflight: false,
    maxAge: 600,
  });

  // 4. Enforce keys on /v1/* before the body is read; then refuse non-UTF-8 charsets.
  app.addHook('onRequest', (request, _reply, done) => {
    if (keysOn && isProtected(request) && request.keyId === null) return done(new ApiError('UNAUTHORIZED'));
    const type = request.headers['content-type'];
    if (typeof type === 'string') {
      const charset = charsetOf(type);
      if (charset !== undefined && !UTF8.has(charset)) return done(new ApiError('UNSUPPORTED_MEDIA_TYPE'));
    }
    done();
  });

  if (config.MAX_EVENT_LOOP_DELAY_MS > 0) {
    await app.register(underPressure, {
      maxEventLoopDelay: config.MAX_EVENT_LOOP_DELAY_MS,
      retryAfter: 5,
      // Liveness stays answered under load (a restart would not help); everything else is shed.
      // A value returned here is sent as the reply (the types say void; the plugin sends it).
      pressureHandler: ((request: FastifyRequest, reply: FastifyReply) => {
        if (request.routeOptions.url === '/healthz') return undefined;
        (reply as FastifyReply & { errorCode?: string }).errorCode = 'OVERLOADED';
        void reply.code(503).header('retry-after', '5').type('application/json; charset=utf-8');
        return errorBody('OVERLOADED');
      }) as unknown as NonNullable<FastifyUnderPressureOptions['pressureHandler']>,
    });
  }
}
