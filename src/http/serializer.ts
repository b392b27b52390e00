// Response serialization: each route's zod response schema is turned into JSON Schema once, at
// start-up, and compiled by fast-json-stringify. Replies are built by our own code, so they are
// not re-validated on the way out; the schema also drops any field the contract does not name.
import fastJson from 'fast-json-stringify';
import type { FastifySerializerCompiler } from 'fastify/types/schema.js';
import { z } from 'zod';

export const serializerCompiler: FastifySerializerCompiler<unknown> = ({ schema }) => {
  if (!(schema instanceof z.ZodType)) return (data: unknown) => JSON.stringify(data);
  const jsonSchema = z.toJSONSchema(schema, { target: 'draft-7', io: 'output', unrepresentable: 'any' });
  delete (jsonSchema as { $schema?: string }).$schema;
  return fastJson(jsonSchema as Parameters<typeof fastJson>[0]);
};
