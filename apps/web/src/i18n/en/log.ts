import type { Messages } from '../messages';

export const log: Messages['log'] = {
  filters: 'Filters',
  user: 'User code',
  userHint: 'E.g. MARI; empty = everyone',
  all: 'All',
  from: 'From (day)',
  to: 'To (day, inclusive)',
  clear: 'Clear filters',
  refresh: 'Refresh',
  more: 'Show older',
  shown: '{{count}} entries shown.',
  end: 'No older entries.',
  emptyFiltered: 'No entries match the filters.',
};
