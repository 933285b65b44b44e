import type { contacts } from '../../db/schema';
import { Channel } from '../../../src-shared/protocol/channels';
import type { Contact } from '../../../src-shared/protocol/contacts';
import {
  ContactProvider,
  ContactStatus,
  IvrInput,
  Level,
  RoutingReason,
} from '../../../src-shared/protocol/contacts';

export type ContactRow = typeof contacts.$inferSelect;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** A stored contact as the protocol shows it; unknown codes in stored rows are dropped or defaulted. */
export function contactOf(row: ContactRow): Contact {
  return {
    id: row.id,
    channel: Channel.catch('phone').parse(row.channel),
    status: ContactStatus.catch('closed').parse(row.status),
    provider: row.provider === null ? null : ContactProvider.catch('cti').parse(row.provider),
    ivr: IvrInput.catch({}).parse(row.ivr),
    heldAt: iso(row.heldAt),
    queueId: row.queueId,
    agentId: row.agentId,
    customerId: row.customerId,
    caseId: row.caseId,
    from: row.from,
    subject: row.subject,
    language: row.language,
    impact: Level.catch('medium').parse(row.impact),
    urgency: Level.catch('medium').parse(row.urgency),
    priority: row.priority,
    createdAt: row.createdAt.toISOString(),
    queuedAt: row.queuedAt.toISOString(),
    dueAt: iso(row.dueAt),
    offerExpiresAt: iso(row.offerExpiresAt),
    answeredAt: iso(row.answeredAt),
    endedAt: iso(row.endedAt),
    wrapUpDueAt: iso(row.wrapUpDueAt),
    closedAt: iso(row.wrapUpEndedAt),
    disposition: row.disposition,
    overflowLevel: Math.min(2, Math.max(0, row.overflowLevel)),
    transfers: row.transfers,
    declinedBy: row.declinedBy,
    reasons: row.reasons.flatMap((r) => {
      const reason = RoutingReason.safeParse(r);
      return reason.success ? [reason.data] : [];
    }),
    intakeReasons: row.intakeReasons.flatMap((r) => {
      const reason = RoutingReason.safeParse(r);
      return reason.success ? [reason.data] : [];
    }),
    // Only while that is why it waits: an older value must not pass for news.
    nextFreeAt: row.reasons.includes('all_in_wrap_up') ? iso(row.nextFreeAt) : null,
    version: row.version,
  };
}
