import type { Socket } from 'socket.io';
import type { z } from 'zod';
import type { Ack } from '../../../src-shared/protocol/envelope';
import type { VisitorChatLine } from '../../../src-shared/protocol/web-channel';
import { admissionVerdict, type SocketEventLimits } from '../../socket/event-limits';
import { defineSocketEvent, pass, type SocketEvent, type SocketGate } from '../../socket/socket-events';
import type { ChannelContext } from '../channels';

interface VisitorData {
  /** The one conversation this socket may read and write; none until it starts or presents one. */
  conversation: { id: string; contactId: string } | null;
}
/** What the server pushes to a visitor. */
interface VisitorPushes {
  'chat:message': (line: VisitorChatLine) => void;
  'chat:history': (lines: VisitorChatLine[]) => void;
  'chat:ended': (notice: Record<string, never>) => void;
}
export type VisitorSocket = Socket<Record<string, never>, VisitorPushes, Record<string, never>, VisitorData>;

/**
 * An event a visitor sends on `/visitor`. Visitors have no session: what each may do is the
 * conversation its socket holds, checked by the event itself.
 */
export type VisitorEvent = SocketEvent<null, null>;

export const visitorEvent = <S extends z.ZodType, R>(
  name: string,
  schema: S,
  handle: (payload: z.output<S>) => Promise<Ack<R>>,
): VisitorEvent => defineSocketEvent(name, schema, null, (_ctx: null, payload) => handle(payload));

/**
 * A visitor socket's checks on every event: its own budget (past it, refused, then disconnected).
 * Lines, chats and typing are counted per conversation and address on top (visitor-limits).
 */
export function visitorGate(
  socket: VisitorSocket,
  eventLimits: SocketEventLimits,
  log: ChannelContext['log'],
): SocketGate<null, null> {
  return {
    async admit(_rules, event) {
      return admissionVerdict(await eventLimits.admit(socket.id), () => {
        log.warn(
          { address: socket.handshake.address, event },
          'a visitor socket kept flooding; disconnected',
        );
        socket.disconnect(true);
      });
    },
    authorise: async () => pass(null),
  };
}
