import type { Config } from '../../platform/config';
import type { RateLimits, Verdict } from '../../platform/rate-limits';
import { clientKey } from '../../platform/client-key';

const LINE_WINDOW_S = 10;
const TYPING_PER_WINDOW = 30;

export interface VisitorLimits {
  /** A new chat from this address (the web form's number per minute). */
  mayStart(address: string): Promise<Verdict>;
  /** A line in this conversation from this address: counted per conversation and per address. */
  mayWrite(conversationId: string, address: string): Promise<Verdict>;
  /** A typing notice in this conversation. */
  mayType(conversationId: string): Promise<Verdict>;
}

/**
 * What the visitors of the chat widget may send, counted per conversation and per client address
 * (an IPv6 client: per /64) rather than per socket — ten tabs on one conversation or ten
 * conversations from one address share their budget — and shared by every node through Redis
 * when it is there.
 */
export function createVisitorLimits(limits: RateLimits, config: Config): VisitorLimits {
  const starts = limits.shared('chat-starts', { points: config.webFormRateLimit, durationS: 60 });
  const linesByConversation = limits.shared('chat-lines', {
    points: config.chatLineRateLimit,
    durationS: LINE_WINDOW_S,
  });
  const linesByAddress = limits.shared('chat-lines-address', {
    points: config.chatAddressLineRateLimit,
    durationS: LINE_WINDOW_S,
  });
  const typing = limits.shared('chat-typing', { points: TYPING_PER_WINDOW, durationS: LINE_WINDOW_S });
  return {
    mayStart: (address) => starts.take(clientKey(address)),
    async mayWrite(conversationId, address) {
      const byConversation = await linesByConversation.take(conversationId);
      return byConversation.isAllowed ? linesByAddress.take(clientKey(address)) : byConversation;
    },
    mayType: (conversationId) => typing.take(conversationId),
  };
}
