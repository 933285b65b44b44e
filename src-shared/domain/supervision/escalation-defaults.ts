import type { EscalationRule } from '../../protocol/escalation';

const HOUR = 3600;

/**
 * The classic chain the demo starts with (PRODUCT.md §3): a case unresolved for 8 hours is set
 * Escalated and the escalation engineer and the manager are told (console and email); 16 hours
 * after that, still unresolved, it goes to development, and development and the managers are told.
 * Pending-customer cases wait for the customer and are left alone.
 */
export const DEFAULT_ESCALATION_RULES: EscalationRule[] = [
  {
    id: 'unresolved',
    name: 'Unresolved too long',
    enabled: true,
    conditions: { statuses: ['new', 'open', 'escalated'] },
    steps: [
      {
        key: 'escalate',
        afterSeconds: 8 * HOUR,
        actions: [
          { type: 'set_status', status: 'escalated' },
          {
            type: 'notify',
            roles: ['escalation_engineer', 'manager'],
            userIds: [],
            channels: ['console', 'email'],
          },
        ],
      },
      {
        key: 'development',
        afterSeconds: 16 * HOUR,
        actions: [
          { type: 'escalate', to: 'development' },
          { type: 'notify', roles: ['development', 'manager'], userIds: [], channels: ['console', 'email'] },
        ],
      },
    ],
  },
];
