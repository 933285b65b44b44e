import { describe, expect, it } from 'vitest';
import { supervisesTeam, teamOfAlert } from './team-scope';

const queues = [
  { id: 'q-billing', teamId: 't-1' },
  { id: 'q-tech', teamId: 't-2' },
];
const agents = [
  { id: 'ana', teamId: 't-1' },
  { id: 'ben', teamId: 't-2' },
  { id: 'nobody', teamId: null },
];

describe('who may act on an alert', () => {
  const sofia = { roles: ['supervisor'] as const, teamId: 't-1' };

  it('lets a supervisor act on alerts of their own team, by queue or by agent', () => {
    expect(supervisesTeam(sofia, teamOfAlert({ queueId: 'q-billing', agentId: null }, queues, agents))).toBe(
      true,
    );
    expect(supervisesTeam(sofia, teamOfAlert({ queueId: null, agentId: 'ana' }, queues, agents))).toBe(true);
  });

  it('refuses a supervisor of another team', () => {
    expect(supervisesTeam(sofia, teamOfAlert({ queueId: 'q-tech', agentId: null }, queues, agents))).toBe(
      false,
    );
    expect(supervisesTeam(sofia, teamOfAlert({ queueId: null, agentId: 'ben' }, queues, agents))).toBe(false);
  });

  it('refuses when the alert has no team or the supervisor has none', () => {
    expect(supervisesTeam(sofia, teamOfAlert({ queueId: null, agentId: 'nobody' }, queues, agents))).toBe(
      false,
    );
    expect(supervisesTeam(sofia, teamOfAlert({ queueId: 'q-gone', agentId: null }, queues, agents))).toBe(
      false,
    );
    expect(supervisesTeam({ roles: ['supervisor'], teamId: null }, 't-1')).toBe(false);
  });

  it('lets an admin act anywhere and refuses agents and coaches of the same team', () => {
    expect(supervisesTeam({ roles: ['admin'], teamId: null }, 't-2')).toBe(true);
    expect(supervisesTeam({ roles: ['agent'], teamId: 't-1' }, 't-1')).toBe(false);
    expect(supervisesTeam({ roles: ['coach'], teamId: 't-1' }, 't-1')).toBe(false);
  });
});
