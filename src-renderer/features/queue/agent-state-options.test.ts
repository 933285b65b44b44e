import { describe, expect, it } from 'vitest';
import { choiceOf, payloadOf } from './agent-state-options';

describe('agent state choices', () => {
  it('turns a choice into the command payload, Away always with its reason', () => {
    expect(payloadOf('available')).toEqual({ state: 'available' });
    expect(payloadOf('away:lunch')).toEqual({
      state: 'away',
      reasonCode: 'lunch',
    });
    expect(payloadOf('offline')).toEqual({ state: 'offline' });
  });

  it('refuses what is not a choice, like the reason only routing may set', () => {
    expect(payloadOf('away:missed')).toBeNull();
    expect(payloadOf('busy')).toBeNull();
  });

  it('shows the current state as a choice', () => {
    expect(choiceOf({ state: 'away', reasonCode: 'training' })).toBe('away:training');
    expect(choiceOf({ state: 'available', reasonCode: null })).toBe('available');
  });
});
