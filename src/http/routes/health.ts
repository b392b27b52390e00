// Liveness and readiness. Readiness means the glossary is loaded and compiled, which buildApp
// guarantees before the app exists; under-pressure turns readiness to 503 when the loop lags.
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Engine } from '../../pipeline/compile.js';
import { errorSchema, healthSchema, readySchema } from '../schemas.js';

export const healthRoutes: FastifyPluginAsync<{ engine: Engine }> = async (app, { engine }) => {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  typed.get('/healthz', {
    schema: { summary: 'Liveness', tags: ['health'], response: { 200: healthSchema } },
    handler: async () => ({ status: 'ok' }),
  });
  typed.get('/readyz', {
    schema: { summary: 'Readiness: the glossary is loaded', tags: ['health'], response: { 200: readySchema, 503: errorSchema } },
    handler: async () => ({ status: 'ready', glossaryVersion: engine.version, concepts: engine.concepts.size }),
  });
};
