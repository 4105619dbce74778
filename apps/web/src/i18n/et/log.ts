/** What the send log and the audit log share: their filters and paging. */
export const log = {
  filters: 'Filtrid',
  user: 'Kasutaja kood',
  userHint: 'Nt MARI; tühi = kõik',
  all: 'Kõik',
  from: 'Alates (päev)',
  to: 'Kuni (päev, k.a)',
  clear: 'Tühjenda filtrid',
  refresh: 'Värskenda',
  more: 'Näita vanemaid',
  shown: 'Näidatud {{count}} kirjet.',
  end: 'Vanemaid kirjeid pole.',
  emptyFiltered: 'Filtritele vastavaid kirjeid pole.',
};
