import { describe, expect, it } from 'vitest';
import { AlertSettings, DEFAULT_ALERT_SETTINGS, ImpactPreview, ImpactQuery } from './supervision';

describe('ImpactQuery', () => {
  it('reads a jump, a reassignment to an agent or to a queue, empty parameters as absent', () => {
    expect(ImpactQuery.parse({ action: 'jump', agentId: '', queueId: '' })).toEqual({ action: 'jump' });
    expect(ImpactQuery.parse({ action: 'reassign', agentId: 'u_ben', queueId: '' })).toEqual({
      action: 'reassign',
      agentId: 'u_ben',
    });
    expect(ImpactQuery.parse({ action: 'reassign', queueId: 'q_sales' })).toMatchObject({
      queueId: 'q_sales',
    });
  });

  it('refuses a jump that names someone, and a reassignment naming both or neither, by field', () => {
    const paths = (input: unknown) => ImpactQuery.safeParse(input).error?.issues.map((i) => i.path.join('.'));
    expect(paths({ action: 'jump', agentId: 'u_ben' })).toEqual(['action']);
    expect(paths({ action: 'reassign' })).toEqual(['agentId']);
    expect(paths({ action: 'reassign', agentId: 'a', queueId: 'q' })).toEqual(['agentId']);
    expect(paths({ action: 'bump' })).toEqual(['action']);
  });
});

describe('AlertSettings and ImpactPreview', () => {
  it('accept the defaults and a preview, and name a bad share', () => {
    expect(AlertSettings.parse(DEFAULT_ALERT_SETTINGS)).toEqual(DEFAULT_ALERT_SETTINGS);
    const bad = AlertSettings.safeParse({ ...DEFAULT_ALERT_SETTINGS, slaAtRiskShare: 1.5 });
    expect(bad.error?.issues[0]?.path).toEqual(['slaAtRiskShare']);
    const summary = { considered: 0, slipped: 0, totalSlipS: 0, maxSlipS: 0, noLongerReached: 0 };
    const rest = { gained: 0, totalGainS: 0, newBreaches: 0, breachesAvoided: 0 };
    expect(
      ImpactPreview.safeParse({ affected: [], summary: { ...summary, ...rest }, subject: null }).success,
    ).toBe(true);
  });
});
