// POST /v1/explain: parse -> check -> explain() -> reply. The route holds no logic of the pipeline.
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../../config.js';
import { ApiError } from '../../errors.js';
import type { Engine } from '../../pipeline/compile.js';
import { explain } from '../../pipeline/explain.js';
import { errorSchema, explainBodySchema, explainReplySchema } from '../schemas.js';

// Tab, line feed, vertical tab, form feed and carriage return are white space; other C0 controls are not text.
const CONTROL = /[\u0000-\u0008\u000E-\u001F\u007F]/;
const NOT_BLANK = /\S/;

export interface ExplainRouteOptions {
  engine: Engine;
  config: Config;
}

export const explainRoute: FastifyPluginAsync<ExplainRouteOptions> = async (app, { engine, config }) => {
  app.withTypeProvider<ZodTypeProvider>().post('/v1/explain', {
    schema: {
      summary: 'Explain the jargon in a spine MRI report',
      description:
        'Send the report as JSON ({"text": "...", "terms": [...]}) or as text/plain. Returns every recognised term with its offsets, a plain-language explanation, and what the report says about it.',
      tags: ['explain'],
      querystring: z.object({}).strict(),
      body: explainBodySchema,
      response: {
        200: explainReplySchema,
        400: errorSchema,
        401: errorSchema,
        413: errorSchema,
        415: errorSchema,
        422: errorSchema,
        429: errorSchema,
        503: errorSchema,
      },
    },
    handler: async (request) => {
      const { text, terms } = request.body;
      if (text.length > config.MAX_TEXT_CHARS) throw new ApiError('TEXT_TOO_LONG');
      if (!NOT_BLANK.test(text)) throw new ApiError('TEXT_EMPTY');
      if (CONTROL.test(text)) throw new ApiError('TEXT_CONTROL_CHARACTERS');
      if (!text.isWellFormed()) throw new ApiError('TEXT_INVALID_UNICODE');
      if (terms !== undefined) {
        if (terms.length > config.MAX_TERMS) throw new ApiError('TOO_MANY_TERMS');
        if (new Set(terms.map((t) => t.id)).size !== terms.length) throw new ApiError('DUPLICATE_TERM_ID');
        if (terms.some((t) => !t.text.isWellFormed() || CONTROL.test(t.text) || !NOT_BLANK.test(t.text))) {
          throw new ApiError('INVALID_BODY');
        }
      }
      return explain(engine, { text, terms });
    },
  });
};
