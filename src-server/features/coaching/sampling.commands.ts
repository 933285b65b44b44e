import { randomInt } from 'node:crypto';
import { AppError } from '../../platform/errors';
import type { COACHING_COMMAND_TYPES as T } from '../../../src-shared/protocol/coaching-commands';
import { COACHING_EVENT_TYPES as E } from '../../../src-shared/protocol/coaching-commands';
import type {
  SamplingDraw,
  SamplingPlan,
  SamplingPlanBody,
} from '../../../src-shared/protocol/coaching-sampling';
import { drawSample, periodToSample } from '../../../src-shared/domain/coaching/sampling';
import { isValidTimeZone } from '../../../src-shared/domain/kpi/zoned-time';
import type { Actor } from '../auth/actor';
import type { Tx } from '../../db/database';
import { checkVersion, type CommandDefinition } from '../sync/command-bus';
import { COACHING_ROLES, anyone } from '../access/command-scopes';
import type { NewEvent } from '../sync/event-log';
import { coachTeamIds } from './coaching-scope';
import { findTemplate } from './scorecards.repository';
import {
  agentsOfTeams,
  candidatesOf,
  drawOf,
  drawOfPeriod,
  drawnContactIds,
  evaluatedContactIds,
  findDraw,
  insertDraw,
  insertPlan,
  lockPlan,
  planOf,
  updatePlan,
} from './sampling.repository';

/**
 * Sampling plans (N contacts per agent per period, by channel, queue and team) and their draws.
 * A draw samples the plan's last whole period once, at random from a recorded seed: the same
 * seed over the same contacts gives the same picks (src-shared/domain/coaching/sampling.ts).
 * A coach plans and draws for their own teams only; supervisors and admins for any.
 */

/** Plans and draws are the quality team's business: every coach, supervisor and admin follows them. */
const coachingAudience = (): NewEvent['audience'] => ({ roles: ['coach', 'supervisor', 'admin'] });

function planEvent(plan: SamplingPlan): NewEvent {
  return {
    type: E.samplingPlanChanged,
    entityKind: 'sampling-plan',
    entityId: plan.id,
    entityVersion: plan.version,
    payload: plan,
    audience: coachingAudience(),
  };
}

function drawEvent(draw: SamplingDraw): NewEvent {
  return {
    type: E.sampleDrawn,
    entityKind: 'sampling-draw',
    entityId: draw.id,
    entityVersion: 1,
    payload: draw,
    audience: coachingAudience(),
  };
}

/** A coach's plan names only teams they coach; "all teams" (an empty list) is for supervisors and admins. */
async function requirePlanScope(tx: Tx, actor: Actor, teamIds: readonly string[]): Promise<void> {
  const mine = await coachTeamIds(tx, actor);
  if (mine === null) return;
  if (teamIds.length === 0)
    throw new AppError('forbidden', 'teamIds: a coach’s plan names the teams it samples (yours only)');
  const outside = teamIds.filter((t) => !mine.includes(t));
  if (outside.length > 0)
    throw new AppError('forbidden', `teamIds: not teams you coach: ${outside.join(', ')}`, {
      teamIds: outside,
    });
}

async function checkPlanBody(tx: Tx, body: SamplingPlanBody): Promise<void> {
  if (!isValidTimeZone(body.timeZone))
    throw new AppError('invalid', `timeZone: ${body.timeZone} is not a known time zone`, {
      field: 'timeZone',
    });
  if (!(await findTemplate(tx, body.templateId)))
    throw new AppError('invalid', `templateId: no scorecard template ${body.templateId}`, {
      field: 'templateId',
    });
}

export const saveSamplingPlanCommand: CommandDefinition<typeof T.saveSamplingPlan> = {
  who: COACHING_ROLES,
  scope: anyone,
  async handle({ tx, actor, now }, command) {
    const { planId, plan: body } = command.payload;
    await checkPlanBody(tx, body);
    await requirePlanScope(tx, actor, body.teamIds);
    const existing = await lockPlan(tx, planId);
    if (existing) {
      const current = planOf(existing);
      checkVersion(command.expectedVersion, existing, current);
      await requirePlanScope(tx, actor, current.teamIds);
    }
    const row = existing
      ? await updatePlan(tx, existing, body)
      : await insertPlan(tx, { id: planId, body, createdBy: actor.id, createdAt: now });
    const plan = planOf(row);
    return { entity: plan, events: [planEvent(plan)] };
  },
};

export const drawSampleCommand: CommandDefinition<typeof T.drawSample> = {
  who: COACHING_ROLES,
  scope: anyone,
  async handle({ tx, actor, now }, { payload }) {
    const row = await lockPlan(tx, payload.planId);
    if (!row) throw new AppError('not_found', `No sampling plan ${payload.planId}`);
    const plan = planOf(row);
    await requirePlanScope(tx, actor, plan.teamIds);
    if (!plan.active)
      throw new AppError('conflict', `The plan “${plan.name}” is paused: activate it to draw`);
    if (await findDraw(tx, payload.drawId))
      throw new AppError('conflict', `A draw ${payload.drawId} already exists`);
    const period = periodToSample(plan, now.getTime());
    const earlier = await drawOfPeriod(tx, plan.id, period.start);
    if (earlier) {
      const drawn = drawOf(earlier);
      throw new AppError(
        'conflict',
        `This period (from ${drawn.periodStart}) was already drawn on ${drawn.drawnAt} with seed ${drawn.seed}`,
        drawn,
      );
    }
    const seed = payload.seed ?? randomInt(0, 0x1_0000_0000);
    const candidates = await candidatesOf(tx, period);
    const evaluated = await evaluatedContactIds(
      tx,
      candidates.map((c) => c.contactId),
    );
    const exclude = new Set([...evaluated, ...(await drawnContactIds(tx, plan.id))]);
    const sample = drawSample({
      rules: plan,
      period,
      seed,
      candidates,
      agentIds: await agentsOfTeams(tx, plan.teamIds.length === 0 ? null : plan.teamIds),
      exclude,
    });
    const saved = await insertDraw(tx, {
      id: payload.drawId,
      planId: plan.id,
      periodStart: new Date(period.start),
      periodEnd: new Date(period.end),
      seed,
      drawnAt: now,
      dueAt: new Date(sample.dueAt),
      picks: sample.picks,
      shortfalls: sample.shortfalls,
      drawnBy: actor.id,
    });
    const draw = drawOf(saved);
    return { entity: draw, events: [drawEvent(draw)] };
  },
};
