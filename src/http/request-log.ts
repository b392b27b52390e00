// Request logs describe requests, never their content: one line per request with an allowlist of
// fields (id, method, route pattern, status, duration, sizes, key id, error code). No URL (it can
// carry a query), no headers, no body.
import type { FastifyInstance, FastifyReply } from 'fastify';

export function installRequestLog(app: FastifyInstance): void {
  app.addHook('onResponse', (request, reply, done) => {
    const length = reply.getHeader('content-length');
    request.log.info(
      {
        method: request.method,
        route: request.routeOptions.url ?? '(unmatched)',
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime * 10) / 10,
        bytesIn: Number(request.headers['content-length'] ?? 0) || 0,
        bytesOut: typeof length === 'number' ? length : Number(length ?? 0) || 0,
        keyId: request.keyId ?? undefined,
        errCode: (reply as FastifyReply & { errorCode?: string }).errorCode,
      },
      'request',
    );
    done();
  });
}
