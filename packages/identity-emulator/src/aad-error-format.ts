import { randomUUID } from 'node:crypto';
import type { AadError } from './aad-errors';

export interface TraceInfo {
  traceId: string;
  correlationId: string;
  timestamp: string;
}

export function newTrace(correlationId?: string): TraceInfo {
  // Microsoft's timestamps look like "2024-05-01 12:00:00Z".
  const timestamp = new Date()
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, 'Z');
  return { traceId: randomUUID(), correlationId: correlationId ?? randomUUID(), timestamp };
}

/** `AADSTSnnnnn: message`, as an error page shows it. */
export function headline(error: AadError): string {
  return `AADSTS${error.code}: ${error.message}`;
}

/** The headline plus the trace lines Microsoft appends to an error_description. */
export function describe(error: AadError, trace: TraceInfo): string {
  return `${headline(error)} Trace ID: ${trace.traceId} Correlation ID: ${trace.correlationId} Timestamp: ${trace.timestamp}`;
}

/** The JSON body of a failed token request. */
export function tokenErrorBody(error: AadError, trace: TraceInfo): Record<string, unknown> {
  return {
    error: error.error,
    error_description: describe(error, trace),
    error_codes: [error.code],
    timestamp: trace.timestamp,
    trace_id: trace.traceId,
    correlation_id: trace.correlationId,
    ...(error.suberror === undefined ? {} : { suberror: error.suberror }),
  };
}
