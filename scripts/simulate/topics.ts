/** What simulated customers write and say about. */
export const TOPICS = [
  ['Invoice export fails', 'The CSV export of last month’s invoices stops at 99%.'],
  ['Cannot sign in', 'Since this morning the login page says my password is wrong, but I reset it.'],
  ['Sync is slow', 'Changes take minutes to show up on the other devices.'],
  ['Printer offline', 'The label printer shows offline although it is connected.'],
  ['Renewal question', 'Our maintenance contract ends soon; how do we renew?'],
  ['Data missing after update', 'After updating to the new version some customer records are gone.'],
  ['API returns 500', 'Our integration gets HTTP 500 on every POST since yesterday.'],
  ['Need a training session', 'Could someone walk our new team through the reports?'],
] as const;
