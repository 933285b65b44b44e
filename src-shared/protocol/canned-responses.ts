import { z } from 'zod';
import { CANNED_PLACEHOLDERS, unknownPlaceholders } from '../domain/canned-text';

/**
 * Canned responses (issue 15): a title and a body with placeholders, in one language, for one
 * queue, one team or every queue. Shared ones are managed by supervisors (their team's) and
 * admins; personal ones by their owner alone.
 */
export const CannedResponse = z.object({
  id: z.string(),
  title: z.string(),
  body: z.string(),
  language: z.string(),
  queueId: z.string().nullable(),
  teamId: z.string().nullable(),
  shared: z.boolean(),
  ownerId: z.string(),
  archived: z.boolean(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type CannedResponse = z.infer<typeof CannedResponse>;

const id = z.string().min(1).max(64);

/** Creates (an unknown id) or edits a canned response; `archived: true` takes it out of the pickers. */
export const SaveCannedResponsePayload = z
  .object({
    /** Client-made for a new response, so a retry cannot create two. */
    cannedId: id,
    title: z.string().trim().min(1).max(120),
    body: z
      .string()
      .trim()
      .min(1)
      .max(5_000)
      .refine((body) => unknownPlaceholders(body).length === 0, {
        message: `unknown placeholder; use ${CANNED_PLACEHOLDERS.map((p) => `{{${p}}}`).join(' or ')}`,
      }),
    language: z.string().trim().min(2).max(8),
    /** At most one of queue and team; neither: every queue. */
    queueId: id.optional(),
    teamId: id.optional(),
    shared: z.boolean(),
    archived: z.boolean().default(false),
  })
  .refine((p) => p.queueId === undefined || p.teamId === undefined, {
    message: 'name a queue or a team, not both',
    path: ['teamId'],
  });
export type SaveCannedResponsePayload = z.infer<typeof SaveCannedResponsePayload>;

/** `GET /api/v1/canned-responses`: the ones the caller may use, optionally of one language or queue. */
export const CannedResponsesQuery = z.object({
  language: z.string().min(2).max(8).optional(),
  queueId: id.optional(),
});
export type CannedResponsesQuery = z.infer<typeof CannedResponsesQuery>;

export const CannedResponsesResponse = z.object({ responses: z.array(CannedResponse) });
export type CannedResponsesResponse = z.infer<typeof CannedResponsesResponse>;
