/** English strings of the admin's escalation rules editor. */
export const enEscalation = {
  escalation: {
    tab: 'Escalation',
    intro:
      'Rules on unresolved cases, evaluated in order. Each step fires once per case, counted from when the case was opened (first step) or from the step before.',
    ruleName: 'Rule name',
    enabled: 'Enabled',
    stepHours: 'Hours before step "{{key}}" of {{rule}}',
    actions: 'Does: {{actions}}',
    none: 'No escalation rules yet.',
    classic: 'Use the classic chain',
    save: 'Save escalation rules',
    saved: 'Saved (version {{version}}). Unresolved cases are evaluated again now.',
    failed: 'Not saved: {{reason}}',
    loadFailed: 'The rules could not be loaded: {{reason}}',
    action: {
      set_status: 'set Escalated',
      escalate: 'escalate to {{to}}',
      raise_priority: 'raise priority to {{to}}',
      notify: 'notify {{who}} by {{how}}',
    },
  },
};
