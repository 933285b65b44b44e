import type { Channel } from '../../../src-shared/protocol/entities';
import type { Role } from '../../../src-shared/protocol/auth';
import type { Random } from '../../../src-shared/domain/random';
import type { QueueRouting } from '../../../src-shared/protocol/routing-config';
import { DEFAULT_QUEUE_ROUTING } from '../stored-routing';
import type * as schema from '../schema';

type TeamRow = typeof schema.teams.$inferInsert;
type QueueRow = typeof schema.queues.$inferInsert;
type ProductRow = typeof schema.products.$inferInsert;
type SkillRow = typeof schema.skills.$inferInsert;
type AgentSkillRow = typeof schema.agentSkills.$inferInsert;

export const TEAMS: TeamRow[] = [
  { id: 'team_support_en', name: 'Support EN' },
  { id: 'team_support_es', name: 'Support ES' },
  { id: 'team_tier2', name: 'Tier 2' },
  { id: 'team_inside_sales', name: 'Inside Sales' },
  { id: 'team_development', name: 'Development' },
];

const ALL_CHANNELS: Channel[] = ['phone', 'email', 'web', 'chat', 'callback'];

export const QUEUE_IDS = {
  supportEn: 'q_support_en',
  supportEs: 'q_support_es',
  tier2: 'q_tier2',
  insideSales: 'q_inside_sales',
  development: 'q_dev_escalation',
} as const;

const DISPOSITION_CODES = ['resolved', 'workaround', 'escalated', 'callback_scheduled', 'no_fault_found'];

/** Support desks answer around the clock; the rest keep office hours (split shifts, holidays). */
function routingFor(overrides: Partial<QueueRouting>): QueueRouting {
  return { ...DEFAULT_QUEUE_ROUTING, dispositions: DISPOSITION_CODES, ...overrides };
}

/**
 * Demo intake rules (docs/ROUTING.md): the support mailbox and line go to the support desk in the
 * customer's language, which also takes every web form and chat; sales@ and the sales line go to
 * Inside Sales. Nothing enters Tier 2 or Development directly: agents escalate there.
 */
const SUPPORT_INTAKE: QueueRouting['intake'] = {
  addresses: ['support@agentdeck.test'],
  numbers: ['+18005550100'],
  sources: [],
  defaultFor: ALL_CHANNELS,
};
const SALES_INTAKE: QueueRouting['intake'] = {
  addresses: ['sales@agentdeck.test'],
  numbers: ['+18005550199'],
  sources: ['renewal-form'],
  defaultFor: [],
};

const OFFICE_HOURS: QueueRouting['businessHours'] = {
  timeZone: 'America/New_York',
  weekly: [1, 2, 3, 4, 5].flatMap((day) => [
    { day, open: '08:00', close: '12:00' },
    { day, open: '13:00', close: '18:00' },
  ]),
  holidays: ['2026-11-26', '2026-12-25', '2027-01-01'],
};

export const QUEUES: (QueueRow & { channels: Channel[]; routing: QueueRouting })[] = [
  {
    id: QUEUE_IDS.supportEn,
    name: 'Support EN',
    teamId: 'team_support_en',
    language: 'en',
    tier: 1,
    channels: ALL_CHANNELS,
    routing: routingFor({ overflowAfterSeconds: 120, intake: SUPPORT_INTAKE }),
  },
  {
    id: QUEUE_IDS.supportEs,
    name: 'Support ES',
    teamId: 'team_support_es',
    language: 'es',
    tier: 1,
    channels: ALL_CHANNELS,
    routing: routingFor({
      overflowAfterSeconds: 120,
      intake: SUPPORT_INTAKE,
      businessHours: { timeZone: 'Europe/Madrid', weekly: [], holidays: ['2026-12-25', '2027-01-01'] },
    }),
  },
  {
    id: QUEUE_IDS.tier2,
    name: 'Tier 2',
    teamId: 'team_tier2',
    language: 'en',
    tier: 2,
    channels: ['phone', 'email', 'web', 'callback'],
    routing: routingFor({
      requiredSkills: [{ skillId: 'skill_tier2', minProficiency: 3 }],
      wrapUpMaxSeconds: 300,
    }),
  },
  {
    id: QUEUE_IDS.insideSales,
    name: 'Inside Sales',
    teamId: 'team_inside_sales',
    language: 'en',
    tier: 1,
    channels: ['phone', 'email', 'web'],
    routing: routingFor({
      businessHours: OFFICE_HOURS,
      intake: SALES_INTAKE,
      dispositions: ['renewal_quoted', 'renewed', 'not_interested', 'follow_up'],
    }),
  },
  {
    id: QUEUE_IDS.development,
    name: 'Development escalation',
    teamId: 'team_development',
    language: 'en',
    tier: 3,
    channels: ['email', 'web'],
    routing: routingFor({
      requiredSkills: [{ skillId: 'skill_tier3', minProficiency: 3 }],
      wrapUpMaxSeconds: 600,
      overflowAfterSeconds: 0,
    }),
  },
];

export const PRODUCTS: ProductRow[] = [
  { id: 'prod_ledger_cloud', name: 'Ledger Cloud' },
  { id: 'prod_payroll_pro', name: 'Payroll Pro' },
  { id: 'prod_field_service', name: 'Field Service' },
  { id: 'prod_data_bridge_api', name: 'Data Bridge API' },
  { id: 'prod_inventory_hub', name: 'Inventory Hub' },
  { id: 'prod_expense_flow', name: 'Expense Flow' },
];

export const LANGUAGES = ['en', 'es', 'de', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];
const LANGUAGE_NAMES: Record<Language, string> = {
  en: 'English',
  es: 'Spanish',
  de: 'German',
  fr: 'French',
};

export const productSkillId = (productId: string) => `skill_${productId}`;
export const languageSkillId = (language: string) => `skill_lang_${language}`;
export const tierSkillId = (tier: number) => `skill_tier${tier}`;

export const SKILLS: SkillRow[] = [
  ...PRODUCTS.map((p) => ({ id: productSkillId(p.id), kind: 'product', name: p.name })),
  ...LANGUAGES.map((l) => ({ id: languageSkillId(l), kind: 'language', name: LANGUAGE_NAMES[l] })),
  ...[1, 2, 3].map((t) => ({ id: tierSkillId(t), kind: 'tier', name: `Tier ${t}` })),
];

/** A member of staff; the first five are the documented demo accounts. */
export interface StaffMember {
  username: string;
  displayName: string;
  role: Role;
  teamId: string | null;
  tier: number;
  languages: Language[];
}

const staff = (
  username: string,
  displayName: string,
  role: Role,
  teamId: string | null,
  tier: number,
  languages: Language[],
): StaffMember => ({ username, displayName, role, teamId, tier, languages });

export const STAFF: StaffMember[] = [
  staff('ana', 'Ana Torres', 'agent', 'team_support_en', 1, ['en', 'es']),
  staff('ben', 'Ben Carter', 'agent', 'team_support_en', 1, ['en']),
  staff('carl', 'Carl Jensen', 'coach', 'team_support_en', 2, ['en']),
  staff('sofia', 'Sofia Lindqvist', 'supervisor', 'team_support_en', 2, ['en']),
  staff('admin', 'Admin', 'admin', null, 1, ['en']),
  staff('maya', 'Maya Patel', 'agent', 'team_support_en', 1, ['en']),
  staff('david', 'David Okafor', 'agent', 'team_support_en', 1, ['en', 'fr']),
  staff('emily', 'Emily Brooks', 'agent', 'team_support_en', 1, ['en']),
  staff('lukas', 'Lukas Becker', 'agent', 'team_support_en', 1, ['en', 'de']),
  staff('chloe', 'Chloé Martin', 'agent', 'team_support_en', 1, ['en', 'fr']),
  staff('jamal', 'Jamal Reed', 'agent', 'team_support_en', 1, ['en']),
  staff('lucia', 'Lucía Romero', 'agent', 'team_support_es', 1, ['es', 'en']),
  staff('mateo', 'Mateo Herrera', 'agent', 'team_support_es', 1, ['es']),
  staff('carmen', 'Carmen Vidal', 'agent', 'team_support_es', 1, ['es', 'en']),
  staff('diego', 'Diego Navarro', 'agent', 'team_support_es', 1, ['es', 'fr']),
  staff('elena', 'Elena Castillo', 'coach', 'team_support_es', 2, ['es', 'en']),
  staff('dana', 'Dana Whitfield', 'coach', 'team_support_es', 2, ['en', 'es']),
  staff('eli', 'Eli Nakamura', 'coach', 'team_inside_sales', 2, ['en']),
  staff('javier', 'Javier Morales', 'supervisor', 'team_support_es', 2, ['es', 'en']),
  staff('priya', 'Priya Raman', 'agent', 'team_tier2', 2, ['en']),
  staff('tom', 'Tom Gallagher', 'agent', 'team_tier2', 2, ['en']),
  staff('hannah', 'Hannah Schmidt', 'agent', 'team_tier2', 2, ['en', 'de']),
  staff('olivia', 'Olivia Grant', 'agent', 'team_inside_sales', 1, ['en']),
  staff('marcus', 'Marcus Hill', 'agent', 'team_inside_sales', 1, ['en', 'es']),
  staff('kenji', 'Kenji Watanabe', 'agent', 'team_development', 3, ['en']),
  staff('nora', 'Nora Fischer', 'agent', 'team_development', 3, ['en', 'de']),
];

export const userIdOf = (username: string) => `usr_${username}`;

/**
 * Skills for an agent: every language they speak, their tier and the ones below it, and a
 * handful of products. Proficiency grows with tier so escalation teams look like specialists.
 */
export function agentSkillsFor(member: StaffMember, rng: Random): AgentSkillRow[] {
  const userId = userIdOf(member.username);
  const rows: AgentSkillRow[] = member.languages.map((language, index) => ({
    userId,
    skillId: languageSkillId(language),
    proficiency: index === 0 ? 5 : rng.int(3, 4),
  }));
  for (let tier = 1; tier <= member.tier; tier++) {
    rows.push({ userId, skillId: tierSkillId(tier), proficiency: tier === member.tier ? rng.int(3, 5) : 5 });
  }
  const productCount = member.tier === 1 ? rng.int(3, 6) : rng.int(2, 4);
  for (const product of rng.shuffle(PRODUCTS).slice(0, productCount)) {
    const floor = Math.min(5, member.tier + 1);
    rows.push({ userId, skillId: productSkillId(product.id), proficiency: rng.int(floor - 1, 5) });
  }
  return rows;
}
