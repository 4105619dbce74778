import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { companySlug } from '../src/company-slug';

describe('companySlug', () => {
  it.each([
    { name: 'Õunapuu & Põder OÜ', slug: 'ounapuupoderou' },
    { name: 'Žürii Šokolaad AS', slug: 'zuriisokolaadas' },
    { name: 'ACME 24/7 OÜ', slug: 'acme247ou' },
    { name: 'Äri-Ühing', slug: 'ariuhing' },
    { name: 'õäöüšž ÕÄÖÜŠŽ', slug: 'oaouszoaousz' },
    { name: '', slug: '' },
    { name: 'firma', slug: 'firma' },
    { name: 'firma24', slug: 'firma24' },
    { name: 'Café Noël', slug: 'cafnol' },
    { name: '  Tab\tand\nnew line  ', slug: 'tabandnewline' },
  ])('when the company is "$name", then the slug is "$slug"', ({ name, slug }) => {
    expect(companySlug(name)).toBe(slug);
  });

  it('when any name is slugged, then the slug holds only [a-z0-9] and slugging it again changes nothing', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (name) => {
        const slug = companySlug(name);
        expect(slug).toMatch(/^[a-z0-9]*$/);
        expect(companySlug(slug)).toBe(slug);
      }),
    );
  });
});
