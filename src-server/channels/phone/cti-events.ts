import type { Tx } from '../../db/database';
import { AppError } from '../../platform/errors';
import { CtiEventResult, type CtiEvent } from '../../../src-shared/protocol/phone';
import { findQueue } from '../../features/directory/directory.repository';
import type { CommandSettings } from '../../features/sync/command-bus';
import type { InboundChange } from '../inbound-commit';
import { callResult, lockCall, openCall, planCall, queueHours } from './call-intake';
import {
  abandonCall,
  answerCall,
  endCall,
  setOnHold,
  transferCall,
  type CallChange,
} from './call-transitions';

/**
 * One CTI event applied in the webhook's transaction. The phone system is the truth about the
 * line, so it drives the same transitions the console commands use; it is not told back.
 */
export async function applyCtiEvent(
  tx: Tx,
  event: CtiEvent,
  now: Date,
  settings: CommandSettings,
): Promise<InboundChange<CtiEventResult>> {
  if (event.event === 'call.offered') return offerCall(tx, event, now, settings);
  const row = await lockCall(tx, 'cti', event.callId);
  if (!row) {
    throw new AppError('not_found', `No call ${event.callId}: its call.offered was never received`);
  }
  const change = await changeFor(tx, event, row, now);
  return {
    result: callResult(change.row, await queueHours(tx, change.row.queueId, now)),
    events: change.events,
    kickRouting: change.kickRouting,
  };
}

async function changeFor(
  tx: Tx,
  event: CtiEvent,
  row: NonNullable<Awaited<ReturnType<typeof lockCall>>>,
  now: Date,
): Promise<CallChange> {
  switch (event.event) {
    case 'call.answered':
      return answerCall(tx, row, now);
    case 'call.held':
      return setOnHold(tx, row, true, now);
    case 'call.resumed':
      return setOnHold(tx, row, false, now);
    case 'call.transferred': {
      // `to` naming a queue moves the call there; anything else (a number) puts it back in line.
      const queue = event.to ? await findQueue(tx, event.to) : null;
      return transferCall(tx, row, queue ? { queueId: queue.id } : {}, now);
    }
    case 'call.ended':
      return endCall(tx, row, now);
    case 'call.abandoned':
      return abandonCall(tx, row, now);
    case 'call.offered':
      throw new Error('call.offered is not a change of an existing call');
  }
}

/** A new call: a phone contact in its entry queue, even when the queue is closed (the answer says so). */
async function offerCall(
  tx: Tx,
  event: CtiEvent,
  now: Date,
  settings: CommandSettings,
): Promise<InboundChange<CtiEventResult>> {
  const known = await lockCall(tx, 'cti', event.callId);
  if (known) return { result: callResult(known, await queueHours(tx, known.queueId, now)), events: [] };
  const call = {
    provider: 'cti' as const,
    externalId: event.callId,
    from: event.from,
    to: event.to,
    ivr: event.ivr ?? {},
  };
  const plan = await planCall(tx, call, now, settings);
  const { contact, events } = await openCall(tx, call, plan, now, settings);
  return {
    result: CtiEventResult.parse(callResult(contact, await queueHours(tx, contact.queueId, now))),
    events,
    kickRouting: true,
  };
}
