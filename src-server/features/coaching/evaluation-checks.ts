import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/database';
import { contacts, messages, notes } from '../../db/schema';
import { AppError } from '../../platform/errors';
import type { Answer, ScorecardVersion } from '../../../src-shared/protocol/coaching';
import type { Channel } from '../../../src-shared/protocol/channels';
import { validateAnswers } from '../../../src-shared/domain/coaching/answers';
import { findVersion } from './scorecards.repository';

/** What an evaluation needs of its contact. */
export interface ScoredContact {
  id: string;
  channel: Channel;
  agentId: string | null;
  caseId: string | null;
}

export async function contactToScore(tx: Tx, contactId: string): Promise<ScoredContact> {
  const [row] = await tx
    .select({
      id: contacts.id,
      channel: contacts.channel,
      agentId: contacts.agentId,
      caseId: contacts.caseId,
    })
    .from(contacts)
    .where(eq(contacts.id, contactId));
  if (!row) throw new AppError('not_found', `No contact ${contactId}`);
  return { ...row, channel: row.channel as Channel };
}

/** The pinned version; new work is refused on drafts and on retired versions. */
export async function scorableVersion(tx: Tx, versionId: string): Promise<ScorecardVersion> {
  const version = await findVersion(tx, versionId);
  if (!version) throw new AppError('not_found', `No scorecard version ${versionId}`);
  if (version.status === 'draft') {
    throw new AppError(
      'invalid',
      `Version ${version.number} of "${version.name}" is a draft: publish it first`,
    );
  }
  if (version.status === 'retired') {
    throw new AppError(
      'invalid',
      `Version ${version.number} of "${version.name}" is retired: score on the published version`,
    );
  }
  return version;
}

/**
 * Refuses answers that do not fit the version, with every problem naming its criterion
 * (`details`: `[{key, code, message}]`), and anchors that point outside the contact.
 */
export async function checkAnswers(
  tx: Tx,
  version: ScorecardVersion,
  contact: ScoredContact,
  answers: readonly Answer[],
  complete: boolean,
): Promise<void> {
  const errors = validateAnswers(version, answers, { channel: contact.channel, complete });
  if (errors.length > 0) {
    throw new AppError(
      'invalid',
      errors.map((e) => (e.message.startsWith(e.key) ? e.message : `${e.key}: ${e.message}`)).join('; '),
      errors,
    );
  }
  for (const answer of answers) {
    if (!answer.anchor || answer.anchor.kind === 'call') continue;
    const belongs =
      answer.anchor.kind === 'message'
        ? await tx
            .select({ id: messages.id })
            .from(messages)
            .where(and(eq(messages.id, answer.anchor.messageId), eq(messages.caseId, contact.caseId ?? '')))
        : await tx
            .select({ id: notes.id })
            .from(notes)
            .where(and(eq(notes.id, answer.anchor.noteId), eq(notes.caseId, contact.caseId ?? '')));
    if (belongs.length === 0) {
      const problem = {
        key: answer.key,
        code: 'anchor_not_on_contact',
        message: `${answer.key}: the comment points at something not on this contact`,
      };
      throw new AppError('invalid', problem.message, [problem]);
    }
  }
}
