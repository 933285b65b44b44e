import type { TFunction } from 'i18next';
import type { Contact } from '../../../src-shared/protocol/contacts';

/**
 * Why a contact is in its queue, in words: the intake rule that put it there, the customer's
 * language when that chose among several queues, the expired-contract rule. Null when nothing was
 * recorded (a contact logged by hand, or from before intake reasons were kept). The workspace and
 * the supervisor's drill-down say it alike.
 */
export function intakeWhy(
  contact: Pick<Contact, 'intakeReasons'>,
  queueName: string,
  t: TFunction,
): string | null {
  const reasons = contact.intakeReasons ?? [];
  if (reasons.length === 0) return null;
  const words = reasons.map((reason) => t(`routingReasons.${reason}`)).join(' · ');
  return t('intakeWhy.inQueue', { queue: queueName, reasons: words });
}
