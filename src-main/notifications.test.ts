import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createNotifier } from './notifications';
import { Notification, resetFakeElectron } from './testing/fake-electron';

vi.mock('electron', () => import('./testing/fake-electron'));

function lastNotification(): Notification {
  const notification = Notification.created.at(-1);
  if (!notification) throw new Error('no notification was created');
  return notification;
}

beforeEach(() => resetFakeElectron());

describe('native notifications', () => {
  it('show the title, body and one action button, and stay until the person acts', () => {
    createNotifier(vi.fn())({
      id: 'offer-1',
      title: 'Incoming call',
      body: 'ACME Corp',
      actionLabel: 'Accept',
    });
    const notification = lastNotification();
    expect(notification.options).toMatchObject({
      title: 'Incoming call',
      body: 'ACME Corp',
      actions: [{ type: 'button', text: 'Accept' }],
      timeoutType: 'never',
    });
    expect(notification.show).toHaveBeenCalled();
  });

  it('report a click and an action with the notification id', () => {
    const onAction = vi.fn();
    createNotifier(onAction)({
      id: 'offer-1',
      title: 'Incoming call',
      body: 'ACME Corp',
      actionLabel: 'Accept',
    });
    lastNotification().emit('click');
    lastNotification().emit('action', {}, 0);
    expect(onAction.mock.calls).toEqual([
      [{ id: 'offer-1', action: 'click' }],
      [{ id: 'offer-1', action: 'action' }],
    ]);
  });

  it('have no button without an action label', () => {
    createNotifier(vi.fn())({ id: 'n', title: 'Back online', body: '' });
    expect(lastNotification().options).toMatchObject({ actions: [], timeoutType: 'default' });
  });

  it('replace an earlier notification with the same id', () => {
    const show = createNotifier(vi.fn());
    show({ id: 'offer-1', title: 'Incoming call', body: 'ACME' });
    const first = lastNotification();
    show({ id: 'offer-1', title: 'Incoming call', body: 'ACME (2nd try)' });
    expect(first.close).toHaveBeenCalled();
  });

  it('fail clearly where the system has no notifications', () => {
    Notification.supported = false;
    expect(() => createNotifier(vi.fn())({ id: 'n', title: 't', body: 'b' })).toThrow(/not supported/);
  });
});
