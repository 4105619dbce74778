import { describe, expect, it } from 'vitest';
import { headerBlock, messageIds, oneLine, parseFieldGroups } from '../src/events/header-fields';

describe('parseFieldGroups', () => {
  it('when fields are folded and grouped, then groups come back unfolded with lower-case names', () => {
    const groups = parseFieldGroups('A: 1\r\nB: two\r\n  lines\r\n\r\n\r\nC: 3\r\nc: again\r\n\tmore\r\nnot a field\r\n');
    expect(groups.map((group) => Object.fromEntries(group))).toEqual([{ a: '1', b: 'two lines' }, { c: '3' }]);
  });

  it('when a continuation line comes first, then it is ignored', () => {
    expect(parseFieldGroups(' stray\nA: 1').map((group) => Object.fromEntries(group))).toEqual([{ a: '1' }]);
  });
});

describe('headerBlock', () => {
  it('when a message has a body, then only its header block is read', () => {
    expect(Object.fromEntries(headerBlock('Message-ID: <a@b>\r\n\r\nMessage-ID: <c@d>'))).toEqual({ 'message-id': '<a@b>' });
  });

  it('when the text is only headers or empty, then those or nothing come back', () => {
    expect(Object.fromEntries(headerBlock('Subject: x'))).toEqual({ subject: 'x' });
    expect(headerBlock('').size).toBe(0);
  });
});

describe('messageIds and oneLine', () => {
  it.each<[string | null | undefined, string[]]>([
    ['<a@b> <c@d>\r\n <e@f>', ['<a@b>', '<c@d>', '<e@f>']],
    ['no brackets@here', []],
    [null, []],
    [undefined, []],
  ])('when the value is %j, then the ids are %j', (value, ids) => {
    expect(messageIds(value)).toEqual(ids);
  });

  it('when a value holds CR/LF, tabs and control characters, then one clean line is left', () => {
    expect(oneLine(' a\r\n\tb\u0000c  ')).toBe('a b c');
  });
});
