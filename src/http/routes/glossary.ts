// GET /v1/glossary and GET /v1/glossary/:id: the concepts behind every explanation.
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ApiError } from '../../errors.js';
import type { Concept } from '../../glossary/schema.js';
import type { Engine } from '../../pipeline/compile.js';
import { conceptParamsSchema, conceptSchema, errorSchema, glossaryQuerySchema, glossaryReplySchema } from '../schemas.js';

export const glossaryRoutes: FastifyPluginAsync<{ engine: Engine }> = async (app, { engine }) => {
  const concepts = [...engine.concepts.values()].sort((a, b) => a.id.localeCompare(b.id));
  const haystack = new Map<Concept, string[]>(
    concepts.map((c) => [c, [c.id, c.term, ...c.forms, ...c.abbreviations].map((s) => s.toLowerCase())]),
  );
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.get('/v1/glossary', {
    schema: {
      summary: 'List the glossary',
      tags: ['glossary'],
      querystring: glossaryQuerySchema,
      response: { 200: glossaryReplySchema, 400: errorSchema, 401: errorSchema, 429: errorSchema },
    },
    handler: async (request) => {
      const q = request.query.q?.trim().toLowerCase();
      const list = q ? concepts.filter((c) => haystack.get(c)!.some((s) => s.includes(q))) : concepts;
      return { glossaryVersion: engine.version, count: list.length, concepts: list };
    },
  });

  typed.get('/v1/glossary/:id', {
    schema: {
      summary: 'One glossary concept',
      tags: ['glossary'],
      params: conceptParamsSchema,
      response: { 200: conceptSchema, 401: errorSchema, 404: errorSchema, 429: errorSchema },
    },
    handler: async (request) => {
      const concept = engine.concepts.get(request.params.id);
      if (concept === undefined) throw new ApiError('CONCEPT_NOT_FOUND');
      return concept;
    },
  });
};
