import { expect, test } from '@playwright/test';
import { CaseResponse } from '../../src-shared/protocol/http';
import {
  apiGet,
  apiToken,
  expectOnline,
  findCaseInQueue,
  openCase,
  screenshot,
  signInThroughForm,
} from './console/console-helpers';
import { useDemoAgents } from './console/agent-lock';

useDemoAgents('nora');

// socket.io frames: `42[/nsp,]<ackId>["event",…]` asks, `43[/nsp,]<ackId>[answer]` answers.
const EMIT_WITH_ACK = /^42(?:\/[^,]*,)?(\d+)\[/;
const ACK = /^43(?:\/[^,]*,)?(\d+)\[/;
const COMMAND_ID = /"commandId":"([0-9a-f-]{36})"/;

test('a note whose ack is lost after the server applied it is answered on retry, not applied twice', async ({
  page,
  context,
  request,
}) => {
  // The console waits 10 s for an ack before it resends; two sign-ins' worth of margin on top.
  test.setTimeout(120_000);
  const token = await apiToken(request, 'nora');
  const { customer, kase } = await findCaseInQueue(request, token, 'q_dev_escalation');
  const body = `Lost ack note ${Date.now()}`;
  const notesOnServer = async () => {
    const { case: detail } = await apiGet(request, token, `/api/v1/cases/${kase.id}`, CaseResponse);
    return detail.notes.filter((n) => n.body === body).length;
  };

  // A relay on the console's socket: it passes everything, except that it drops the server's
  // answer to the first send of our note — the command is applied, the console never hears so.
  const sends: string[] = [];
  const ackIdsToDrop = new Set<string>();
  let droppedAcks = 0;
  await context.routeWebSocket(/socket\.io/, (ws) => {
    const server = ws.connectToServer();
    ws.onMessage((message) => {
      const text = message.toString();
      const ask = EMIT_WITH_ACK.exec(text);
      if (ask?.[1] && text.includes(body)) {
        sends.push(COMMAND_ID.exec(text)?.[1] ?? 'no command id');
        if (sends.length === 1) ackIdsToDrop.add(ask[1]);
      }
      server.send(message);
    });
    server.onMessage((message) => {
      const ackId = ACK.exec(message.toString())?.[1];
      if (ackId && ackIdsToDrop.delete(ackId)) return void droppedAcks++;
      ws.send(message);
    });
  });

  await signInThroughForm(page, 'nora');
  await expectOnline(page);
  await openCase(page, customer, kase);
  await page.getByLabel('Note', { exact: true }).fill(body);
  await page.getByRole('button', { name: 'Save note' }).click();

  // The server has the note (its live push shows it), but the command's answer never came: the
  // console still holds the write in its outbox.
  await expect.poll(notesOnServer, { timeout: 15_000 }).toBe(1);
  // The answer leaves the server just after the commit the API already shows: wait for the relay.
  await expect.poll(() => droppedAcks, { timeout: 5_000 }).toBe(1);
  await expect(page.getByTestId('unsent-count')).toHaveText('1 unsent');
  await screenshot(page, 'nora-note-ack-lost');

  // The console gives up waiting and resends under the same command id; the answer is the first one.
  await expect(page.getByTestId('unsent-count')).toHaveCount(0, { timeout: 45_000 });
  const note = page.getByTestId('note').filter({ hasText: body });
  await expect(note.getByTestId('note-unsent')).toHaveCount(0);
  expect(sends.length).toBeGreaterThanOrEqual(2);
  expect(new Set(sends)).toEqual(new Set([sends[0]]));
  expect(await notesOnServer()).toBe(1);
  await expect(page.getByTestId('note').filter({ hasText: body })).toHaveCount(1);
  await screenshot(page, 'nora-note-ack-retried');
});
