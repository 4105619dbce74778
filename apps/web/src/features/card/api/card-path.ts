/** The card API of the signed-in user, or of another user's card for admins. */
export const cardPath = (userCode?: string) => (userCode ? `/admin/users/${encodeURIComponent(userCode)}/card` : '/card');
