/** English strings of the keyboard shortcuts help and the command palette. */
export const enKeyboard = {
  keyboard: {
    help: 'Keyboard shortcuts',
    openHelp: 'Keyboard shortcuts',
    keys: 'Keys',
    action: 'Action',
    groups: {
      general: 'Anywhere',
      work: 'Offers and wrap-up',
      state: 'Your state',
      case: 'The open case',
    },
    actions: {
      palette: 'Open the command palette (actions, customers, cases)',
      help: 'Show this list',
      accept: 'Accept the first offer',
      decline: 'Decline the first offer',
      completeWrapUp: 'Complete the first wrap-up',
      available: 'Go Available',
      awayBreak: 'Go Away – Break',
      awayLunch: 'Go Away – Lunch',
      offline: 'Go Offline',
      focusNote: 'Write a note on the open case',
      saveNote: 'Save the note (in the note box)',
      reply: 'Write a reply (email or chat)',
    },
  },
  palette: {
    search: 'Search actions, customers and cases',
    nothingFound: 'Nothing found',
    groupActions: 'Actions',
    groupCustomers: 'Customers',
    groupCases: 'Cases',
    goTo: 'Go to {{screen}}',
    caseLabel: 'Case #{{number}}: {{subject}}',
    stateFailed: 'The state did not change: {{reason}}',
  },
};
