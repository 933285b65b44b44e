import { CHANNELS, type Channel } from '../../../../src-shared/protocol/channels';
import { SaveQueueRoutingPayload } from '../../../../src-shared/protocol/commands';
import type { Queue } from '../../../../src-shared/protocol/entities';
import type {
  OpeningInterval,
  QueueRouting,
  ServiceLevelTarget,
} from '../../../../src-shared/protocol/routing-config';
import { duplicateSkillProblems, problemsOf, type FieldProblems } from './field-errors';

/**
 * The queue editor's values: the command's shape, except that every channel has a service level
 * (the inputs of a channel not served keep their values and are left out of the command).
 */
export type QueueForm = {
  channels: Channel[];
  routing: Omit<QueueRouting, 'serviceLevels'> & { serviceLevels: Record<Channel, ServiceLevelTarget> };
};

export type QueueFormCheck =
  { ok: true; payload: SaveQueueRoutingPayload } | { ok: false; problems: FieldProblems };

const FALLBACK_SERVICE_LEVEL: ServiceLevelTarget = { seconds: 60, percent: 80 };

export function queueToForm(queue: Queue): QueueForm {
  const { routing } = queue;
  const serviceLevels = Object.fromEntries(
    CHANNELS.map((c) => [c, { ...(routing.serviceLevels[c] ?? FALLBACK_SERVICE_LEVEL) }]),
  ) as Record<Channel, ServiceLevelTarget>;
  return {
    channels: CHANNELS.filter((c) => queue.channels.includes(c)),
    routing: {
      ...routing,
      requiredSkills: routing.requiredSkills.map((s) => ({ ...s })),
      serviceLevels,
      businessHours: {
        ...routing.businessHours,
        weekly: routing.businessHours.weekly.map((i) => ({ ...i })),
        holidays: [...routing.businessHours.holidays].sort(),
      },
      offerTimeouts: { ...routing.offerTimeouts },
      dispositions: [...routing.dispositions],
      intake: {
        addresses: [...routing.intake.addresses],
        numbers: [...routing.intake.numbers],
        sources: [...routing.intake.sources],
        defaultFor: CHANNELS.filter((c) => routing.intake.defaultFor.includes(c)),
      },
    },
  };
}

/** The command the form's values make (not yet checked): list order is kept so errors map back. */
export function formToPayload(queueId: string, form: QueueForm): SaveQueueRoutingPayload {
  const served = CHANNELS.filter((c) => form.channels.includes(c));
  return {
    queueId,
    channels: served,
    routing: {
      ...form.routing,
      serviceLevels: Object.fromEntries(served.map((c) => [c, form.routing.serviceLevels[c]])),
      businessHours: {
        ...form.routing.businessHours,
        holidays: [...new Set(form.routing.businessHours.holidays)].sort(),
      },
      dispositions: [...new Set(form.routing.dispositions.map((d) => d.trim()).filter(Boolean))],
    },
  };
}

/** Checks the form with the command's own schema (the one the server parses with). */
export function checkQueueForm(queueId: string, form: QueueForm): QueueFormCheck {
  const payload = formToPayload(queueId, form);
  const parsed = SaveQueueRoutingPayload.safeParse(payload);
  const duplicates = duplicateSkillProblems(
    payload.routing.requiredSkills.map((s) => s.skillId),
    'routing.requiredSkills',
  );
  const problems = {
    ...(parsed.success ? {} : collapseTagLists(problemsOf(parsed.error.issues))),
    ...duplicates,
  };
  if (parsed.success && Object.keys(problems).length === 0) return { ok: true, payload: parsed.data };
  return { ok: false, problems };
}

// Tags and dates are edited as one input each: a problem with one item shows on the list.
const TAG_LISTS = [
  'routing.dispositions',
  'routing.businessHours.holidays',
  'routing.intake.addresses',
  'routing.intake.numbers',
  'routing.intake.sources',
];

function collapseTagLists(problems: FieldProblems): FieldProblems {
  const collapsed: FieldProblems = {};
  for (const [path, problem] of Object.entries(problems)) {
    const list = TAG_LISTS.find((prefix) => path.startsWith(`${prefix}.`));
    collapsed[list ?? path] ??= problem;
  }
  return collapsed;
}

/** A new opening interval on `day`: after the day's last one when there is room, else 09:00–17:00. */
export function nextInterval(weekly: OpeningInterval[], day: number): OpeningInterval {
  const last = weekly
    .filter((i) => i.day === day)
    .map((i) => i.close)
    .sort()
    .at(-1);
  if (!last || last >= '23:00') return { day, open: '09:00', close: '17:00' };
  const [hours] = last.split(':').map(Number);
  const open = `${String((hours ?? 0) + 1).padStart(2, '0')}:00`;
  return { day, open, close: open < '18:00' ? '18:00' : '24:00' };
}
