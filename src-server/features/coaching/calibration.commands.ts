import { AppError } from '../../platform/errors';
import type { Answer } from '../../../src-shared/protocol/coaching';
import type { Channel } from '../../../src-shared/protocol/channels';
import type { COACHING_COMMAND_TYPES as T } from '../../../src-shared/protocol/coaching-commands';
import { calibrationReport } from '../../../src-shared/domain/coaching/calibration';
import { checkVersion, type CommandDefinition } from '../sync/command-bus';
import {
  COACHING_ROLES,
  anyOf,
  anyone,
  creatorOfCalibration,
  hasAnyRole,
  isSelf,
} from '../access/command-scopes';
import type { NewEvent } from '../sync/event-log';
import {
  calibrationEvaluationRows,
  closeCalibrationRow,
  insertCalibration,
  lockCalibration,
  missingContacts,
  notCoaches,
  ratersOf,
  sessionOf,
} from './calibration.repository';
import { calibrationEvent, evaluationEvent } from './coaching-events';
import { scorableVersion } from './evaluation-checks';
import { evaluationsOf } from './evaluations.repository';
import { findVersion } from './scorecards.repository';

/**
 * Calibration sessions: created by a coach, supervisor or admin; scored blind by their coaches
 * (evaluation-draft.commands.ts); closed by their creator or a supervisor, which computes the
 * report once and shows every coach everyone's scores.
 */

export const createCalibrationCommand: CommandDefinition<typeof T.createCalibration> = {
  who: COACHING_ROLES,
  scope: anyone,
  async handle({ tx, actor, now }, { payload }) {
    await scorableVersion(tx, payload.versionId);
    const raters = payload.expertId
      ? [...new Set([...payload.coachIds, payload.expertId])]
      : payload.coachIds;
    const wrong = await notCoaches(tx, raters);
    if (wrong.length > 0)
      throw new AppError('invalid', `Not coaches, supervisors or admins: ${wrong.join(', ')}`, {
        coachIds: wrong,
      });
    const missing = await missingContacts(tx, payload.contactIds);
    if (missing.length > 0)
      throw new AppError('invalid', `No such contacts: ${missing.join(', ')}`, { contactIds: missing });
    if (await lockCalibration(tx, payload.calibrationId)) {
      throw new AppError('conflict', `A calibration session ${payload.calibrationId} already exists`);
    }
    const row = await insertCalibration(tx, {
      id: payload.calibrationId,
      versionId: payload.versionId,
      contactIds: payload.contactIds,
      coachIds: payload.coachIds,
      expertId: payload.expertId ?? null,
      state: 'open',
      createdBy: actor.id,
      createdAt: now,
    });
    const session = sessionOf(row);
    return { entity: session, events: [calibrationEvent(session)] };
  },
};

export const closeCalibrationCommand: CommandDefinition<typeof T.closeCalibration> = {
  who: COACHING_ROLES,
  scope: anyOf(
    hasAnyRole(['supervisor', 'admin'], 'Only who created the session, a supervisor or an admin closes it'),
    isSelf(
      ({ tx }, { payload }) => creatorOfCalibration(tx, payload.calibrationId),
      'Only who created the session, a supervisor or an admin closes it',
    ),
  ),
  async handle({ tx, now }, command) {
    const row = await lockCalibration(tx, command.payload.calibrationId);
    if (!row) throw new AppError('not_found', `No calibration session ${command.payload.calibrationId}`);
    checkVersion(command.expectedVersion, row, sessionOf(row));
    if (row.state !== 'open')
      throw new AppError('conflict', 'This calibration session is already closed', sessionOf(row));
    const version = await findVersion(tx, row.versionId);
    if (!version) throw new Error(`calibration ${row.id} pins a missing version`);
    const rows = await calibrationEvaluationRows(tx, row.id);
    const report = calibrationReport({
      content: version,
      expertId: row.expertId,
      submissions: rows
        .filter((e) => e.state === 'submitted')
        .map((e) => ({
          coachId: e.authorId,
          contactId: e.contactId,
          answers: e.answers as Answer[],
          channel: e.channel as Channel,
        })),
    });
    const closed = await closeCalibrationRow(tx, row, report, now);
    const session = sessionOf(closed);
    // Now the session's raters see each other's scores: their evaluations go to all of them.
    const raters = ratersOf(closed);
    const evaluations = await evaluationsOf(tx, rows);
    const events: NewEvent[] = [
      calibrationEvent(session),
      ...evaluations.map((e) => evaluationEvent(e, { users: raters, roles: ['supervisor', 'admin'] })),
    ];
    return { entity: session, events };
  },
};
