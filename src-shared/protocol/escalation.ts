import { z } from 'zod';
import { Level } from './contacts';
import { CaseStatus, CustomerTier } from './entities';

/**
 * Automatic case escalation rules (PRODUCT.md §3): admins edit them; the rules engine in
 * src-shared/domain/supervision/escalation.ts decides which step fires when
 * (docs/SUPERVISION.md).
 */

/** Where a case stands against its service-level clock (the server judges it). */
export const CASE_SLA_STATES = ['none', 'within', 'at_risk', 'breached'] as const;
export const CaseSlaState = z.enum(CASE_SLA_STATES);
export type CaseSlaState = z.infer<typeof CaseSlaState>;

/** The customer's maintenance contract: `none` when the case has no customer yet. */
export const CONTRACT_STATES = ['active', 'expired', 'none'] as const;
export const ContractState = z.enum(CONTRACT_STATES);
export type ContractState = z.infer<typeof ContractState>;

/** Who a case is escalated to: tier 2, the product specialist of its product, development (tier 3). */
export const ESCALATION_TARGETS = ['tier2', 'product_specialist', 'development'] as const;
export const EscalationTarget = z.enum(ESCALATION_TARGETS);
export type EscalationTarget = z.infer<typeof EscalationTarget>;

/** People a rule notifies by their part in the case (the server finds who they are). */
export const NOTIFY_ROLES = [
  'escalation_engineer',
  'manager',
  'development',
  'product_specialist',
  'case_owner',
] as const;
export const NotifyRole = z.enum(NOTIFY_ROLES);
export type NotifyRole = z.infer<typeof NotifyRole>;

export const NOTIFY_CHANNELS = ['console', 'email'] as const;
export const NotifyChannel = z.enum(NOTIFY_CHANNELS);
export type NotifyChannel = z.infer<typeof NotifyChannel>;

/** Case statuses a rule may apply to: a resolved or closed case is never escalated. */
export const UnresolvedStatus = CaseStatus.exclude(['resolved', 'closed']);
export type UnresolvedStatus = z.infer<typeof UnresolvedStatus>;

const anyOf = <T extends z.ZodType>(item: T) => z.array(item).min(1).max(10).optional();

/** Every condition given must hold (a list: one of its values); none given: every unresolved case. */
export const EscalationConditions = z.object({
  priorities: anyOf(Level),
  /** 1 critical … 4 low. */
  severities: anyOf(z.number().int().min(1).max(4)),
  customerTiers: anyOf(z.union([CustomerTier, z.literal('none')])),
  slaStates: anyOf(CaseSlaState),
  contracts: anyOf(ContractState),
  statuses: anyOf(UnresolvedStatus),
});
export type EscalationConditions = z.infer<typeof EscalationConditions>;

export const EscalationAction = z.discriminatedUnion('type', [
  z.object({ type: z.literal('set_status'), status: z.literal('escalated') }),
  z.object({ type: z.literal('escalate'), to: EscalationTarget }),
  /** Raise the case's priority to at least this level (never lowers it). */
  z.object({ type: z.literal('raise_priority'), to: Level }),
  z
    .object({
      type: z.literal('notify'),
      roles: z.array(NotifyRole).max(NOTIFY_ROLES.length),
      userIds: z.array(z.string().min(1).max(64)).max(20),
      channels: z.array(NotifyChannel).min(1).max(NOTIFY_CHANNELS.length),
    })
    .refine((a) => a.roles.length + a.userIds.length > 0, {
      message: 'notify someone: a role or a person',
      path: ['roles'],
    }),
]);
export type EscalationAction = z.infer<typeof EscalationAction>;

/**
 * One step of a rule. The first step is due `afterSeconds` after the case's unresolved clock
 * started; each later one `afterSeconds` after the step before it fired. `key` stays the same
 * when the rule is edited, so a step that fired is known to have fired.
 */
export const EscalationStep = z.object({
  key: z
    .string()
    .max(40)
    .regex(/^[a-z0-9][a-z0-9_-]*$/, 'lowercase letters, digits, - and _'),
  afterSeconds: z
    .number()
    .int()
    .min(0)
    .max(365 * 24 * 3600),
  actions: z.array(EscalationAction).min(1).max(10),
});
export type EscalationStep = z.infer<typeof EscalationStep>;

export const EscalationRule = z
  .object({
    id: z
      .string()
      .max(64)
      .regex(/^[a-z0-9][a-z0-9_-]*$/, 'lowercase letters, digits, - and _'),
    name: z.string().trim().min(1).max(100),
    enabled: z.boolean(),
    conditions: EscalationConditions,
    steps: z.array(EscalationStep).min(1).max(5),
  })
  .refine((rule) => new Set(rule.steps.map((s) => s.key)).size === rule.steps.length, {
    message: 'each step of a rule needs its own key',
    path: ['steps'],
  });
export type EscalationRule = z.infer<typeof EscalationRule>;

/** The rules as admins save them, in the order they are evaluated. */
export const EscalationRules = z
  .array(EscalationRule)
  .max(50)
  .refine((rules) => new Set(rules.map((r) => r.id)).size === rules.length, {
    message: 'each rule needs its own id',
  });
export type EscalationRules = z.infer<typeof EscalationRules>;
