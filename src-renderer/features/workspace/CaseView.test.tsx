// @vitest-environment jsdom
import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CaseSummary } from '../../../src-shared/protocol/entities';
import { db } from '../../data/db';
import { ApiRequestError, ServerUnreachableError } from '../../sync/http-client';
import { loadCase } from '../../sync/remote-reads';
import { renderSignedIn, resetConsole } from '../../testing/render-signed-in';
import { CaseView } from './CaseView';

vi.mock('../../sync/remote-reads', () => ({
  loadCase: vi.fn(),
  loadInteractions: vi.fn(() => Promise.resolve()),
}));

afterEach(async () => {
  vi.clearAllMocks();
  await resetConsole();
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

const renderCase = () => renderSignedIn(<CaseView caseId="case_es" />);

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

describe('the case status flow and SLA clock (issue 15)', () => {
  it('offers only the moves the flow allows from the current status', async () => {
    await db.cases.put({ ...spanishCase, status: 'resolved', slaDueAt: '2026-11-02T10:00:00.000Z' });
    vi.mocked(loadCase).mockResolvedValue();
    renderCase();
    const select = await screen.findByLabelText('Case status');
    const options = [...select.querySelectorAll('option')].map((o) => o.textContent);
    expect(options).toEqual(['Resolved', 'Open', 'Closed']);
    expect((await screen.findByTestId('case-sla')).textContent).toBe('SLA stopped');
  });

  it('shows a case past its due time as breached, with its priority', async () => {
    const dueAt = new Date(Date.now() - 2 * 3_600_000 - 60_000).toISOString();
    await db.cases.put({ ...spanishCase, priority: 'high', slaDueAt: dueAt });
    vi.mocked(loadCase).mockResolvedValue();
    renderCase();
    const sla = await screen.findByTestId('case-sla');
    expect(sla.getAttribute('data-sla')).toBe('breached');
    expect(sla.textContent).toMatch(/^SLA breached 2:01:\d\d ago$/);
    expect(screen.getByText('Priority: High')).toBeTruthy();
  });
});
