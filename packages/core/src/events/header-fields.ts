/** One group of `Name: value` fields; names lower-cased, the first occurrence of a name kept. */
export type FieldGroup = ReadonlyMap<string, string>;

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARS = /[\u0000-\u001f\u007f]+/g;

/** Whitespace runs (folding, tabs, CR/LF) and control characters become one space. */
export function oneLine(value: string): string {
  return value.replace(CONTROL_CHARS, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * Header-style field groups separated by blank lines, with folded lines unfolded (RFC 5322 §2.2.3).
 * A message/delivery-status body is exactly this shape (RFC 3464 §2.1), and so is a header block.
 */
export function parseFieldGroups(text: string): FieldGroup[] {
  const groups: Map<string, string>[] = [];
  let group = new Map<string, string>();
  let last: string | null = null;
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '') {
      if (group.size > 0) groups.push(group);
      group = new Map();
      last = null;
    } else if (/^[ \t]/.test(line)) {
      if (last !== null) group.set(last, `${group.get(last) ?? ''} ${line.trim()}`);
    } else {
      const colon = line.indexOf(':');
      last = colon > 0 ? line.slice(0, colon).trim().toLowerCase() : null;
      if (last !== null && !group.has(last)) group.set(last, line.slice(colon + 1).trim());
      else last = null;
    }
  }
  if (group.size > 0) groups.push(group);
  return groups;
}

/** The header block at the top of a message: everything up to its first blank line. */
export function headerBlock(message: string): FieldGroup {
  const end = message.search(/\r?\n\r?\n/);
  return parseFieldGroups(end === -1 ? message : message.slice(0, end))[0] ?? new Map();
}

const MESSAGE_ID = /<([^<>\s]{1,500})>/g;

/** Every `<id>` in a Message-ID / In-Reply-To / References value, in order, brackets kept. */
export function messageIds(value: string | null | undefined): string[] {
  if (!value) return [];
  return [...value.matchAll(MESSAGE_ID)].map((match) => `<${match[1]}>`);
}
