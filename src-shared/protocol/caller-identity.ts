import { z } from 'zod';
import { Customer } from './entities';

/**
 * A customer the agent creates from the search pop for a caller or sender nobody knew. The
 * company is found by name (else by the mail domain) before a new one is made.
 */
export const QuickCustomer = z
  .object({
    /** Client-made, so a retry cannot create a second customer. */
    customerId: z.uuid(),
    name: z.string().trim().min(1).max(200),
    phone: z.string().trim().max(40).default(''),
    email: z.union([z.literal(''), z.email().max(320)]).default(''),
    company: z.string().trim().min(1).max(200),
    language: z
      .string()
      .trim()
      .regex(/^[a-z]{2}$/, 'a two-letter language code, like en or es')
      .default('en'),
  })
  .refine((c) => c.phone !== '' || c.email !== '', {
    message: 'give a phone number or an email address',
    path: ['phone'],
  });
export type QuickCustomer = z.infer<typeof QuickCustomer>;

/**
 * The agent says who a contact is from: an existing customer (picked among candidates or
 * searched), or one created on the spot. The choice is kept on the contact and pops the same
 * customer for the next contact from that number or address.
 */
export const IdentifyContactPayload = z
  .object({
    contactId: z.string().min(1).max(64),
    customerId: z.string().min(1).max(64).optional(),
    newCustomer: QuickCustomer.optional(),
  })
  .refine((p) => (p.customerId === undefined) !== (p.newCustomer === undefined), {
    message: 'name either a customer or a new customer',
    path: ['customerId'],
  });
export type IdentifyContactPayload = z.infer<typeof IdentifyContactPayload>;

/** A customer the contact may be from, with when they were last in touch (null: never). */
export const CallerCandidate = Customer.extend({ lastContactAt: z.string().nullable() });
export type CallerCandidate = z.infer<typeof CallerCandidate>;

/** GET /api/v1/contacts/:id/candidates: the customers matching its number or address, most recent first. */
export const CallerCandidatesResponse = z.object({ candidates: z.array(CallerCandidate) });
export type CallerCandidatesResponse = z.infer<typeof CallerCandidatesResponse>;
