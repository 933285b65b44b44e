import { describe, expect, it } from 'vitest';
import type { Agent } from '../../../../src-shared/protocol/entities';
import { agentToForm, checkAgentForm, sameRoutingProfile } from './agent-form';

const ana: Agent = {
  id: 'usr_ana',
  username: 'ana',
  displayName: 'Ana Torres',
  roles: ['agent'],
  teamId: 'team_support_en',
  tier: 1,
  disabled: false,
  version: 4,
  languages: ['en', 'es'],
  state: 'available',
  reasonCode: null,
  stateSince: '2026-03-02T09:00:00.000Z',
  routing: {
    skills: [
      { skillId: 'skill_lang_en', proficiency: 5 },
      { skillId: 'skill_prod_ledger_cloud', proficiency: 3 },
    ],
    capacity: { phone: 1, email: 5, web: 5, chat: 3, callback: 1 },
  },
  missedOffers: 0,
  idleSince: '2026-03-02T09:00:00.000Z',
};

describe('agent form ↔ command', () => {
  it('sends the profile with tidy language codes', () => {
    const form = agentToForm(ana);
    form.languages = [' EN', 'es', 'en'];
    form.routing.capacity.chat = 5;
    const check = checkAgentForm(ana.id, form);
    expect(check.ok && check.payload).toEqual({
      agentId: 'usr_ana',
      languages: ['en', 'es'],
      tier: 1,
      routing: { ...ana.routing, capacity: { ...ana.routing.capacity, chat: 5 } },
    });
  });

  it('refuses a capacity above the channel’s limit and a tier out of range', () => {
    const form = agentToForm(ana);
    form.routing.capacity.phone = 2;
    form.tier = 4;
    const check = checkAgentForm(ana.id, form);
    expect(check.ok ? null : check.problems).toEqual({
      'routing.capacity.phone': { key: 'atMost', values: { max: 1 } },
      tier: { key: 'atMost', values: { max: 3 } },
    });
  });

  it('shows a bad language on the languages input and a repeated skill on its row', () => {
    const form = agentToForm(ana);
    form.languages = ['en', 'x'];
    form.routing.skills.push({ skillId: 'skill_lang_en', proficiency: 1 });
    const check = checkAgentForm(ana.id, form);
    expect(check.ok ? null : check.problems).toEqual({
      languages: { key: 'required' },
      'routing.skills.2.skillId': { key: 'duplicateSkill' },
    });
  });
});

describe('whether a conflict is about routing', () => {
  it('ignores a state change (a new version with the same profile)', () => {
    const later = { ...ana, version: 9, state: 'busy' as const, languages: ['es', 'en'] };
    later.routing = { ...ana.routing, skills: [...ana.routing.skills].reverse() };
    expect(sameRoutingProfile(ana, later)).toBe(true);
  });

  it('sees another admin’s capacity or skill change', () => {
    const capacity = { ...ana, routing: { ...ana.routing, capacity: { ...ana.routing.capacity, email: 2 } } };
    const skills = {
      ...ana,
      routing: { ...ana.routing, skills: [{ skillId: 'skill_lang_en', proficiency: 4 }] },
    };
    expect(sameRoutingProfile(ana, capacity)).toBe(false);
    expect(sameRoutingProfile(ana, skills)).toBe(false);
    expect(sameRoutingProfile(ana, { ...ana, tier: 2 })).toBe(false);
  });
});
