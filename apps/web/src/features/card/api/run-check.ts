import type { CheckEvent, CheckInput } from '@saatja/core';
import { ApiError, apiErrorOf } from '../../../lib/api-client';
import { cardPath } from './card-path';

/**
 * Runs "Check connection" or "Send test mail" and hands over each step as the server reports it:
 * the answer is NDJSON, one event per line, read as it arrives.
 */
export async function runCheck(input: CheckInput, userCode: string | undefined, onEvent: (event: CheckEvent) => void): Promise<void> {
  let response: Response;
  try {
    response = await fetch(`/api${cardPath(userCode)}/check`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(input),
    });
  } catch {
    throw new ApiError('network', 0);
  }
  if (!response.ok || !response.body) throw await apiErrorOf(response);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = '';
  for (;;) {
    const { done, value } = await reader.read().catch(() => {
      throw new ApiError('network', 0);
    });
    if (done) break;
    const lines = (buffered + value).split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines) if (line.trim()) onEvent(JSON.parse(line) as CheckEvent);
  }
}
