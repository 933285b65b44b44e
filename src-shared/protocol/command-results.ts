import type { z } from 'zod';
import { CannedResponse } from './canned-responses';
import { COACHING_COMMAND_RESULTS } from './coaching-commands';
import { COMMAND_TYPES as T, type CommandType } from './commands';
import { Contact, QueueAlert } from './contacts';
import { Agent, AdminUser, CaseSummary, Message, Note, Queue } from './entities';
import { SurveyPreference } from './surveys';
import { Broadcast, ConsoleNotification, EscalationRulesResponse, Reassignment } from './supervisor-entities';

/** One result schema per command type: what `COMMAND_RESULTS` must be, checked by the compiler. */
export type CommandResultSchemas = { readonly [K in CommandType]: z.ZodType };

/**
 * The entity each command's ack carries (`CommandResult.entity`), one schema per command type:
 * a command type without one does not compile. The console parses an ack with its command's
 * schema once (`runOnlineCommand`), so callers get `CommandEntityOf<K>` typed.
 */
export const COMMAND_RESULTS = {
  [T.setAgentState]: Agent,
  [T.addNote]: Note,
  [T.setCaseStatus]: CaseSummary,
  [T.reply]: Message,
  [T.chatSend]: Message,
  [T.setUserDisabled]: AdminUser,
  [T.acceptContact]: Contact,
  [T.declineContact]: Contact,
  [T.endContact]: Contact,
  [T.holdContact]: Contact,
  [T.resumeContact]: Contact,
  [T.transferContact]: Contact,
  [T.completeWrapUp]: Contact,
  [T.createContact]: Contact,
  [T.scheduleCallback]: Contact,
  [T.identifyContact]: Contact,
  [T.saveQueueRouting]: Queue,
  [T.saveAgentRouting]: Agent,
  [T.setSurveyPreference]: SurveyPreference,
  [T.saveCannedResponse]: CannedResponse,
  [T.reassignContact]: Reassignment,
  [T.jumpContact]: Contact,
  [T.forceAgentState]: Agent,
  [T.sendBroadcast]: Broadcast,
  [T.acknowledgeBroadcast]: Broadcast,
  [T.acknowledgeAlert]: QueueAlert,
  [T.saveEscalationRules]: EscalationRulesResponse,
  [T.readNotification]: ConsoleNotification,
  ...COACHING_COMMAND_RESULTS,
} as const satisfies CommandResultSchemas;

/** The entity a command of type `K` answers with. */
export type CommandEntityOf<K extends CommandType> = z.infer<(typeof COMMAND_RESULTS)[K]>;

/** What an accepted command of type `K` answers: its last event's log position and its entity. */
export interface CommandResultOf<K extends CommandType> {
  syncId: number | null;
  entity: CommandEntityOf<K>;
}

/** The ack schema of one command type. */
export const commandResultSchema = <K extends CommandType>(type: K): (typeof COMMAND_RESULTS)[K] =>
  COMMAND_RESULTS[type];
