import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams } from '../../../src-shared/protocol/http';
import { COACHING_ROUTES as R, ImportScorecardBody } from '../../../src-shared/protocol/coaching-http';
import { COACHING_COMMAND_TYPES as T, TemplateResult } from '../../../src-shared/protocol/coaching-commands';
import {
  AcknowledgeEvaluationBody,
  CreateEvaluationBody,
  DisputeEvaluationBody,
  Evaluation,
  ReleaseEvaluationBody,
  RescoreEvaluationBody,
  ResolveEvaluationBody,
} from '../../../src-shared/protocol/coaching-evaluations';
import { CalibrationSession, CreateCalibrationBody } from '../../../src-shared/protocol/coaching-calibration';
import type { RouteDeps } from '../../http/route-deps';
import type { CommandBus } from '../sync/command-bus';
import { commandIdOf, runAsHttp } from '../../http/run-command';

/**
 * Coaching writes over HTTP: each runs the socket command's handler through the command bus
 * (authorised, idempotent by `Idempotency-Key`, in the event log). Ids of what a request creates
 * are its command id, so a repeat with the same key finds the same thing.
 */
export function registerCoachingWriteRoutes(
  app: FastifyInstance,
  { authenticate }: RouteDeps,
  commands: CommandBus,
): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const common = { security: [{ bearer: [] }], tags: ['coaching'] };
  const header = z.object({ 'idempotency-key': z.string().optional() });

  routes.post(
    R.scorecardImport.path,
    {
      schema: {
        ...common,
        summary: R.scorecardImport.summary,
        headers: header,
        body: ImportScorecardBody,
        response: { 200: TemplateResult },
      },
      preHandler: authenticate(...R.scorecardImport.roles),
    },
    async (req) => {
      const id = commandIdOf(req);
      const payload = { templateId: req.body.templateId ?? id, versionId: id, file: req.body.file };
      return TemplateResult.parse(await runAsHttp(commands, req, id, T.importScorecard, payload));
    },
  );

  for (const route of [
    { ...R.scorecardPublish, type: T.publishVersion },
    { ...R.scorecardRetire, type: T.retireVersion },
  ]) {
    routes.post(
      route.path,
      {
        schema: {
          ...common,
          summary: route.summary,
          headers: header,
          params: IdParams,
          response: { 200: TemplateResult },
        },
        preHandler: authenticate(...route.roles),
      },
      async (req) =>
        TemplateResult.parse(
          await runAsHttp(commands, req, commandIdOf(req), route.type, { versionId: req.params.id }),
        ),
    );
  }

  routes.post(
    R.evaluationCreate.path,
    {
      schema: {
        ...common,
        summary: R.evaluationCreate.summary,
        headers: header,
        body: CreateEvaluationBody,
        response: { 200: Evaluation },
      },
      preHandler: authenticate(...R.evaluationCreate.roles),
    },
    async (req) => {
      const id = commandIdOf(req);
      const { kind, calibrationId, ...draft } = req.body;
      const evaluationId = id;
      const [type, payload] = calibrationId
        ? [
            T.submitCalibration,
            { calibrationId, evaluationId, contactId: draft.contactId, answers: draft.answers },
          ]
        : [kind === 'self' ? T.selfAssess : T.saveEvaluationDraft, { evaluationId, ...draft }];
      return Evaluation.parse(await runAsHttp(commands, req, id, type, payload));
    },
  );

  const evaluationSteps = [
    {
      ...R.evaluationSubmit,
      type: T.submitEvaluation,
      body: z.object({ answers: CreateEvaluationBody.shape.answers.optional() }),
    },
    { ...R.evaluationRelease, type: T.releaseEvaluation, body: ReleaseEvaluationBody },
    { ...R.evaluationAcknowledge, type: T.acknowledgeEvaluation, body: AcknowledgeEvaluationBody },
    { ...R.evaluationDispute, type: T.disputeEvaluation, body: DisputeEvaluationBody },
    { ...R.evaluationResolve, type: T.resolveEvaluation, body: ResolveEvaluationBody },
    { ...R.evaluationRescore, type: T.rescoreEvaluation, body: RescoreEvaluationBody },
  ];
  for (const step of evaluationSteps) {
    routes.post(
      step.path,
      {
        schema: {
          ...common,
          summary: step.summary,
          headers: header,
          params: IdParams,
          body: step.body,
          response: { 200: Evaluation },
        },
        preHandler: authenticate(...step.roles),
      },
      async (req) => {
        const payload = { ...(req.body as object), evaluationId: req.params.id };
        return Evaluation.parse(await runAsHttp(commands, req, commandIdOf(req), step.type, payload));
      },
    );
  }

  routes.post(
    R.calibrationCreate.path,
    {
      schema: {
        ...common,
        summary: R.calibrationCreate.summary,
        headers: header,
        body: CreateCalibrationBody,
        response: { 200: CalibrationSession },
      },
      preHandler: authenticate(...R.calibrationCreate.roles),
    },
    async (req) => {
      const id = commandIdOf(req);
      const payload = { ...req.body, calibrationId: id };
      return CalibrationSession.parse(await runAsHttp(commands, req, id, T.createCalibration, payload));
    },
  );
  routes.post(
    R.calibrationClose.path,
    {
      schema: {
        ...common,
        summary: R.calibrationClose.summary,
        headers: header,
        params: IdParams,
        response: { 200: CalibrationSession },
      },
      preHandler: authenticate(...R.calibrationClose.roles),
    },
    async (req) =>
      CalibrationSession.parse(
        await runAsHttp(commands, req, commandIdOf(req), T.closeCalibration, {
          calibrationId: req.params.id,
        }),
      ),
  );
}
