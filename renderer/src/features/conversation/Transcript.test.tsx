import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Conversation, TranscriptEntry } from '../../../../shared/model';
import { contact, FakeMsn, signedInState } from '../../testing/fake-msn';
import { layOutVirtualLists } from '../../testing/layout';
import { renderApp } from '../../testing/render';

const ENTRY_HEIGHT = 40;
const alice = contact('alice@example.com', 'Alice');

function message(index: number, delivery: 'received' | 'failed' = 'received'): TranscriptEntry {
  return {
    type: 'message',
    id: `m${index}`,
    from: alice.handle,
    fromName: 'Alice',
    sentAt: Date.UTC(2024, 0, 5, 14, 30),
    text: `Message number ${index}`,
    delivery,
    ...(delivery === 'failed' ? { failedFor: [alice.handle] } : {}),
  };
}

function longConversation(count: number, failedAt?: number): Conversation {
  return {
    id: 'c1',
    participants: [{ handle: alice.handle, friendlyName: 'Alice' }],
    entries: Array.from({ length: count }, (_, index) => message(index, index === failedAt ? 'failed' : 'received')),
    typing: [],
    connected: true,
  };
}

/** happy-dom moves scrollTop without the scroll event a browser sends: send it. */
async function scrolled(): Promise<void> {
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 20));
    fireEvent.scroll(screen.getByTestId('transcript'));
  });
}

const drawnTexts = () => screen.queryAllByTestId('message-text').map((text) => text.textContent);

layOutVirtualLists({ rowHeight: ENTRY_HEIGHT, viewportHeight: 480 });

describe('a long transcript', () => {
  it('draws only the entries around the newest of 10,000, where it opens', async () => {
    await renderApp(new FakeMsn(signedInState([alice], { conversations: { c1: longConversation(10_000) } })), '#/conversation/c1');
    await waitFor(async () => {
      await scrolled();
      expect(drawnTexts()).toContain('Message number 9999');
    });
    const drawn = drawnTexts();
    expect(drawn.length).toBeGreaterThan(5);
    expect(drawn.length).toBeLessThan(60);
    expect(drawn).toContain('Message number 9999');
    expect(drawn).not.toContain('Message number 0');
    expect(screen.getByRole('log', { name: 'Conversation' }).getAttribute('aria-live')).toBe('off');
  });

  it('draws the first entries when scrolled to the top', async () => {
    await renderApp(new FakeMsn(signedInState([alice], { conversations: { c1: longConversation(2_000) } })), '#/conversation/c1');
    const transcript = screen.getByTestId('transcript');
    act(() => {
      transcript.scrollTop = 0;
      fireEvent.scroll(transcript);
    });
    expect(drawnTexts()).toContain('Message number 0');
    expect(drawnTexts()).not.toContain('Message number 1999');
  });

  it('keeps the entry holding keyboard focus drawn when the transcript scrolls away from it', async () => {
    await renderApp(new FakeMsn(signedInState([alice], { conversations: { c1: longConversation(2_000, 1_995) } })), '#/conversation/c1');
    await waitFor(async () => {
      await scrolled();
      expect(drawnTexts()).toContain('Message number 1995');
    });
    const failed = screen.getAllByTestId('message').find((entry) => entry.textContent?.includes('Message number 1995')) as HTMLElement;
    const resend = within(failed).getByRole('button', { name: 'Resend' });
    act(() => resend.focus());
    const transcript = screen.getByTestId('transcript');
    act(() => {
      transcript.scrollTop = 0;
      fireEvent.scroll(transcript);
    });
    expect(drawnTexts()).toContain('Message number 0');
    expect(drawnTexts()).toContain('Message number 1995');
    expect(document.activeElement).toBe(resend);
  });

  it('holding only the newest entries, asks for the older ones a page at a time as they are drawn', async () => {
    const whole = longConversation(1_000);
    const fake = new FakeMsn(signedInState([alice], { conversations: { c1: { ...whole, entries: whole.entries.slice(800), olderEntries: 800 } } }));
    fake.respond('conversationEntries', (id, from, count) => ({ ok: true, value: id === 'c1' ? whole.entries.slice(from, from + count) : [] }));
    await renderApp(fake, '#/conversation/c1');
    await waitFor(async () => {
      await scrolled();
      expect(drawnTexts()).toContain('Message number 999');
    });
    expect(fake.callsOf('conversationEntries')).toEqual([]);
    const transcript = screen.getByTestId('transcript');
    act(() => {
      transcript.scrollTop = 0;
      fireEvent.scroll(transcript);
    });
    expect(screen.getAllByTestId('loading-entry').length).toBeGreaterThan(5);
    await waitFor(() => expect(drawnTexts()).toContain('Message number 0'));
    expect(screen.queryAllByTestId('loading-entry')).toEqual([]);
    expect(fake.callsOf('conversationEntries')).toEqual([['c1', 0, 200]]);
    expect(screen.getByTestId('transcript').querySelector('[data-index="0"]')?.textContent).toContain('Message number 0');
  });
});
