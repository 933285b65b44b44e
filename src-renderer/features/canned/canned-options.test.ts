import { describe, expect, it } from 'vitest';
import type { CannedResponse } from '../../../src-shared/protocol/canned-responses';
import { appendText, cannedOptionGroups } from './canned-options';

const response = (id: string, title: string, language: string): CannedResponse => ({
  id,
  title,
  body: 'x',
  language,
  queueId: null,
  teamId: null,
  shared: true,
  ownerId: 'usr_admin',
  archived: false,
  updatedAt: '2026-12-01T00:00:00.000Z',
  version: 1,
});

describe('canned response picker options', () => {
  it('puts the customer’s language first, then the others alphabetically, titles in order', () => {
    const groups = cannedOptionGroups(
      [
        response('1', 'Greeting', 'en'),
        response('2', 'Saludo', 'es'),
        response('3', 'Cierre', 'es'),
        response('4', 'Bonjour', 'fr'),
      ],
      'es',
    );
    expect(groups.map((g) => g.group)).toEqual(['ES', 'EN', 'FR']);
    expect(groups[0]?.items.map((i) => i.label)).toEqual(['Cierre', 'Saludo']);
  });

  it('appends an inserted text after a blank line, or starts the reply with it', () => {
    expect(appendText('', 'Hello')).toBe('Hello');
    expect(appendText('Thanks.\n', 'Hello')).toBe('Thanks.\n\nHello');
  });
});
