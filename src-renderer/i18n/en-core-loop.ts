/** English strings of the core loop's explanations and intake rules (issue 11). */
export const enCoreLoop = {
  intakeWhy: {
    label: 'Why this queue',
    inQueue: 'In {{queue}}: {{reasons}}',
  },
  waitingWhy: {
    nextFree: '{{reason}}, next free in {{seconds}} s',
    nextFreeNow: '{{reason}}, one is about to be free',
  },
  intakeRules: {
    legend: 'Intake rules',
    hint: 'Which new contacts enter this queue. Among several queues that match, the one in the customer’s language and tier wins.',
    addresses: 'Email addresses',
    addressesHint: 'Mail sent to these addresses enters here; @example.com takes a whole domain.',
    addAddress: 'Add an address and press Enter',
    numbers: 'Dialled numbers (DNIS)',
    numbersHint: 'Calls to these numbers enter here.',
    addNumber: 'Add a number and press Enter',
    sources: 'Web forms and chat widgets',
    sourcesHint: 'Forms and widgets whose contacts enter here (their id, e.g. web-form or chat-widget).',
    addSource: 'Add a form or widget and press Enter',
    defaultFor: 'Default queue for',
    defaultForHint: 'Contacts of these channels that no rule of any queue matched enter here.',
    languageTier: 'Serves customers speaking {{language}}, tier {{tier}} and up.',
  },
};
