// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Customer } from '../../../src-shared/protocol/entities';
import { db } from '../../data/db';
import { cacheInteractions } from '../../data/interactions-repository';
import { resetUiState, useAppStore } from '../../store/store';
import { renderSignedIn, resetConsole } from '../../testing/render-signed-in';
import { contactFixture } from '../work/work-fixtures';
import { ScreenPop } from './ScreenPop';

vi.mock('../../sync/remote-reads', () => ({
  loadCustomer: vi.fn(() => Promise.resolve()),
  loadCase: vi.fn(() => Promise.resolve()),
  loadInteractions: vi.fn(() => Promise.resolve()),
}));

const vera: Customer = {
  id: 'cus_1',
  companyId: 'co_1',
  name: 'Vera Lindgren',
  email: 'vera@example.com',
  phone: '+14155550123',
  language: 'en',
  company: {
    id: 'co_1',
    name: 'Lindgren AB',
    domain: 'example.com',
    tier: 'gold',
    contractExpiresAt: '2030-01-01T00:00:00.000Z',
    language: 'en',
  },
};

beforeEach(() => resetUiState()); // what a reload starts with
afterEach(resetConsole);

const renderPop = () => renderSignedIn(<ScreenPop />);

describe('the Screen pop after a reload (issue 11, finding 4)', () => {
  it('shows the customer of the contact the agent is on, without a click', async () => {
    await db.customers.put(vera);
    await db.contacts.put(contactFixture({ status: 'active', offerExpiresAt: null }));
    renderPop();
    expect(await screen.findByRole('heading', { name: 'Vera Lindgren' })).toBeTruthy();
    expect(useAppStore.getState().selectedCustomerId).toBe('cus_1');
  });

  it('leaves a customer the agent opened themselves alone', async () => {
    await db.customers.bulkPut([vera, { ...vera, id: 'cus_other', name: 'Otto Other' }]);
    await db.contacts.put(contactFixture({ status: 'active', offerExpiresAt: null }));
    useAppStore.getState().openCustomer('cus_other');
    renderPop();
    expect(await screen.findByRole('heading', { name: 'Otto Other' })).toBeTruthy();
    expect(useAppStore.getState().selectedCustomerId).toBe('cus_other');
  });

  it('does not pop a contact that is only offered', async () => {
    await db.customers.put(vera);
    await db.contacts.put(contactFixture({ status: 'offered' }));
    renderPop();
    await waitFor(() => expect(screen.getByText('Search for a customer to see their record.')).toBeTruthy());
    expect(useAppStore.getState().selectedCustomerId).toBeNull();
  });
});

describe('the last interactions in the Screen pop (issue 15)', () => {
  it("lists the customer's contacts on every channel with queue and outcome", async () => {
    await db.customers.put(vera);
    await db.contacts.put(contactFixture({ status: 'active', offerExpiresAt: null }));
    const at = '2026-11-02T09:30:00.000Z';
    const base = { at, subject: '', queueId: 'q_en', queueName: 'Support EN', caseNumber: null };
    await cacheInteractions('cus_1', [
      { ...base, contactId: 'c1', channel: 'chat', status: 'abandoned', disposition: null },
      {
        ...base,
        contactId: 'c2',
        channel: 'email',
        status: 'closed',
        disposition: 'workaround',
        caseNumber: 42,
      },
    ]);
    renderPop();
    const list = await screen.findByRole('group', { name: 'Last interactions' });
    const rows = await within(list).findAllByTestId('interaction');
    expect(rows.map((row) => row.textContent)).toEqual([
      expect.stringMatching(/^Chat.*Support ENAbandoned$/),
      expect.stringMatching(/^Email.*Support ENWorkaroundcase #42$/),
    ]);
  });

  it('says so when the customer never got in touch', async () => {
    await db.customers.put(vera);
    await db.contacts.put(contactFixture({ status: 'active', offerExpiresAt: null }));
    await cacheInteractions('cus_1', []);
    renderPop();
    expect(await screen.findByText('No earlier contact on any channel.')).toBeTruthy();
  });
});
