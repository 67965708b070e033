// The OpenAPI 3.1 document, assembled from each route file's RouteDoc list and its zod schemas (so the document cannot drift from validation).
import { z } from 'zod';
import type { Role } from '../store/tracking-types.js';

export interface RouteDoc {
  method: 'get' | 'post' | 'delete';
  /** OpenAPI style: /api/forecasts/{id} */
  path: string;
  summary: string;
  query?: z.ZodObject;
  body?: z.ZodType;
  params?: string[];
  /** the role needed; reads default to reader, writes to analyst */
  role?: Role;
  /** answers with {items, total, limit, offset, next} */
  paged?: boolean;
  produces?: string;
}

const ERROR = { $ref: '#/components/schemas/Error' };
const errorResponse = (description: string) => ({ description, content: { 'application/json': { schema: ERROR } } });

function jsonSchema(schema: z.ZodType): Record<string, unknown> {
  // input shapes: what a client sends, before defaults and transforms apply
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
}

function operation(doc: RouteDoc, publicReads: boolean) {
  const role = doc.role ?? (doc.method === 'get' ? 'reader' : 'analyst');
  const parameters: unknown[] = (doc.params ?? []).map((name) => ({ name, in: 'path', required: true, schema: { type: 'string' } }));
  if (doc.query) {
    for (const [name, field] of Object.entries(doc.query.shape)) {
      const schema = jsonSchema(field as z.ZodType);
      const { description, ...rest } = schema;
      parameters.push({ name, in: 'query', required: false, schema: rest, ...(description ? { description } : {}) });
    }
  }
  const ok = doc.produces
    ? { description: 'OK', content: { [doc.produces]: { schema: { type: 'string' } } } }
    : { description: 'OK', content: { 'application/json': { schema: doc.paged ? { $ref: '#/components/schemas/Page' } : { type: 'object' } } } };
  const open = role === 'reader' && publicReads;
  return {
    summary: doc.summary,
    'x-role': role,
    ...(open ? { security: [] } : {}),
    ...(parameters.length ? { parameters } : {}),
    ...(doc.body ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(doc.body) } } } } : {}),
    responses: {
      [doc.method === 'post' ? '201' : doc.method === 'delete' ? '204' : '200']: ok,
      400: errorResponse('invalid parameters or body; `issues` names each one'),
      ...(open ? {} : { 401: errorResponse('no token, or a token that is not valid'), 403: errorResponse(`the token's role is below ${role}`) }),
      ...(doc.params ? { 404: errorResponse('no such item') } : {}),
      ...(doc.body ? { 413: errorResponse('the body is larger than the server accepts'), 415: errorResponse('the body is not application/json') } : {}),
    },
  };
}

export function openApiDocument(docs: RouteDoc[], options: { publicReads: boolean; version: string }) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const doc of docs) (paths[doc.path] ??= {})[doc.method] = operation(doc, options.publicReads);
  return {
    openapi: '3.1.0',
    info: {
      title: 'watchfloor API', version: options.version,
      description: 'Archive, tracker and brief of a watchfloor indications-and-warning workbench. Send `Authorization: Bearer <token>`; roles are reader < analyst < admin (`watchfloor token create --role ...`).',
    },
    servers: [{ url: '/' }],
    security: [{ bearer: [] }],
    paths,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      schemas: {
        Error: {
          type: 'object', required: ['error'],
          properties: { error: { type: 'object', required: ['status', 'code', 'message'], properties: {
            status: { type: 'integer' }, code: { type: 'string' }, message: { type: 'string' },
            issues: { type: 'array', items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' } } } },
          } } },
        },
        Page: {
          type: 'object', required: ['items', 'total', 'limit', 'offset', 'next'],
          properties: { items: { type: 'array', items: { type: 'object' } }, total: { type: 'integer' }, limit: { type: 'integer' }, offset: { type: 'integer' }, next: { type: ['integer', 'null'], description: 'the offset of the next page, null on the last' } },
        },
      },
    },
  };
}
