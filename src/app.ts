// buildApp({ engine, config, logger }): plugins, schemas, routes and the error handler. It never
// listens and never reads the environment; server.ts does that, and tests build the same app.
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, validatorCompiler } from 'fastify-type-provider-zod';
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { Config } from './config.js';
import { clientErrorHandler, installErrorHandler } from './http/error-handler.js';
import { installRequestLog } from './http/request-log.js';
import { explainRoute } from './http/routes/explain.js';
import { glossaryRoutes } from './http/routes/glossary.js';
import { healthRoutes } from './http/routes/health.js';
import { registerSecurity } from './http/security.js';
import { serializerCompiler } from './http/serializer.js';
import type { Engine } from './pipeline/compile.js';

export interface AppDeps {
  engine: Engine;
  config: Config;
  /** A pino logger; omitted means no logging (tests that do not inspect logs). */
  logger?: Logger;
}

export const API_VERSION = '1.0.0';

export async function buildApp({ engine, config, logger }: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    ...(logger === undefined ? { logger: false } : { loggerInstance: logger }),
    // Fastify's own request lines carry the URL (and so the query); http/request-log.ts replaces them.
    logController: new LogController({ disableRequestLogging: true }),
    genReqId: () => randomUUID(),
    bodyLimit: config.BODY_LIMIT,
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    trustProxy: config.TRUST_PROXY.length > 0 ? [...config.TRUST_PROXY] : false,
    // Requests that arrive on a kept-alive connection while closing are served, not sent Fastify's
    // own 503 (which is outside the one error shape); the connection closes after the reply.
    return503OnClosing: false,
    requestTimeout: config.REQUEST_TIMEOUT_MS,
    connectionTimeout: config.REQUEST_TIMEOUT_MS + 1000,
    keepAliveTimeout: 5000,
    http: {
      headersTimeout: Math.min(config.HEADERS_TIMEOUT_MS, config.REQUEST_TIMEOUT_MS),
      requestTimeout: config.REQUEST_TIMEOUT_MS,
      connectionsCheckingInterval: 500,
    },
    routerOptions: { maxParamLength: 200 },
    clientErrorHandler,
  }) as unknown as FastifyInstance;

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);
  installRequestLog(app);

  // text/plain is the raw report, so `curl --data-binary @report.txt` works; it becomes { text }.
  app.removeContentTypeParser('text/plain');
  app.addContentTypeParser('text/plain', { parseAs: 'string' }, (_request, body, done) => done(null, { text: body }));

  await registerSecurity(app, config);

  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Backchat',
        version: API_VERSION,
        description:
          'Explains spine MRI reports to patients: finds the jargon, explains it in plain words, and says whether the report says each finding is there. Report text is processed in memory only: never stored, never logged.',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          apiKey: { type: 'apiKey', in: 'header', name: 'x-api-key' },
        },
      },
    },
    transform: jsonSchemaTransform,
    transformObject: (documentObject) => {
      const doc = (documentObject as { openapiObject: Record<string, unknown> }).openapiObject as {
        paths?: Record<string, { post?: { requestBody?: { content?: Record<string, unknown> } } }>;
      };
      const body = doc.paths?.['/v1/explain']?.post?.requestBody;
      if (body?.content !== undefined) {
        body.content['text/plain'] = { schema: { type: 'string', description: 'The raw report text.' } };
      }
      return doc as never;
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });

  await app.register(healthRoutes, { engine });
  await app.register(explainRoute, { engine, config });
  await app.register(glossaryRoutes, { engine });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  return app;
}
