import {
  batchEstimateQuerySchema,
  batchEstimateSchema,
  errorCodes,
  idempotencyKeySchema,
  listMessagesQuerySchema,
  outboxMessagePageSchema,
  publicBatchSchema,
  publicOutboxMessageDetailSchema,
  publicOutboxMessageSchema,
  submitBatchSchema,
  submitMessageSchema,
} from '@saatja/core';
import { z } from 'zod/mini';

/** JSON Schema of a core schema as the client sends it (input) or receives it (output). */
function jsonSchema(schema: z.core.$ZodType, io: 'input' | 'output'): Record<string, unknown> {
  const document = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<string, unknown>;
  // The dialect is the document's (OpenAPI 3.1 is JSON Schema 2020-12), not each schema's.
  delete document.$schema;
  return document;
}

const errorBody = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code'],
      properties: {
        code: { enum: [...errorCodes] },
        fields: { type: 'object', description: 'Field path (dot-separated) → error key', additionalProperties: { type: 'string' } },
        detail: { type: 'string' },
      },
    },
  },
};

const json = (schema: unknown) => ({ content: { 'application/json': { schema } } });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const errors = {
  '401': { description: 'No valid API token', ...json(ref('Error')) },
  '403': { description: 'The token may not send as this user', ...json(ref('Error')) },
  '404': { description: "No such message or batch (or not the token's)", ...json(ref('Error')) },
  '422': { description: 'Bad input: `fields` names each bad field; nothing was stored', ...json(ref('Error')) },
};
const conflict = { description: 'The Idempotency-Key was used with another body', ...json(ref('Error')) };
const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };
const idempotencyHeader = {
  name: 'Idempotency-Key',
  in: 'header',
  required: false,
  description: 'The same key with the same body returns the same message, created once; with another body 409.',
  schema: jsonSchema(idempotencyKeySchema, 'input'),
};

function action(summary: string, answer: string) {
  return { post: { summary, parameters: [idParam], responses: { '200': { description: 'Done', ...json(ref(answer)) }, ...errors } } };
}

/** The OpenAPI 3.1 document of /api/v1, generated from the schemas the API parses with. */
export function openApiDocument(): Record<string, unknown> {
  const query = jsonSchema(listMessagesQuerySchema, 'input') as { properties: Record<string, unknown> };
  const estimate = jsonSchema(batchEstimateQuerySchema, 'input') as { properties: Record<string, unknown>; required: string[] };
  return {
    openapi: '3.1.0',
    info: {
      title: 'Saatja send API',
      version: '1',
      description: "Mail from the ERP, sent as a user through that user's effective mail configuration (SPEC §10).",
    },
    servers: [{ url: '/api/v1' }],
    security: [{ token: [] }],
    components: {
      securitySchemes: { token: { type: 'http', scheme: 'bearer', description: 'An API token an admin created (saatja_…)' } },
      schemas: {
        SubmitMessage: jsonSchema(submitMessageSchema, 'input'),
        SubmitBatch: jsonSchema(submitBatchSchema, 'input'),
        Message: jsonSchema(publicOutboxMessageSchema, 'output'),
        MessageDetail: jsonSchema(publicOutboxMessageDetailSchema, 'output'),
        MessagePage: jsonSchema(outboxMessagePageSchema, 'output'),
        Batch: jsonSchema(publicBatchSchema, 'output'),
        BatchEstimate: jsonSchema(batchEstimateSchema, 'output'),
        Error: errorBody,
      },
    },
    paths: {
      '/messages': {
        post: {
          summary: 'Submit a message; stored before the answer, sent by the outbox',
          parameters: [idempotencyHeader],
          requestBody: { required: true, ...json(ref('SubmitMessage')) },
          responses: {
            '202': { description: 'Stored and queued (or the earlier message of this Idempotency-Key)', ...json(ref('Message')) },
            '409': conflict,
            ...errors,
          },
        },
        get: {
          summary: "List the token's messages, newest first, optionally by the ERP's reference",
          parameters: Object.entries(query.properties).map(([name, schema]) => ({ name, in: 'query', required: false, schema })),
          responses: { '200': { description: 'A page; `next` is the `before` of the next page', ...json(ref('MessagePage')) }, ...errors },
        },
      },
      '/messages/{id}': {
        get: {
          summary: 'A message: its status, every attempt, and the events (bounces) matched to it',
          parameters: [idParam],
          responses: { '200': { description: 'The message', ...json(ref('MessageDetail')) }, ...errors },
        },
      },
      '/messages/{id}/cancel': action('Cancel a message that is still queued', 'Message'),
      '/batches': {
        post: {
          summary: "Submit a batch of one user's messages (the mass-mail module; only for users with their own server)",
          parameters: [idempotencyHeader],
          requestBody: { required: true, ...json(ref('SubmitBatch')) },
          responses: { '202': { description: 'Stored and queued', ...json(ref('Batch')) }, '409': conflict, ...errors },
        },
      },
      '/batches/estimate': {
        get: {
          summary: "How long a batch would take under the account's sending limits, to warn before submitting it",
          parameters: Object.entries(estimate.properties).map(([name, schema]) => ({
            name,
            in: 'query',
            required: estimate.required.includes(name),
            schema,
          })),
          responses: { '200': { description: 'The estimate', ...json(ref('BatchEstimate')) }, ...errors },
        },
      },
      '/batches/{id}': {
        get: {
          summary: 'A batch and its progress',
          parameters: [idParam],
          responses: { '200': { description: 'The batch', ...json(ref('Batch')) }, ...errors },
        },
      },
      '/batches/{id}/pause': action('Pause a batch: its queued messages wait', 'Batch'),
      '/batches/{id}/resume': action('Resume a paused batch', 'Batch'),
      '/batches/{id}/cancel': action('Cancel a batch: its queued messages are cancelled', 'Batch'),
    },
  };
}
