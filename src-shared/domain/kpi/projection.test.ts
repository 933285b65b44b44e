import { describe, expect, it } from 'vitest';
import type { CaseStatus, CaseSummary } from '../../protocol/entities';
import { EVENT_TYPES, type SyncEvent } from '../../protocol/sync';
import { sumCounts, type KpiRow } from './aggregate';
import { backlogAging } from './backlog';
import { KpiProjector } from './projection';
import { DEFAULT_BACKLOG_SETTINGS, DEFAULT_PROJECTION_SETTINGS } from './settings';
import { ContactScript, TEST_CONTEXT, contactChanged } from './testing/contact-script';

const DAY = 86_400_000;
const T0 = Date.parse('2025-03-10T09:00:00Z');

let caseVersion = 0;
function caseChanged(status: CaseStatus, at: number): SyncEvent {
  caseVersion += 1;
  const summary: CaseSummary = {
    id: 'k1',
    number: 1001,
    customerId: 'cus1',
    requesterName: 'Pat',
    requesterAddress: 'pat@example.com',
    subject: 'Router down',
    status,
    severity: 2,
    product: null,
    queueId: 'q1',
    createdAt: new Date(T0).toISOString(),
    updatedAt: new Date(at).toISOString(),
    version: caseVersion,
  };
  return {
    syncId: caseVersion,
    type: EVENT_TYPES.caseChanged,
    entityKind: 'case',
    entityId: 'k1',
    entityVersion: caseVersion,
    payload: summary,
    at: new Date(at).toISOString(),
  };
}

/** A call on case k1. */
const callOnCase = (id: string, at: number) =>
  new ContactScript({ id, channel: 'phone', queueId: 'q1', at, caseId: 'k1' });
const logOf = (script: ContactScript) => script.events.map((e) => contactChanged(e.contact, e.at));

function feed(projector: KpiProjector, events: SyncEvent[]): KpiRow[] {
  return events.flatMap((event) => projector.apply(event));
}

describe('KpiProjector', () => {
  it('counts an escalation of the case for the agent on its open contact', () => {
    const projector = new KpiProjector(TEST_CONTEXT, DEFAULT_PROJECTION_SETTINGS);
    const call = callOnCase('c1', T0)
      .offer('a1', T0 + 5_000)
      .accept(T0 + 10_000);
    feed(projector, [caseChanged('new', T0), ...logOf(call)]);
    const escalation = feed(projector, [
      caseChanged('escalated', T0 + 60_000),
      caseChanged('escalated', T0 + 61_000),
    ]);
    expect(escalation).toHaveLength(1);
    expect(escalation[0]).toMatchObject({
      key: { agentId: 'a1', teamId: 'team-a', queueId: 'q1' },
      counts: { escalated: 1 },
    });
  });

  it('first-contact resolution from the log: a resolution, then a repeat contact within the window', () => {
    const projector = new KpiProjector(TEST_CONTEXT, DEFAULT_PROJECTION_SETTINGS);
    const first = callOnCase('c1', T0)
      .offer('a1', T0 + 5_000)
      .accept(T0 + 10_000)
      .end(T0 + 300_000)
      .close(T0 + 360_000);
    const resolved = feed(projector, [
      caseChanged('open', T0),
      ...logOf(first),
      caseChanged('resolved', T0 + DAY),
    ]);
    expect(sumCounts(resolved.map((r) => r.counts))).toMatchObject({ resolved: 1, resolvedWithRepeat: 0 });
    const resolution = resolved.find((r) => r.counts.resolved === 1);
    expect(resolution?.key).toMatchObject({
      queueId: 'q1',
      channel: 'phone',
      agentId: 'a1',
      teamId: 'team-a',
    });

    const again = feed(projector, logOf(callOnCase('c2', T0 + 3 * DAY)));
    const counted = again.find((r) => r.counts.resolvedWithRepeat === 1);
    // Added to the resolution's interval, a day before the repeat.
    expect(counted?.key.interval).toBe(T0 + DAY);
  });

  it('keeps each case’s backlog clock, pending-customer time apart', () => {
    const projector = new KpiProjector(TEST_CONTEXT, DEFAULT_PROJECTION_SETTINGS);
    feed(projector, [
      caseChanged('new', T0),
      caseChanged('pending_customer', T0 + 2 * DAY),
      caseChanged('open', T0 + 6 * DAY),
    ]);
    const aging = backlogAging(projector.caseClocks.values(), T0 + 10 * DAY, DEFAULT_BACKLOG_SETTINGS);
    expect(aging).toMatchObject({ n: 1, oldestDays: 6 });
  });
});
