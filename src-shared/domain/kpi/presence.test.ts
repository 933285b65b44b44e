import { describe, expect, it } from 'vitest';
import type { Agent, AgentState } from '../../protocol/entities';
import { mergeDeltas, sumCounts } from './aggregate';
import { observeAgent, openSpan, presenceDeltas, type AgentPresence, type PresenceSpan } from './presence';

const at = (clock: string): number => Date.parse(`2025-03-10T${clock}Z`);

let version = 0;
function agent(state: AgentState, since: string, teamId = 'team-a', reasonCode: string | null = null): Agent {
  version += 1;
  return {
    id: 'a1',
    username: 'ana',
    displayName: 'Ana',
    roles: ['agent'],
    teamId,
    tier: 1,
    disabled: false,
    version,
    languages: ['en'],
    state,
    reasonCode,
    stateSince: new Date(at(since)).toISOString(),
    routing: { skills: [], capacity: { phone: 1, email: 5, web: 5, chat: 3, callback: 1 } },
    missedOffers: 0,
    idleSince: new Date(at(since)).toISOString(),
  };
}

/** Folds agent events, collecting the spans they close. */
function spansOf(events: Agent[]): { presence: AgentPresence | null; spans: PresenceSpan[] } {
  let presence: AgentPresence | null = null;
  const spans: PresenceSpan[] = [];
  for (const event of events) {
    const result = observeAgent(presence, event, Date.parse(event.stateSince));
    presence = result.presence;
    if (result.closed) spans.push(result.closed);
  }
  return { presence, spans };
}

describe('agent presence', () => {
  it('splits time in a state across the 15-minute intervals it was spent in', () => {
    const rows = mergeDeltas(
      presenceDeltas({ agentId: 'a1', teamId: 't', state: 'busy', from: at('10:07:00'), to: at('10:40:00') }),
    );
    expect([...rows.values()].map((r) => [r.key.interval, r.counts.busyMs, r.counts.signedInMs])).toEqual([
      [at('10:00:00'), 8 * 60_000, 8 * 60_000],
      [at('10:15:00'), 15 * 60_000, 15 * 60_000],
      [at('10:30:00'), 10 * 60_000, 10 * 60_000],
    ]);
  });

  it('counts nothing for Offline', () => {
    expect(
      presenceDeltas({
        agentId: 'a1',
        teamId: 't',
        state: 'offline',
        from: at('09:00:00'),
        to: at('10:00:00'),
      }),
    ).toEqual([]);
  });

  it('closes a span when the state changes, not when only the reason or the missed-offer count does', () => {
    const { spans, presence } = spansOf([
      agent('available', '09:00:00'),
      agent('busy', '09:10:00'),
      agent('wrap_up', '09:20:00'),
      agent('away', '09:25:00', 'team-a', 'lunch'),
      agent('away', '09:25:00', 'team-a', 'lunch'),
      agent('away', '09:55:00', 'team-a', 'training'),
      agent('available', '10:25:00', 'team-b'),
    ]);
    expect(spans.map((s) => [s.state, (s.to - s.from) / 60_000])).toEqual([
      ['available', 10],
      ['busy', 10],
      ['wrap_up', 5],
      ['away', 60],
    ]);
    // Time after the move to team B counts for team B.
    expect(presence?.teamId).toBe('team-b');
    const total = sumCounts(spans.flatMap(presenceDeltas).map((d) => d.counts));
    expect(total).toMatchObject({
      signedInMs: 85 * 60_000,
      availableMs: 10 * 60_000,
      busyMs: 10 * 60_000,
      wrapUpStateMs: 5 * 60_000,
      awayMs: 60 * 60_000,
    });
  });

  it('ignores repeated and older events', () => {
    const first = agent('available', '09:00:00');
    const second = agent('busy', '09:10:00');
    const { presence } = spansOf([first, second]);
    expect(observeAgent(presence, first, at('09:00:00'))).toEqual({ presence, closed: null });
    expect(observeAgent(presence, second, at('09:10:00'))).toEqual({ presence, closed: null });
  });

  it('gives a live view the state still running, up to now', () => {
    const { presence } = spansOf([agent('available', '09:00:00')]);
    if (!presence) throw new Error('no presence');
    expect(openSpan(presence, at('09:45:00'))).toMatchObject({
      state: 'available',
      from: at('09:00:00'),
      to: at('09:45:00'),
    });
  });
});
