import { z } from 'zod';
import { Channel } from './channels';
import { ContactStatus } from './contacts';

/** The most interactions the Screen pop asks for, and how many it shows when not told. */
export const INTERACTIONS_MAX = 50;
export const INTERACTIONS_DEFAULT = 10;

/**
 * One earlier (or current) contact of a customer on any channel, as the Screen pop lists it: when,
 * where it was routed, and how it ended (the disposition the agent picked, else its status).
 */
export const Interaction = z.object({
  contactId: z.string(),
  channel: Channel,
  at: z.string(),
  queueId: z.string(),
  queueName: z.string(),
  status: ContactStatus,
  disposition: z.string().nullable(),
  subject: z.string(),
  caseNumber: z.number().int().nullable(),
});
export type Interaction = z.infer<typeof Interaction>;

export const InteractionsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(INTERACTIONS_MAX).default(INTERACTIONS_DEFAULT),
});

export const InteractionsResponse = z.object({ interactions: z.array(Interaction) });
export type InteractionsResponse = z.infer<typeof InteractionsResponse>;
