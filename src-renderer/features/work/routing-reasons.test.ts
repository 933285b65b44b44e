import { describe, expect, it } from 'vitest';
import { ROUTING_REASONS } from '../../../src-shared/protocol/contacts';
import { en } from '../../i18n/en';
import { es } from '../../i18n/es';
import { dispositionLabel } from './disposition-label';

describe('routing reasons and dispositions as people read them', () => {
  it('translates every routing reason code, in English and Spanish', () => {
    for (const lang of [en, es]) {
      const strings: Record<string, string> = lang.routingReasons;
      expect(ROUTING_REASONS.filter((code) => !strings[code]?.trim())).toEqual([]);
      expect(Object.keys(strings).sort()).toEqual([...ROUTING_REASONS].sort());
    }
  });

  it('turns a disposition code into words', () => {
    expect(dispositionLabel('callback_scheduled')).toBe('Callback scheduled');
    expect(dispositionLabel('no-fault-found')).toBe('No fault found');
    expect(dispositionLabel('resolved')).toBe('Resolved');
  });
});
