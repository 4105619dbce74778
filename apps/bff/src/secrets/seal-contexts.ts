/**
 * What each sealed value is bound to: a value opens only under the context it was sealed with, so a
 * copied ciphertext is useless on another user's row. The writers and the rekey command use these.
 */
export const smtpPasswordContext = (userId: number) => `smtp-password:${userId}`;
export const m365CacheContext = (userId: number) => `m365-cache:${userId}`;
