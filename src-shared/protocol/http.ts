import { z } from 'zod';
import {
  AdminUser,
  Agent,
  CaseDetail,
  Customer,
  CustomerDetail,
  KbArticle,
  Queue,
  Team,
  VolumeDay,
} from './entities';
import { UserPublic } from './auth';
import { Skill } from './routing-config';
import { Channel } from './channels';
import { ContactStatus } from './contacts';

/** Response bodies of the read routes in `routes.ts`. */
export const CustomerSearchQuery = z.object({
  q: z.string().trim().max(200).default(''),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export const CustomerSearchResponse = z.object({ customers: z.array(Customer) });
export type CustomerSearchResponse = z.infer<typeof CustomerSearchResponse>;

export const CustomerResponse = z.object({ customer: CustomerDetail });
export const CaseResponse = z.object({ case: CaseDetail });
/** An agent's current work: what they are offered, handling or wrapping up. */
export const AgentWork = z.object({ contactId: z.string(), channel: Channel, status: ContactStatus });
export type AgentWork = z.infer<typeof AgentWork>;
export const AgentWithWork = Agent.extend({ work: z.array(AgentWork) });
export type AgentWithWork = z.infer<typeof AgentWithWork>;
export const AgentsResponse = z.object({ agents: z.array(AgentWithWork) });
export type AgentsResponse = z.infer<typeof AgentsResponse>;
export const QueuesResponse = z.object({ queues: z.array(Queue) });
export const TeamsResponse = z.object({ teams: z.array(Team) });
export const SkillsResponse = z.object({ skills: z.array(Skill) });
export const KbSearchQuery = z.object({ q: z.string().trim().max(200).default('') });
export const KbSearchResponse = z.object({ articles: z.array(KbArticle) });
export const VolumeQuery = z.object({ days: z.coerce.number().int().min(1).max(366).default(30) });
export const VolumeResponse = z.object({ days: z.array(VolumeDay) });
export type VolumeResponse = z.infer<typeof VolumeResponse>;
export const AdminUsersResponse = z.object({ users: z.array(AdminUser) });
export type AdminUsersResponse = z.infer<typeof AdminUsersResponse>;
export const MeResponse = z.object({ user: UserPublic });
export const IdParams = z.object({ id: z.string().min(1).max(64) });
