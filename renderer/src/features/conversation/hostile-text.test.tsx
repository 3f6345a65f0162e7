// @vitest-environment jsdom
import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { contact, FakeMsn, signedInState } from '../../testing/fake-msn';
import { renderApp } from '../../testing/render';

const HOSTILE = '<img src=x onerror=alert(1)>';

describe('text from the network', () => {
  it('renders hostile names and messages as text in a conversation', async () => {
    const state = signedInState([contact('evil@example.com', HOSTILE)], {
      conversations: {
        c1: {
          id: 'c1',
          participants: [{ handle: 'evil@example.com', friendlyName: HOSTILE }],
          entries: [
            { type: 'message', id: 'm1', from: 'evil@example.com', fromName: HOSTILE, sentAt: 1, text: HOSTILE, delivery: 'received' },
            { type: 'system', id: 's1', kind: 'joined', event: { type: 'joined', name: HOSTILE }, at: 1 },
          ],
          typing: ['evil@example.com'],
          connected: true,
        },
      },
    });
    await renderApp(new FakeMsn(state), '#/conversation/c1');
    expect(document.querySelector('img')).toBeNull();
    expect(screen.getByTestId('message-text').textContent).toBe(HOSTILE);
    expect(screen.getByTestId('participants').textContent).toContain(HOSTILE);
    expect(screen.getByTestId('typing').textContent).toBe(`${HOSTILE} is typing a message.`);
  });

  it('renders a hostile name as text in the contact list and its dialogs', async () => {
    await renderApp(new FakeMsn(signedInState([contact('evil@example.com', HOSTILE)])));
    fireEvent.contextMenu(screen.getByTestId('contact-evil@example.com'));
    fireEvent.click(screen.getByRole('menuitem', { name: 'View Properties' }));
    expect(document.querySelector('img')).toBeNull();
    expect(screen.getByRole('dialog').textContent).toContain(HOSTILE);
  });
});
