// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Message } from '../../../src-shared/protocol/entities';
import { db } from '../../data/db';
import { useCaseMessages } from '../../data/case-hooks';
import { discardOutboxEntry } from '../../data/outbox-repository';
import { MessageList } from './MessageList';
import { ReplyComposer } from './ReplyComposer';
import { frameDocument } from './SandboxedHtml';
import { EMILY, renderSignedIn, resetConsole } from '../../testing/render-signed-in';

/** Emily, offline: what she writes waits in the outbox. */
const EMILY_OFFLINE = { user: EMILY, connection: 'offline' } as const;

afterEach(resetConsole);

const inbound: Message = {
  id: 'msg_in',
  caseId: 'case_1',
  contactId: null,
  direction: 'inbound',
  channel: 'email',
  from: 'jane.roe@acme.com',
  fromName: 'Jane Roe',
  to: ['support@agentdeck.test'],
  subject: 'Invoice export fails',
  bodyText: 'It fails.',
  bodyHtml: '<p>It <b>fails</b>.</p><img src=x onerror="parent.pwned=1">',
  attachments: [{ id: 'att_1', filename: 'log.txt', contentType: 'text/plain', size: 2048 }],
  delivery: null,
  at: '2026-11-20T10:00:00.000Z',
};

function Thread() {
  return <MessageList messages={useCaseMessages('case_1') ?? []} />;
}

async function seedCase() {
  await db.cases.put({
    id: 'case_1',
    number: 42,
    customerId: null,
    requesterName: 'Jane Roe',
    requesterAddress: 'jane.roe@acme.com',
    subject: 'Invoice export fails',
    status: 'open',
    severity: 3,
    product: null,
    queueId: 'q_support_en',
    createdAt: inbound.at,
    updatedAt: inbound.at,
    version: 1,
  });
  await db.messages.put(inbound);
}

describe('the email thread', () => {
  it('shows HTML only inside an empty-sandbox frame whose first rule forbids everything', async () => {
    await seedCase();
    renderSignedIn(<Thread />, EMILY_OFFLINE);
    const frame = await screen.findByTestId('message-html');
    expect(frame.tagName).toBe('IFRAME');
    expect(frame.getAttribute('sandbox')).toBe('');
    const doc = frame.getAttribute('srcdoc') ?? '';
    expect(doc.indexOf('Content-Security-Policy')).toBeLessThan(doc.indexOf('<p>It'));
    expect(doc).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`);
    // Nothing of the message became part of the console's own page.
    expect(document.querySelector('img[onerror]')).toBeNull();
    expect(screen.getByRole('button', { name: 'Download log.txt' })).toBeTruthy();
    expect(screen.getByText('2 kB')).toBeTruthy();
  });

  it('puts the policy before anything the sender wrote', () => {
    const doc = frameDocument('</head><meta http-equiv="Content-Security-Policy" content="script-src *">');
    expect(doc.indexOf("default-src 'none'")).toBeLessThan(doc.indexOf('script-src *'));
  });
});

describe('writing a reply offline', () => {
  it('shows it Queued at once, keeps it in the outbox, and discarding removes both', async () => {
    await seedCase();
    renderSignedIn(
      <>
        <Thread />
        <ReplyComposer caseId="case_1" />
      </>,
      EMILY_OFFLINE,
    );
    const box = await screen.findByLabelText('Reply');
    expect(screen.getByText('To jane.roe@acme.com')).toBeTruthy();
    fireEvent.change(box, { target: { value: 'We are on it.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send reply' }));

    await waitFor(() => expect(screen.getAllByTestId('message')).toHaveLength(2));
    const reply = screen.getAllByTestId('message')[1]!;
    expect(within(reply).getByText('We are on it.')).toBeTruthy();
    expect(within(reply).getByTestId('message-delivery').textContent).toBe('Queued');
    expect(within(reply).getByText('Re: Invoice export fails [#42]')).toBeTruthy();
    const [entry] = await db.outbox.toArray();
    expect(entry).toMatchObject({ type: 'case:reply', payload: { caseId: 'case_1', body: 'We are on it.' } });

    await discardOutboxEntry(entry!.commandId);
    await waitFor(() => expect(screen.getAllByTestId('message')).toHaveLength(1));
  });

  it('refuses an empty reply without writing anything', async () => {
    await seedCase();
    renderSignedIn(<ReplyComposer caseId="case_1" />, EMILY_OFFLINE);
    fireEvent.click(await screen.findByRole('button', { name: 'Send reply' }));
    expect(await screen.findByText('Write the reply first.')).toBeTruthy();
    expect(await db.outbox.count()).toBe(0);
  });

  it('offers no reply on a case without an email address', async () => {
    await seedCase();
    await db.cases.update('case_1', { requesterAddress: '+14155550100' });
    await db.messages.clear();
    renderSignedIn(
      <>
        <ReplyComposer caseId="case_1" />
        <span>rendered</span>
      </>,
      EMILY_OFFLINE,
    );
    await screen.findByText('rendered');
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.queryByLabelText('Reply')).toBeNull();
  });
});
