import { z } from 'zod';

/** `POST /api/v1/channels/web/forms`: the contact form on a customer's website. */
export const WebFormSubmission = z.object({
  name: z.string().trim().min(1).max(200),
  email: z.email().max(320),
  subject: z.string().trim().min(1).max(500),
  message: z.string().trim().min(1).max(20_000),
  customerId: z.string().min(1).max(64).optional(),
  /** The case this continues; honoured only when it belongs to the same person. */
  caseId: z.string().min(1).max(64).optional(),
  /** Which web form this is (intake rules may send each form to its own queue). */
  source: z.string().trim().min(1).max(64).optional(),
  /** Honeypot: hidden from people, filled by bots. Anything here and nothing is stored. */
  website: z.string().max(2000).optional(),
});
export type WebFormSubmission = z.infer<typeof WebFormSubmission>;

export const WebFormReceipt = z.object({ caseNumber: z.number().int(), caseId: z.string() });
export type WebFormReceipt = z.infer<typeof WebFormReceipt>;

/** Socket events of the live web chat: namespace `/visitor` (visitors) and the console socket (agents). */
export const CHAT_EVENTS = {
  /** visitor → server `ChatStart`, ack `{conversationId, token}` */
  start: 'chat:start',
  /** visitor → server `ChatLine` (ack); server → visitor `VisitorChatLine`; agent → server is the `chat:send` command */
  message: 'chat:message',
  /** both ways `ChatTyping`; agent → server adds `contactId` */
  typing: 'chat:typing',
  /** visitor → server: the visitor leaves (ack) */
  leave: 'chat:leave',
  /** server → visitor: the conversation is over */
  ended: 'chat:ended',
  /** server → returning visitor: the lines so far (`VisitorChatLine[]`), so a reload shows them */
  history: 'chat:history',
} as const;

export const VISITOR_NAMESPACE = '/visitor';

export const ChatStart = z.object({
  name: z.string().trim().min(1).max(200),
  email: z.email().max(320),
  message: z.string().trim().min(1).max(5000).optional(),
  /** Which chat widget the visitor used (intake rules may send each widget to its own queue). */
  source: z.string().trim().min(1).max(64).optional(),
});
export type ChatStart = z.infer<typeof ChatStart>;

export const ChatStarted = z.object({ conversationId: z.string(), token: z.string() });
export type ChatStarted = z.infer<typeof ChatStarted>;

/** What a returning visitor presents in the handshake `auth`. */
export const VisitorAuth = z.object({
  conversationId: z.string().min(1).max(100),
  token: z.string().min(1).max(200),
});
export type VisitorAuth = z.infer<typeof VisitorAuth>;

export const ChatLine = z.object({ body: z.string().trim().min(1).max(5000) });
export type ChatLine = z.infer<typeof ChatLine>;

export const ChatTyping = z.object({ typing: z.boolean() });
export type ChatTyping = z.infer<typeof ChatTyping>;

/** The agent's typing state on a chat contact they hold (console socket). */
export const AgentChatTyping = ChatTyping.extend({ contactId: z.string().min(1).max(64) });
export type AgentChatTyping = z.infer<typeof AgentChatTyping>;

/** The visitor's typing state, pushed to the holding agent's console. */
export const VisitorTyping = ChatTyping.extend({ contactId: z.string() });
export type VisitorTyping = z.infer<typeof VisitorTyping>;

/** A line as the visitor sees it: agents by display name only. */
export const VisitorChatLine = z.object({
  id: z.string(),
  from: z.enum(['visitor', 'agent']),
  name: z.string(),
  body: z.string(),
  at: z.string(),
});
export type VisitorChatLine = z.infer<typeof VisitorChatLine>;

/** The agent's chat line (command `chat:send`). */
export const ChatSendPayload = z.object({
  contactId: z.string().min(1).max(64),
  /** Client-made so the optimistic row and the server row share one id. */
  messageId: z.uuid(),
  body: z.string().trim().min(1).max(5000),
});
export type ChatSendPayload = z.infer<typeof ChatSendPayload>;
