import { describe, expect, it } from 'vitest';
import { screensForRoles } from './screens-for-roles';

describe('screensForRoles', () => {
  it('gives each role its screens', () => {
    expect(screensForRoles(['agent'])).toEqual(['queue', 'quality']);
    expect(screensForRoles(['coach'])).toEqual(['coaching', 'reports']);
    expect(screensForRoles(['supervisor'])).toEqual(['supervisor', 'coaching', 'reports']);
    expect(screensForRoles(['admin'])).toEqual(['coaching', 'reports', 'admin']);
  });

  it('adds up the screens of several roles without repeats', () => {
    expect(screensForRoles(['agent', 'supervisor', 'admin'])).toEqual([
      'queue',
      'quality',
      'supervisor',
      'coaching',
      'reports',
      'admin',
    ]);
  });
});
