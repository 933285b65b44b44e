// @vitest-environment jsdom
import { MantineProvider } from '@mantine/core';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import '../../i18n/i18n';
import type { CaseSummary } from '../../../src-shared/protocol/entities';
import { db } from '../../data/db';
import { useAppStore } from '../../store/store';
import { ApiRequestError, ServerUnreachableError } from '../../sync/http-client';
import { loadCase } from '../../sync/remote-reads';
import { installJsdomShims } from '../../testing/jsdom-shims';
import { CaseView } from './CaseView';

vi.mock('../../sync/remote-reads', () => ({ loadCase: vi.fn() }));

beforeAll(() => {
  installJsdomShims();
  useAppStore.setState({
    user: { id: 'usr_ana', username: 'ana', displayName: 'Ana Torres', roles: ['agent'] },
    connection: 'online',
  });
});

afterEach(async () => {
  cleanup();
  vi.clearAllMocks();
  await db.delete({ disableAutoOpen: false });
});

/** A case of the Spanish queue, known on this computer from the customer's case list. */
const spanishCase: CaseSummary = {
  id: 'case_es',
  number: 1042,
  customerId: 'cus_jose',
  requesterName: 'José García',
  requesterAddress: 'jose@example.es',
  subject: 'No puedo exportar facturas',
  status: 'open',
  severity: 3,
  product: 'Ledger Cloud',
  queueId: 'q_es',
  createdAt: '2026-11-01T10:00:00.000Z',
  updatedAt: '2026-11-01T10:00:00.000Z',
  version: 1,
};

function renderCase() {
  return render(
    <MantineProvider>
      <CaseView caseId="case_es" />
    </MantineProvider>,
  );
}

describe('a case the server will not hand out', () => {
  it('shows its summary only, says why, and offers no reply or note', async () => {
    await db.cases.put(spanishCase);
    vi.mocked(loadCase).mockRejectedValue(new ApiRequestError(404, 'not_found', 'No case case_es'));
    renderCase();
    expect(
      await screen.findByText('This case belongs to a queue you do not serve: only its summary is shown.'),
    ).toBeTruthy();
    expect(screen.getByTestId('case-subject').textContent).toBe('No puedo exportar facturas');
    expect(screen.queryByRole('button', { name: 'Save note' })).toBeNull();
    expect(screen.queryByText('No messages.')).toBeNull(); // not "none": not handed out
    expect(screen.queryByRole('button', { name: 'Send reply' })).toBeNull();
  });

  it('while the server cannot be reached, shows the copy on this computer and keeps the composers', async () => {
    await db.cases.put(spanishCase);
    vi.mocked(loadCase).mockRejectedValue(new ServerUnreachableError(new Error('offline')));
    renderCase();
    expect(
      await screen.findByText(
        'Could not load the latest from the server; showing the copy on this computer.',
      ),
    ).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Save note' })).toBeTruthy();
  });
});
