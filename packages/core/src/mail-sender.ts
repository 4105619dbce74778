// No schemas here: the card's first screen imports these without loading zod (see mail-settings.ts).

/** The "Mail sender" choices of the user card (SPEC §1). */
export const senderModes = ['default', 'smtp', 'm365', 'replyTo'] as const;
export type SenderMode = (typeof senderModes)[number];

/** SSL/TLS choices: plain text, implicit TLS, STARTTLS (then TLS is required). */
export const tlsModes = ['none', 'ssl', 'starttls'] as const;
export type TlsMode = (typeof tlsModes)[number];

/** The ports open in the vendor's firewall, unless a deployment lists others. */
export const DEFAULT_OPEN_PORTS: readonly number[] = [25, 465, 587];
