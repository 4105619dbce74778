import { createUserInputSchema, type CreateUserInput } from '@saatja/core';
import { z } from 'zod/mini';

export interface NewAdminFields {
  code?: string;
  name?: string;
  email?: string;
  password: string;
}

/** The shared schema's error keys in words an operator reads on a terminal or in a start-up log. */
const MESSAGES: Record<string, string> = {
  required: 'is required',
  tooLong: 'is too long',
  'code.invalid': 'must be 1–20 characters: letters A–Z, digits, _ or -',
  'email.invalid': 'is not an e-mail address',
  'password.tooShort': 'must be at least 10 characters',
  controlChars: 'must not contain control characters (line breaks, tabs, direction overrides)',
};

/**
 * Check a first admin with the same schema as an admin creating a user in the browser. The name
 * defaults to the code. Problems name the field, never its value (the password must not be echoed).
 */
export function parseNewAdmin(
  fields: NewAdminFields,
  labels: Record<'code' | 'name' | 'email' | 'password', string>,
): { admin: CreateUserInput } | { problems: string[] } {
  const input = {
    code: fields.code ?? '',
    name: fields.name ?? fields.code?.trim().toUpperCase() ?? '',
    email: fields.email ?? '',
    role: 'admin',
    password: fields.password,
  };
  const result = z.safeParse(createUserInputSchema, input);
  if (result.success) return { admin: result.data };
  return {
    problems: result.error.issues.map((issue) => {
      const field = String(issue.path[0]) as keyof typeof labels;
      return `${labels[field] ?? field} ${MESSAGES[issue.message] ?? 'is not valid'}`;
    }),
  };
}
