const ESTONIAN_FOLDS: Record<string, string> = { õ: 'o', ä: 'a', ö: 'o', ü: 'u', š: 's', ž: 'z' };

/**
 * The local part of the company's event mailbox (SPEC §4): lower-cased, Estonian letters folded,
 * anything else outside [a-z0-9] removed. "Õunapuu & Põder OÜ" → "ounapuupoderou".
 */
export function companySlug(companyName: string): string {
  return companyName
    .toLowerCase()
    .replace(/[õäöüšž]/g, (letter) => ESTONIAN_FOLDS[letter] ?? '')
    .replace(/[^a-z0-9]/g, '');
}
