import { CHANNELS } from '../../../../src-shared/protocol/channels';
import { SaveAgentRoutingPayload } from '../../../../src-shared/protocol/commands';
import type { Agent } from '../../../../src-shared/protocol/entities';
import type { AgentRouting } from '../../../../src-shared/protocol/routing-config';
import { duplicateSkillProblems, problemsOf, type FieldProblems } from './field-errors';

/** The agent editor's values: the command's shape without the agent id. */
export type AgentForm = {
  languages: string[];
  tier: number;
  routing: AgentRouting;
};

export type AgentFormCheck =
  { ok: true; payload: SaveAgentRoutingPayload } | { ok: false; problems: FieldProblems };

export function agentToForm(agent: Agent): AgentForm {
  return {
    languages: [...agent.languages],
    tier: agent.tier,
    routing: { skills: agent.routing.skills.map((s) => ({ ...s })), capacity: { ...agent.routing.capacity } },
  };
}

/** Checks the form with the command's own schema (the one the server parses with). */
export function checkAgentForm(agentId: string, form: AgentForm): AgentFormCheck {
  const payload = {
    agentId,
    ...form,
    languages: [...new Set(form.languages.map((l) => l.trim().toLowerCase()).filter(Boolean))],
  };
  const parsed = SaveAgentRoutingPayload.safeParse(payload);
  const problems: FieldProblems = {
    ...(parsed.success ? {} : problemsOf(parsed.error.issues)),
    ...duplicateSkillProblems(
      form.routing.skills.map((s) => s.skillId),
      'routing.skills',
    ),
  };
  for (const [path, problem] of Object.entries(problems)) {
    // The languages are one tags input: a problem with one language shows on the list.
    if (path.startsWith('languages.')) {
      problems.languages ??= problem;
      delete problems[path];
    }
  }
  if (parsed.success && Object.keys(problems).length === 0) return { ok: true, payload: parsed.data };
  return { ok: false, problems };
}

/**
 * Whether two versions of an agent route alike. An agent's version moves with every state change
 * too, so a conflict on save is only a real one when the routing profile itself changed.
 */
export function sameRoutingProfile(a: Agent, b: Agent): boolean {
  const skills = (agent: Agent) =>
    JSON.stringify([...agent.routing.skills].sort((x, y) => x.skillId.localeCompare(y.skillId)));
  return (
    a.tier === b.tier &&
    JSON.stringify([...a.languages].sort()) === JSON.stringify([...b.languages].sort()) &&
    skills(a) === skills(b) &&
    CHANNELS.every((c) => a.routing.capacity[c] === b.routing.capacity[c])
  );
}
