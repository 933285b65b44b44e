import type { CommandHandler } from '../sync/command-bus';
import { CALIBRATION_HANDLERS } from './calibration.commands';
import { EVALUATION_DRAFT_HANDLERS } from './evaluation-draft.commands';
import { EVALUATION_WORKFLOW_HANDLERS } from './evaluation-workflow.commands';
import { FOLLOW_UP_HANDLERS } from './follow-up.commands';
import { SAMPLING_HANDLERS } from './sampling.commands';
import { SCORECARD_HANDLERS } from './scorecard.commands';

/** Every coaching command handler the command bus runs (socket and HTTP alike). */
export const COACHING_HANDLERS: CommandHandler[] = [
  ...SCORECARD_HANDLERS,
  ...EVALUATION_DRAFT_HANDLERS,
  ...EVALUATION_WORKFLOW_HANDLERS,
  ...CALIBRATION_HANDLERS,
  ...FOLLOW_UP_HANDLERS,
  ...SAMPLING_HANDLERS,
];
