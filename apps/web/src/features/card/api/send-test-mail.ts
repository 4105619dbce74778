import type { TestMailInput } from '@saatja/core';
import { api } from '../../../lib/api-client';

export const sendTestMail = (input: TestMailInput = {}) =>
  api<{ messageId: string; to: string; response: string }>('POST', '/card/test-mail', input);
