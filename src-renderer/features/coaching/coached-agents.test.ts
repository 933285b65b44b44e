import { describe, expect, it } from 'vitest';
import type { Role } from '../../../src-shared/protocol/auth';
import type { Agent } from '../../../src-shared/protocol/entities';
import { coachedAgents } from './coached-agents';

const person = (id: string, teamId: string | null, roles: Role[] = ['agent']): Agent =>
  ({ id, teamId, roles, displayName: id }) as Agent;

describe("a coach's team list (issue 11, finding 5)", () => {
  it('shows the agents of the scope to a coach who is not an agent (carl sees ana and ben)', () => {
    // What carl's console holds: his team's agents, and no agent row of his own.
    const scope = [person('usr_ana', 'team_support_en'), person('usr_ben', 'team_support_en')];
    expect(coachedAgents(scope, 'usr_carl').map((a) => a.id)).toEqual(['usr_ana', 'usr_ben']);
  });

  it('shows every coached team the server put in scope (carl coaches Support EN and Tier 2)', () => {
    const scope = [
      person('usr_ana', 'team_support_en'),
      person('usr_ben', 'team_support_en'),
      person('usr_tom', 'team_tier2'),
    ];
    expect(coachedAgents(scope, 'usr_carl').map((a) => a.id)).toEqual(['usr_ana', 'usr_ben', 'usr_tom']);
  });

  it('leaves out a coach who is also an agent', () => {
    const scope = [
      person('usr_lead', 'team_support_en', ['agent', 'coach']),
      person('usr_ana', 'team_support_en'),
    ];
    expect(coachedAgents(scope, 'usr_lead').map((a) => a.id)).toEqual(['usr_ana']);
  });

  it('leaves out people who are not agents', () => {
    const scope = [person('usr_ana', 'team_support_en'), person('usr_dana', 'team_support_en', ['coach'])];
    expect(coachedAgents(scope, 'usr_carl').map((a) => a.id)).toEqual(['usr_ana']);
  });
});
