// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { i18next } from '../../i18n/i18n';
import { intakeWhy } from './intake-why';

const en = i18next.getFixedT('en');
const es = i18next.getFixedT('es');

describe('why a contact is in its queue, in words (issue 11)', () => {
  it('names the queue, the intake rule and the language that chose it', () => {
    const contact = { intakeReasons: ['intake_address' as const, 'intake_language' as const] };
    expect(intakeWhy(contact, 'Support EN', en)).toBe(
      "In Support EN: Entered by the address it was sent to · Chosen by the customer's language",
    );
    expect(intakeWhy(contact, 'Support EN', es)).toBe(
      'En Support EN: Entró por la dirección a la que se envió · Elegida por el idioma del cliente',
    );
  });

  it('says an expired contract sent it to Inside Sales', () => {
    const contact = { intakeReasons: ['intake_default' as const, 'contract_expired_inside_sales' as const] };
    expect(intakeWhy(contact, 'Inside Sales', en)).toBe(
      'In Inside Sales: Entered the default queue of its channel · Contract expired: sent to Inside Sales',
    );
  });

  it('says nothing when no reason was recorded (logged by hand, or an older contact)', () => {
    expect(intakeWhy({ intakeReasons: [] }, 'Support EN', en)).toBeNull();
    expect(intakeWhy({}, 'Support EN', en)).toBeNull();
  });
});
