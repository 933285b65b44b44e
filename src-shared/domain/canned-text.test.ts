import { describe, expect, it } from 'vitest';
import { fillCannedText, unknownPlaceholders } from './canned-text';

describe('canned response text', () => {
  it('fills in the customer’s name and the case number, spaces inside the braces allowed', () => {
    const text = fillCannedText('Hello {{customer.name}}, about case {{ case.number }}.', {
      customerName: 'Jane Doe',
      caseNumber: 1042,
    });
    expect(text).toBe('Hello Jane Doe, about case 1042.');
  });

  it('leaves a placeholder whose value is not known for the agent to fill in', () => {
    expect(
      fillCannedText('Hello {{customer.name}} ({{case.number}})', { customerName: null, caseNumber: 7 }),
    ).toBe('Hello {{customer.name}} (7)');
  });

  it('does not read a placeholder inside the value it inserts', () => {
    expect(fillCannedText('{{customer.name}}', { customerName: '{{case.number}}', caseNumber: 3 })).toBe(
      '{{case.number}}',
    );
  });

  it('names each unknown placeholder once', () => {
    expect(unknownPlaceholders('{{customer.first}} {{case.number}} {{customer.first}} {{ x }}')).toEqual([
      'customer.first',
      'x',
    ]);
    expect(unknownPlaceholders('Hi {{customer.name}}, no braces { here }')).toEqual([]);
  });
});
