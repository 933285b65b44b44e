import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LEVELS } from '../../protocol/contacts';
import { CASE_STATUSES, CUSTOMER_TIERS } from '../../protocol/entities';
import {
  CASE_SLA_STATES,
  CONTRACT_STATES,
  EscalationRules,
  type EscalationAction,
  type EscalationRule,
  type EscalationStep,
} from '../../protocol/escalation';
import { DEFAULT_ESCALATION_RULES } from './escalation-defaults';
import { effectsOf } from './escalation-effects';
import { evaluateEscalation, type EscalationCase } from './escalation';

const NOW = Date.UTC(2025, 5, 2, 12, 0, 0);
const HOUR = 3600 * 1000;

function makeCase(overrides: Partial<EscalationCase> = {}): EscalationCase {
  return {
    id: 'case1',
    status: 'open',
    severity: 3,
    priority: 'medium',
    customerTier: 'gold',
    contract: 'active',
    slaState: 'within',
    unresolvedSince: NOW - HOUR,
    fired: [],
    ...overrides,
  };
}

const notifyManager: EscalationAction = {
  type: 'notify',
  roles: ['manager'],
  userIds: [],
  channels: ['console'],
};
const step = (key: string, hours: number): EscalationStep => ({
  key,
  afterSeconds: hours * 3600,
  actions: [notifyManager],
});
function rule(overrides: Partial<EscalationRule> = {}): EscalationRule {
  return { id: 'r1', name: 'Rule', enabled: true, conditions: {}, steps: [step('first', 1)], ...overrides };
}

describe('evaluateEscalation', () => {
  it('fires the default chain: escalated and told after 8 h unresolved, development 16 h after that', () => {
    const opened = makeCase({ unresolvedSince: NOW - 9 * HOUR });
    const first = evaluateEscalation(opened, DEFAULT_ESCALATION_RULES, NOW);
    expect(first.due.map((d) => [d.key, d.dueAt])).toEqual([['unresolved:escalate', NOW - HOUR]]);
    expect(effectsOf(opened, first.due)).toEqual({
      status: 'escalated',
      escalateTo: null,
      priority: null,
      notify: [
        { target: { kind: 'role', role: 'escalation_engineer' }, channels: ['console', 'email'] },
        { target: { kind: 'role', role: 'manager' }, channels: ['console', 'email'] },
      ],
    });
    const escalated = {
      ...opened,
      status: 'escalated' as const,
      fired: [{ key: 'unresolved:escalate', at: NOW }],
    };
    expect(evaluateEscalation(escalated, DEFAULT_ESCALATION_RULES, NOW)).toEqual({
      due: [],
      nextDueAt: NOW + 16 * HOUR,
    });
    const later = evaluateEscalation(escalated, DEFAULT_ESCALATION_RULES, NOW + 16 * HOUR);
    expect(later.due.map((d) => d.key)).toEqual(['unresolved:development']);
    expect(effectsOf(escalated, later.due)).toMatchObject({ status: null, escalateTo: 'development' });
  });

  it('says when the first step is due, and leaves resolved, closed and pending-customer cases alone', () => {
    expect(evaluateEscalation(makeCase(), DEFAULT_ESCALATION_RULES, NOW)).toEqual({
      due: [],
      nextDueAt: NOW + 7 * HOUR,
    });
    for (const status of ['resolved', 'closed', 'pending_customer'] as const) {
      const old = makeCase({ status, unresolvedSince: NOW - 100 * HOUR });
      expect(evaluateEscalation(old, DEFAULT_ESCALATION_RULES, NOW)).toEqual({ due: [], nextDueAt: null });
    }
  });

  it('applies a rule only where every condition it gives holds, and never a disabled one', () => {
    const old = makeCase({ unresolvedSince: NOW - 2 * HOUR });
    const fires = (conditions: EscalationRule['conditions'], c = old) =>
      evaluateEscalation(c, [rule({ conditions })], NOW).due.length === 1;
    expect(fires({ severities: [1, 2] })).toBe(false);
    expect(fires({ severities: [1, 2] }, { ...old, severity: 2 })).toBe(true);
    expect(fires({ priorities: ['critical'] })).toBe(false);
    expect(fires({ customerTiers: ['platinum', 'gold'] })).toBe(true);
    expect(fires({ customerTiers: ['none'] }, { ...old, customerTier: null })).toBe(true);
    expect(fires({ slaStates: ['breached'] })).toBe(false);
    expect(fires({ contracts: ['expired'] }, { ...old, contract: 'expired' })).toBe(true);
    expect(fires({ statuses: ['new'] })).toBe(false);
    expect(evaluateEscalation(old, [rule({ enabled: false })], NOW).due).toEqual([]);
  });

  it('counts later steps from when the step before fired, not from when the case opened', () => {
    const chain = rule({ steps: [step('a', 1), step('b', 2), step('c', 0)] });
    const c = makeCase({ unresolvedSince: NOW - 10 * HOUR, fired: [{ key: 'r1:a', at: NOW - HOUR }] });
    expect(evaluateEscalation(c, [chain], NOW)).toEqual({ due: [], nextDueAt: NOW + HOUR });
    const afterB = { ...c, fired: [...c.fired, { key: 'r1:b', at: NOW }] };
    expect(evaluateEscalation(afterB, [chain], NOW).due.map((d) => d.key)).toEqual(['r1:c']);
  });

  it('fires at most one step per rule at a time, rules in their order', () => {
    const rules = [rule({ id: 'x', steps: [step('a', 0), step('b', 0)] }), rule({ id: 'y' })];
    const c = makeCase({ unresolvedSince: NOW - 5 * HOUR });
    expect(evaluateEscalation(c, rules, NOW).due.map((d) => d.key)).toEqual(['x:a', 'y:first']);
  });
});

describe('effectsOf', () => {
  it('raises priority, never lowers it; escalates to the furthest target; notifies each once', () => {
    const due = (actions: EscalationStep['actions']) => [
      { key: 'k', ruleId: 'r', ruleName: 'R', actions, dueAt: NOW },
    ];
    const c = makeCase({ priority: 'high' });
    expect(effectsOf(c, due([{ type: 'raise_priority', to: 'medium' }])).priority).toBeNull();
    expect(effectsOf(c, due([{ type: 'raise_priority', to: 'critical' }])).priority).toBe('critical');
    const escalations = due([
      { type: 'escalate', to: 'development' },
      { type: 'escalate', to: 'tier2' },
      { type: 'notify', roles: ['manager'], userIds: ['u7'], channels: ['console'] },
      { type: 'notify', roles: ['manager'], userIds: [], channels: ['email'] },
    ]);
    expect(effectsOf(c, escalations)).toMatchObject({
      escalateTo: 'development',
      notify: [
        { target: { kind: 'role', role: 'manager' }, channels: ['console', 'email'] },
        { target: { kind: 'user', userId: 'u7' }, channels: ['console'] },
      ],
    });
    expect(
      effectsOf({ ...c, status: 'escalated' }, due([{ type: 'set_status', status: 'escalated' }])).status,
    ).toBeNull();
  });
});

describe('escalation rule schema', () => {
  it('accepts the default chain and names the field of a bad rule', () => {
    expect(EscalationRules.safeParse(DEFAULT_ESCALATION_RULES).success).toBe(true);
    const twice = EscalationRules.safeParse([rule({ steps: [step('a', 1), step('a', 2)] })]);
    expect(twice.error?.issues[0]).toMatchObject({
      path: [0, 'steps'],
      message: 'each step of a rule needs its own key',
    });
    const nobody = EscalationRules.safeParse([
      rule({
        steps: [
          {
            key: 'a',
            afterSeconds: 0,
            actions: [{ type: 'notify', roles: [], userIds: [], channels: ['console'] }],
          },
        ],
      }),
    ]);
    expect(nobody.error?.issues[0]?.path).toEqual([0, 'steps', 0, 'actions', 0, 'roles']);
    const resolved = EscalationRules.safeParse([{ ...rule(), conditions: { statuses: ['resolved'] } }]);
    expect(resolved.error?.issues[0]?.path).toEqual([0, 'conditions', 'statuses', 0]);
  });
});

const arbCase = fc.record({
  status: fc.constantFrom(...CASE_STATUSES),
  severity: fc.integer({ min: 1, max: 4 }),
  priority: fc.constantFrom(...LEVELS),
  customerTier: fc.option(fc.constantFrom(...CUSTOMER_TIERS)),
  contract: fc.constantFrom(...CONTRACT_STATES),
  slaState: fc.constantFrom(...CASE_SLA_STATES),
});
const arbRules = fc.array(
  fc.record({
    enabled: fc.boolean(),
    severities: fc.option(fc.subarray([1, 2, 3, 4], { minLength: 1 })),
    steps: fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 1, maxLength: 4 }),
  }),
  { minLength: 1, maxLength: 3 },
);

describe('evaluateEscalation (properties)', () => {
  it('fires each step once, in order, never before it is due, whenever it is evaluated', () => {
    fc.assert(
      fc.property(
        arbCase,
        arbRules,
        fc.array(fc.integer({ min: 1, max: 6 * HOUR }), { minLength: 1, maxLength: 12 }),
        (facts, ruleProfiles, gaps) => {
          const rules = ruleProfiles.map((p, n) =>
            rule({
              id: `r${n}`,
              enabled: p.enabled,
              conditions: p.severities ? { severities: p.severities } : {},
              steps: p.steps.map((hours, k) => step(`s${k}`, hours)),
            }),
          );
          let c = makeCase({ ...facts, unresolvedSince: NOW, fired: [] });
          let at = NOW;
          for (const gap of gaps) {
            at += gap;
            const { due, nextDueAt } = evaluateEscalation(c, rules, at);
            for (const d of due) {
              expect(d.dueAt).toBeLessThanOrEqual(at);
              expect(c.fired.map((f) => f.key)).not.toContain(d.key);
              const [ruleId, key] = d.key.split(':');
              const steps = rules.find((r) => r.id === ruleId)!.steps.map((s) => s.key);
              const before = steps.slice(0, steps.indexOf(key!)).map((s) => `${ruleId}:${s}`);
              expect(before.every((b) => c.fired.some((f) => f.key === b))).toBe(true);
            }
            if (nextDueAt !== null) expect(nextDueAt).toBeGreaterThan(at);
            c = { ...c, fired: [...c.fired, ...due.map((d) => ({ key: d.key, at }))] };
          }
          const keys = c.fired.map((f) => f.key);
          expect(new Set(keys).size).toBe(keys.length);
        },
      ),
    );
  });
});
