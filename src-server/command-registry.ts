import { COMMAND_TYPES as T } from '../src-shared/protocol/commands';
import { COACHING_COMMAND_TYPES } from '../src-shared/protocol/coaching-commands';
import type { CommandRegistry } from './features/sync/command-bus';
import { setAgentStateCommand } from './features/agents/set-agent-state.command';
import { setUserDisabledCommand } from './features/admin/set-user-disabled.command';
import { addNoteCommand } from './features/cases/add-note.command';
import { createSetCaseStatusCommand } from './features/cases/set-case-status.command';
import { setSurveyPreferenceCommand } from './features/surveys/set-survey-preference.command';
import { identifyContactCommand } from './features/contacts/identify-contact.command';
import { createContactCommand, scheduleCallbackCommand } from './features/contacts/intake.commands';
import { completeWrapUpCommand, declineContactCommand } from './features/contacts/work.commands';
import { COACHING_COMMANDS } from './features/coaching/coaching.registry';
import {
  saveAgentRoutingCommand,
  saveQueueRoutingCommand,
} from './features/routing-admin/routing-admin.commands';
import { supervisionCommands } from './supervision/supervision-wiring';
import { createReplyCommand } from './channels/email/reply.command';
import { chatSendCommand } from './channels/web/chat-send.command';
import { saveCannedResponseCommand } from './features/canned/save-canned-response.command';
import { createCallCommands } from './channels/phone/call.commands';
import { createMonitorCallCommand } from './channels/phone/monitor.command';

/**
 * Every command the server runs, one typed entry per command type: each declares who may send
 * it (`who`), on what (`scope`) and what it does (`handle`). A command type without an entry, or
 * an entry without a permission, does not compile.
 */
export function createCommandRegistry(deps: {
  mailFrom: string;
  /** Sends committed outbound jobs (mail, call control) now rather than at the worker's next tick. */
  kickOutbound(): void;
}): CommandRegistry {
  const { kickOutbound } = deps;
  return {
    [T.setAgentState]: setAgentStateCommand,
    [T.addNote]: addNoteCommand,
    [T.setCaseStatus]: createSetCaseStatusCommand({ kickOutbound }),
    [T.reply]: createReplyCommand(deps),
    [T.chatSend]: chatSendCommand,
    [T.setUserDisabled]: setUserDisabledCommand,
    // accept, end, hold, resume and transfer tell the phone system about calls.
    ...createCallCommands({ kickOutbound }),
    [T.declineContact]: declineContactCommand,
    [T.completeWrapUp]: completeWrapUpCommand,
    [T.createContact]: createContactCommand,
    [T.scheduleCallback]: scheduleCallbackCommand,
    [T.identifyContact]: identifyContactCommand,
    [T.saveQueueRouting]: saveQueueRoutingCommand,
    [T.saveAgentRouting]: saveAgentRoutingCommand,
    [T.setSurveyPreference]: setSurveyPreferenceCommand,
    [T.saveCannedResponse]: saveCannedResponseCommand,
    ...supervisionCommands({ kickOutbound }),
    ...COACHING_COMMANDS,
    [COACHING_COMMAND_TYPES.monitorCall]: createMonitorCallCommand({ kickOutbound }),
  };
}
