import { describe, expect, it } from 'vitest';
import { isSendRefusal, sendRefusals } from '../src';

describe('isSendRefusal', () => {
  it.each([...sendRefusals])('when the reason is %s, then it is a refusal', (reason) => {
    expect(isSendRefusal(reason)).toBe(true);
  });

  it.each(['authFailed', '', null, 42])('when the value is %j, then it is not', (value) => {
    expect(isSendRefusal(value)).toBe(false);
  });
});
