import type { CommandRegistry } from '../sync/command-bus';
import { COACHING_COMMAND_TYPES as T } from '../../../src-shared/protocol/coaching-commands';
import { closeCalibrationCommand, createCalibrationCommand } from './calibration.commands';
import {
  saveEvaluationDraftCommand,
  selfAssessCommand,
  submitCalibrationCommand,
  submitEvaluationCommand,
} from './evaluation-draft.commands';
import {
  acknowledgeEvaluationCommand,
  disputeEvaluationCommand,
  releaseEvaluationCommand,
  rescoreEvaluationCommand,
  resolveEvaluationCommand,
} from './evaluation-workflow.commands';
import { assignFollowUpCommand, completeFollowUpCommand } from './follow-up.commands';
import { drawSampleCommand, saveSamplingPlanCommand } from './sampling.commands';
import {
  createTemplateCommand,
  importScorecardCommand,
  publishVersionCommand,
  retireVersionCommand,
  saveDraftVersionCommand,
} from './scorecard.commands';

/** Live monitoring joins a phone call: the phone channel defines it (channels/phone/monitor.command.ts). */
type CoachingCommandType = Exclude<(typeof T)[keyof typeof T], typeof T.monitorCall>;

/** Every coaching command the bus runs (socket and HTTP alike). */
export const COACHING_COMMANDS: Pick<CommandRegistry, CoachingCommandType> = {
  [T.createTemplate]: createTemplateCommand,
  [T.saveDraftVersion]: saveDraftVersionCommand,
  [T.publishVersion]: publishVersionCommand,
  [T.retireVersion]: retireVersionCommand,
  [T.importScorecard]: importScorecardCommand,
  [T.saveEvaluationDraft]: saveEvaluationDraftCommand,
  [T.submitEvaluation]: submitEvaluationCommand,
  [T.releaseEvaluation]: releaseEvaluationCommand,
  [T.acknowledgeEvaluation]: acknowledgeEvaluationCommand,
  [T.disputeEvaluation]: disputeEvaluationCommand,
  [T.resolveEvaluation]: resolveEvaluationCommand,
  [T.rescoreEvaluation]: rescoreEvaluationCommand,
  [T.selfAssess]: selfAssessCommand,
  [T.saveSamplingPlan]: saveSamplingPlanCommand,
  [T.drawSample]: drawSampleCommand,
  [T.createCalibration]: createCalibrationCommand,
  [T.submitCalibration]: submitCalibrationCommand,
  [T.closeCalibration]: closeCalibrationCommand,
  [T.assignFollowUp]: assignFollowUpCommand,
  [T.completeFollowUp]: completeFollowUpCommand,
};
