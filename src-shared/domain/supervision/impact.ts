import type { ImpactPreview, ImpactSummary, WaitOutcome } from '../../protocol/supervision';
import type { RoutingContact, RoutingQueue } from '../routing/types';
import { applyAction, type SupervisorAction } from './actions';
import { slaThresholdSeconds, type QueueState } from './queue-state';
import { DEFAULT_HORIZON_MS, forecastOffers, type ForecastOptions, type Placement } from './simulate';

/**
 * The cost of a supervisor's action before they confirm it: the forecast (`forecastOffers`) run
 * on the floor as it is and as it would be after the action, compared contact by contact.
 */

interface Expected {
  /** Whole seconds from when the contact queued until it is offered; null: not within the horizon. */
  waitS: number | null;
  isBreach: boolean;
}

/**
 * A contact's expected wait, and whether it breaches its service level (waits longer than the
 * threshold routing uses). Not offered within the horizon: it waits at least until the horizon
 * ends, a breach only if that alone is past the threshold.
 */
function expectedFor(
  contact: RoutingContact,
  queue: RoutingQueue | undefined,
  placement: Placement | undefined,
  horizonEnd: number,
  queuedAt = contact.queuedAt,
): Expected {
  const thresholdMs = slaThresholdSeconds(contact, queue) * 1000;
  if (!placement) return { waitS: null, isBreach: horizonEnd - queuedAt > thresholdMs };
  const waitedMs = Math.max(0, placement.at - queuedAt);
  return { waitS: Math.round(waitedMs / 1000), isBreach: waitedMs > thresholdMs };
}

function outcome(contactId: string, before: Expected, after: Expected): WaitOutcome {
  return {
    contactId,
    waitBeforeS: before.waitS,
    waitAfterS: after.waitS,
    breachBefore: before.isBreach,
    breachAfter: after.isBreach,
  };
}

const isChanged = (o: WaitOutcome) => o.waitBeforeS !== o.waitAfterS || o.breachBefore !== o.breachAfter;

/** How much longer a contact waits after (Infinity: no longer offered within the horizon). */
function slipOf(o: WaitOutcome): number {
  if (o.waitBeforeS === o.waitAfterS) return 0;
  if (o.waitAfterS === null) return Infinity;
  if (o.waitBeforeS === null) return -Infinity;
  return o.waitAfterS - o.waitBeforeS;
}

/** Longest slip first, then new breaches, then by id: the ones to worry about on top. */
function compareOutcomes(a: WaitOutcome, b: WaitOutcome): number {
  const [slipA, slipB] = [slipOf(a), slipOf(b)];
  if (slipA !== slipB) return slipA > slipB ? -1 : 1;
  const [newA, newB] = [a.breachAfter && !a.breachBefore, b.breachAfter && !b.breachBefore];
  if (newA !== newB) return newA ? -1 : 1;
  return a.contactId < b.contactId ? -1 : a.contactId > b.contactId ? 1 : 0;
}

/** The figures a supervisor reads first: who slips, by how much, and who newly breaches. */
export function summarize(considered: number, affected: readonly WaitOutcome[]): ImpactSummary {
  const summary: ImpactSummary = {
    considered,
    slipped: 0,
    totalSlipS: 0,
    maxSlipS: 0,
    noLongerReached: 0,
    gained: 0,
    totalGainS: 0,
    newBreaches: 0,
    breachesAvoided: 0,
  };
  for (const o of affected) {
    const slip = slipOf(o);
    if (slip > 0) summary.slipped += 1;
    if (slip < 0) summary.gained += 1;
    if (slip === Infinity) summary.noLongerReached += 1;
    else if (slip > 0) {
      summary.totalSlipS += slip;
      summary.maxSlipS = Math.max(summary.maxSlipS, slip);
    } else if (slip < 0 && slip !== -Infinity) summary.totalGainS -= slip;
    if (o.breachAfter && !o.breachBefore) summary.newBreaches += 1;
    if (o.breachBefore && !o.breachAfter) summary.breachesAvoided += 1;
  }
  return summary;
}

/**
 * What the action costs every other waiting contact: each one whose expected wait (whole
 * seconds) or service-level outcome changes, longest slip first, with a summary. `subject` is the
 * contact acted on, when it was waiting: its waits count from when it first queued (what the
 * customer lives through), judged against its queue's threshold before and after.
 */
export function previewImpact(
  state: QueueState,
  action: SupervisorAction,
  options: Pick<ForecastOptions, 'horizonMs'> & {
    /** `forecastOffers(state)` when already made (it is the same for every preview of one floor). */
    before?: ReadonlyMap<string, Placement>;
  } = {},
): ImpactPreview {
  const after = applyAction(state, action);
  const horizonEnd = state.now + (options.horizonMs ?? DEFAULT_HORIZON_MS);
  const placedBefore = options.before ?? forecastOffers(state, { horizonMs: options.horizonMs });
  const placedAfter =
    after === state ? placedBefore : forecastOffers(after, { horizonMs: options.horizonMs });
  const queues = new Map(state.queues.map((q) => [q.id, q]));
  const others = state.contacts.filter((c) => c.id !== action.contactId);
  const outcomes = others.map((c) => {
    const queue = queues.get(c.queueId);
    const before = expectedFor(c, queue, placedBefore.get(c.id), horizonEnd);
    return outcome(c.id, before, expectedFor(c, queue, placedAfter.get(c.id), horizonEnd));
  });
  const affected = outcomes.filter(isChanged).sort(compareOutcomes);
  return { affected, summary: summarize(others.length, affected), subject: subjectOf(state, after) };

  function subjectOf(beforeState: QueueState, afterState: QueueState): WaitOutcome | null {
    const waiting = beforeState.contacts.find((c) => c.id === action.contactId);
    if (!waiting) return null;
    const before = expectedFor(
      waiting,
      queues.get(waiting.queueId),
      placedBefore.get(waiting.id),
      horizonEnd,
    );
    const requeued = afterState.contacts.find((c) => c.id === action.contactId);
    // Reassigned: offered to the agent now. Otherwise: when the forecast offers it in its line.
    const placement = requeued ? placedAfter.get(requeued.id) : { at: state.now, agentId: '' };
    const judged = requeued ?? waiting;
    const afterWait = expectedFor(
      judged,
      queues.get(judged.queueId),
      placement,
      horizonEnd,
      waiting.queuedAt,
    );
    return outcome(waiting.id, before, afterWait);
  }
}
