import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IdParams } from '../../../src-shared/protocol/http';
import { ScorecardFile } from '../../../src-shared/protocol/coaching';
import {
  COACHING_ROUTES as R,
  CalibrationReportResponse,
  CalibrationResponse,
  CalibrationsResponse,
  EvaluationResponse,
  RatersResponse,
  EvaluationsResponse,
  ScorecardVersionResponse,
  ScorecardsResponse,
} from '../../../src-shared/protocol/coaching-http';
import {
  EvaluationListQuery,
  type EvaluationKind,
  type EvaluationState,
} from '../../../src-shared/protocol/coaching-evaluations';
import { exportScorecard } from '../../../src-shared/domain/coaching/scorecard-format';
import { isVisibleToAgent } from '../../../src-shared/domain/coaching/workflow';
import { AppError } from '../../platform/errors';
import type { RouteDeps } from '../../http/route-deps';
import { seesEverything, type Actor } from '../auth/actor';
import {
  calibrationEvaluationRows,
  findCalibration,
  listCalibrations,
  listRaters,
  ratersOf,
  reportOf,
  sessionOf,
} from './calibration.repository';
import { coachTeamIds, isCoaching } from './coaching-scope';
import { maySeeEvaluation } from './evaluation-visibility';
import { evaluationsOf, findEvaluationRow, listEvaluationRows } from './evaluations.repository';
import { findVersion, listTemplates } from './scorecards.repository';

/** Coaching reads: scorecards, evaluations in scope, calibration sessions and their reports. */
export function registerCoachingReadRoutes(app: FastifyInstance, { db, authenticate }: RouteDeps): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const common = { security: [{ bearer: [] }], tags: ['coaching'] };

  routes.get(
    R.scorecards.path,
    {
      schema: { ...common, summary: R.scorecards.summary, response: { 200: ScorecardsResponse } },
      preHandler: authenticate(...R.scorecards.roles),
    },
    async () => ({ templates: await listTemplates(db) }),
  );
  routes.get(
    R.scorecardVersion.path,
    {
      schema: {
        ...common,
        summary: R.scorecardVersion.summary,
        params: IdParams,
        response: { 200: ScorecardVersionResponse },
      },
      preHandler: authenticate(...R.scorecardVersion.roles),
    },
    async (req) => {
      const version = await findVersion(db, req.params.id);
      if (!version) throw new AppError('not_found', `No scorecard version ${req.params.id}`);
      return { version };
    },
  );
  routes.get(
    R.scorecardExport.path,
    {
      schema: {
        ...common,
        summary: R.scorecardExport.summary,
        params: IdParams,
        response: { 200: ScorecardFile },
      },
      preHandler: authenticate(...R.scorecardExport.roles),
    },
    async (req) => {
      const version = await findVersion(db, req.params.id);
      if (!version) throw new AppError('not_found', `No scorecard version ${req.params.id}`);
      return exportScorecard(version, {
        exportedAt: new Date(),
        source: { templateId: version.templateId, versionNumber: version.number },
      });
    },
  );

  routes.get(
    R.evaluations.path,
    {
      schema: {
        ...common,
        summary: R.evaluations.summary,
        querystring: EvaluationListQuery,
        response: { 200: EvaluationsResponse },
      },
      preHandler: authenticate(...R.evaluations.roles),
    },
    async (req) => {
      const actor = req.actor();
      const { agent, from, to, limit } = req.query;
      const period = {
        ...(from ? { from: new Date(from) } : {}),
        ...(to ? { to: new Date(to) } : {}),
        limit,
      };
      const notDraft = ['submitted', 'released', 'acknowledged', 'disputed', 'resolved'] as EvaluationState[];
      if (isCoaching(actor)) {
        const teams = await coachTeamIds(db, actor);
        const rows = await listEvaluationRows(db, {
          ...period,
          agentIds: agent ? [agent] : null,
          teamIds: teams,
          kinds: ['coach', 'self'],
          states: notDraft,
          orAuthor: actor.id,
        });
        const visible = rows.filter((r) => r.kind !== 'calibration' && (!agent || r.agentId === agent));
        return { evaluations: await evaluationsOf(db, visible) };
      }
      if (agent && agent !== actor.id)
        throw new AppError('forbidden', 'Agents see only their own evaluations');
      const rows = await listEvaluationRows(db, {
        ...period,
        agentIds: [actor.id],
        kinds: ['coach', 'self'],
        orAuthor: actor.id,
      });
      const visible = rows.filter(
        (r) => r.kind === 'self' || isVisibleToAgent(r.kind as EvaluationKind, r.state as EvaluationState),
      );
      return { evaluations: await evaluationsOf(db, visible) };
    },
  );
  routes.get(
    R.evaluation.path,
    {
      schema: {
        ...common,
        summary: R.evaluation.summary,
        params: IdParams,
        response: { 200: EvaluationResponse },
      },
      preHandler: authenticate(...R.evaluation.roles),
    },
    async (req) => {
      const row = await findEvaluationRow(db, req.params.id);
      if (!row || !(await maySeeEvaluation(db, req.actor(), row)))
        throw new AppError('not_found', `No evaluation ${req.params.id}`);
      const [evaluation] = await evaluationsOf(db, [row]);
      if (!evaluation) throw new AppError('not_found', `No evaluation ${req.params.id}`);
      return { evaluation };
    },
  );

  routes.get(
    R.calibrations.path,
    {
      schema: { ...common, summary: R.calibrations.summary, response: { 200: CalibrationsResponse } },
      preHandler: authenticate(...R.calibrations.roles),
    },
    async (req) => {
      const actor = req.actor();
      const rows = await listCalibrations(db, seesEverything(actor) ? null : actor.id);
      return { calibrations: rows.map(sessionOf) };
    },
  );
  routes.get(
    R.raters.path,
    {
      schema: { ...common, summary: R.raters.summary, response: { 200: RatersResponse } },
      preHandler: authenticate(...R.raters.roles),
    },
    async () => ({ raters: await listRaters(db) }),
  );
  const loadSession = async (id: string, actor: Actor) => {
    const row = await findCalibration(db, id);
    const mayKnow =
      row && (seesEverything(actor) || row.createdBy === actor.id || ratersOf(row).includes(actor.id));
    if (!row || !mayKnow) throw new AppError('not_found', `No calibration session ${id}`);
    return row;
  };
  routes.get(
    R.calibration.path,
    {
      schema: {
        ...common,
        summary: R.calibration.summary,
        params: IdParams,
        response: { 200: CalibrationResponse },
      },
      preHandler: authenticate(...R.calibration.roles),
    },
    async (req) => {
      const actor = req.actor();
      const row = await loadSession(req.params.id, actor);
      const rows = await calibrationEvaluationRows(db, row.id);
      // Blind until closed: each coach sees only their own scores.
      const visible = row.state === 'closed' ? rows : rows.filter((r) => r.authorId === actor.id);
      return { calibration: sessionOf(row), evaluations: await evaluationsOf(db, visible) };
    },
  );
  routes.get(
    R.calibrationReport.path,
    {
      schema: {
        ...common,
        summary: R.calibrationReport.summary,
        params: IdParams,
        response: { 200: CalibrationReportResponse },
      },
      preHandler: authenticate(...R.calibrationReport.roles),
    },
    async (req) => {
      const row = await loadSession(req.params.id, req.actor());
      const report = reportOf(row);
      if (!report)
        throw new AppError('conflict', 'The report is made when the session closes; it is still open');
      return report;
    },
  );
}
