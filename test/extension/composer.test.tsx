import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, type Mock, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { ComposerForm, type ComposerHandle } from '../../extension/entrypoints/sidepanel/composer-form.tsx';
import type { Api, DirectoryItem } from '../../extension/utils/api.ts';
import { request } from '../../extension/utils/messages.ts';
import { pageContextItem } from '../../extension/utils/storage.ts';
import type { PageContext, SimilarAsk } from '../../shared/asks.ts';

vi.mock('../../extension/utils/messages.ts', () => ({ request: vi.fn(), send: vi.fn() }));
// The background's checks of the panel's forms, run here.
vi.mock('../../extension/utils/validation.ts', () => import('./answer-validation.ts'));

const me = {
  org: { id: 'demo', name: 'Demo' },
  person: {
    id: 'sam',
    name: 'Sam',
    email: 'sam@example.com',
    title: '',
    role: 'member' as const,
    active: true,
    departmentIds: [],
  },
  departments: [],
  values: [
    { id: 'v1', name: 'Teamwork' },
    { id: 'v2', name: 'Craft' },
  ],
  preferences: { boardOptOut: false },
};
const directory: DirectoryItem[] = [
  { kind: 'person', id: 'priya', name: 'Priya Natarajan', detail: 'Payroll' },
  { kind: 'department', id: 'payroll', name: 'Payroll', detail: 'Salaries' },
  { kind: 'person', id: 'sam', name: 'Sam', detail: 'Sales' },
];
const page: PageContext = { url: 'https://payroll.example/payslips/11', title: 'Payslip', selection: '' };
const detail = { ask: { id: 'a1' } } as never;

let client: { directory: Mock; follow: Mock; ask: Mock };
let on: { sent: Mock; saved: Mock; followed: Mock; opened: Mock };
const backgroundAnswers = request as unknown as Mock;

/** The composer as the panel shows it, and the handle the panel drives it with. */
function open() {
  const handle: { current: ComposerHandle | null } = { current: null };
  render(<ComposerForm client={client as unknown as Api} me={me} on={on} account="account" handle={handle} />);
  return {
    setPageContext: (context: PageContext | null) => handle.current?.setPageContext(context),
    start: (mode: 'ask' | 'thank') => handle.current?.start(mode),
  };
}

const to = () => screen.getByRole('combobox', { name: 'To' });
const status = () => document.getElementById('composer-status')!.textContent;
const chips = () => [...document.querySelectorAll('.chip-name')].map((c) => c.textContent);

async function pick(query: string, name: string) {
  fireEvent.input(to(), { target: { value: query } });
  fireEvent.keyDown(to(), { key: 'Enter' });
  await screen.findByRole('button', { name: `Remove ${name}` });
}
const type = (label: string, value: string) => fireEvent.input(screen.getByLabelText(label), { target: { value } });
const send = () => fireEvent.click(screen.getByRole('button', { name: 'Send' }));
const sentItem = () => backgroundAnswers.mock.lastCall?.[0].item;

describe('the composer', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    client = {
      directory: vi.fn(async (q: string) => ({
        entries: directory.filter((e) => e.name.toLowerCase().startsWith(q.toLowerCase())),
      })),
      follow: vi.fn(async () => detail),
      ask: vi.fn(async () => detail),
    };
    on = { sent: vi.fn(), saved: vi.fn(), followed: vi.fn(), opened: vi.fn() };
    backgroundAnswers.mockReset();
    backgroundAnswers.mockResolvedValue({ id: 'o1', outcome: { state: 'sent' } });
  });
  afterEach(() => {
    cleanup();
    document.body.replaceChildren();
    vi.restoreAllMocks();
  });

  describe('after a quick capture', () => {
    const note = () => document.getElementById('keyboard-note') as HTMLElement;

    it('says the keyboard is still on the page when the browser left the panel without it, until it gets it', () => {
      const c = open();
      vi.spyOn(document, 'hasFocus').mockReturnValue(false);
      act(() => c.start('thank'));
      expect(document.activeElement?.id).toBe('recipient');
      expect(screen.getByRole('button', { name: 'Thank' }).getAttribute('aria-pressed')).toBe('true');
      expect(note().hidden).toBe(false);
      expect(note().textContent).toContain('click here');
      act(() => {
        window.dispatchEvent(new Event('focus'));
      });
      expect(note().hidden).toBe(true);
    });

    it('says nothing when the panel has the keyboard', () => {
      const c = open();
      vi.spyOn(document, 'hasFocus').mockReturnValue(true);
      act(() => c.start('ask'));
      expect(document.activeElement?.id).toBe('recipient');
      expect(note().hidden).toBe(true);
    });
  });

  it('sends a thank-you through the outbox with Ctrl+Enter, says so at the top and clears the form', async () => {
    open();
    fireEvent.click(screen.getByRole('button', { name: 'Thank' }));
    await pick('pri', 'Priya Natarajan');
    type('Message', 'You found my overtime. Thank you!');
    fireEvent.click(screen.getByRole('button', { name: 'Teamwork' }));
    fireEvent.keyDown(screen.getByLabelText('Message'), { key: 'Enter', ctrlKey: true });
    await waitFor(() => expect(status()).toBe('Thanks sent to Priya Natarajan.'));
    expect(backgroundAnswers).toHaveBeenCalledWith({
      type: 'outbox-send',
      item: {
        request: {
          kind: 'thank',
          body: {
            to: [{ kind: 'person', id: 'priya' }],
            message: 'You found my overtime. Thank you!',
            values: ['v1'],
            visibility: 'public',
          },
        },
        to: 'Priya Natarajan',
        snippet: 'You found my overtime. Thank you!',
        key: expect.any(String),
      },
    });
    expect(on.sent).toHaveBeenCalled();
    expect(chips()).toEqual([]);
    expect((screen.getByLabelText('Message') as HTMLTextAreaElement).value).toBe('');
    expect(screen.getByRole('button', { name: 'Teamwork' }).getAttribute('aria-pressed')).toBe('false');
  });

  it('puts the confirmation above the form, where the cursor goes, and brings it into view', async () => {
    const scrolled = vi.fn();
    HTMLElement.prototype.scrollIntoView = scrolled;
    open();
    await pick('payr', 'Payroll');
    type('Subject', 'Overtime missing');
    send();
    await waitFor(() => expect(status()).toBe('Ask sent to Payroll.'));
    const line = document.getElementById('composer-status')!;
    // Before the recipient field and the fields, not under the Send button.
    expect(line.compareDocumentPosition(to()) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(line.compareDocumentPosition(screen.getByRole('button', { name: 'Send' }))).toBe(
      Node.DOCUMENT_POSITION_FOLLOWING,
    );
    expect(scrolled.mock.contexts).toContain(line);
    expect(document.activeElement).toBe(to());
    expect(screen.queryByRole('listbox', { hidden: false })).toBeNull();
  });

  it('sends an ask with the page attached, then forgets the page (here and in storage)', async () => {
    await pageContextItem.setValue(page);
    const c = open();
    act(() => c.setPageContext(page));
    expect(document.getElementById('ask-context')?.textContent).toContain('Payslip');
    await pick('payr', 'Payroll');
    type('Subject', 'Overtime missing');
    send();
    await waitFor(() => expect(status()).toBe('Ask sent to Payroll.'));
    expect(sentItem().request.body).toMatchObject({ to: { kind: 'department', id: 'payroll' }, context: page });
    expect(document.getElementById('ask-context')).toBeNull();
    expect(screen.queryByLabelText('Attach this page')).toBeNull();
    await waitFor(async () => expect(await pageContextItem.getValue()).toBeNull());
  });

  it('keeps the page after a thank-you, for the ask that may follow', async () => {
    const c = open();
    act(() => c.setPageContext(page));
    fireEvent.click(screen.getByRole('button', { name: 'Thank' }));
    await pick('pri', 'Priya Natarajan');
    type('Message', 'Thanks!');
    send();
    await waitFor(() => expect(status()).toBe('Thanks sent to Priya Natarajan.'));
    fireEvent.click(screen.getByRole('button', { name: 'Ask' }));
    expect(document.getElementById('ask-context')?.textContent).toContain('Payslip');
  });

  it('says "Saved" when the send waits in the outbox, and frees the form', async () => {
    backgroundAnswers.mockResolvedValue({ id: 'o1', outcome: { state: 'pending' } });
    open();
    await pick('payr', 'Payroll');
    type('Subject', 'Overtime missing');
    send();
    await waitFor(() => expect(status()).toBe('Saved — will send when the server is reachable.'));
    expect(on.saved).toHaveBeenCalled();
    expect(chips()).toEqual([]);
  });

  it('drops "Thanks sent" once the person switches to Ask', async () => {
    open();
    fireEvent.click(screen.getByRole('button', { name: 'Thank' }));
    await pick('pri', 'Priya Natarajan');
    type('Message', 'Thanks!');
    send();
    await waitFor(() => expect(status()).toBe('Thanks sent to Priya Natarajan.'));
    fireEvent.click(screen.getByRole('button', { name: 'Ask' }));
    expect(status()).toBe('');
  });

  it('keeps only the first recipient when switching from Thank back to Ask', async () => {
    open();
    fireEvent.click(screen.getByRole('button', { name: 'Thank' }));
    await pick('pri', 'Priya Natarajan');
    await pick('payr', 'Payroll');
    fireEvent.click(screen.getByRole('button', { name: 'Ask' }));
    expect(chips()).toEqual(['Priya Natarajan']);
  });

  it('puts each error beside its field and takes it away once the field is right', async () => {
    open();
    send();
    const subject = screen.getByLabelText('Subject');
    await screen.findByText('Choose who to ask');
    expect(screen.getByText('Say what you need')).toBeTruthy();
    expect(subject.getAttribute('aria-invalid')).toBe('true');
    expect(subject.getAttribute('aria-describedby')).toContain('ask-subject-error');
    expect(document.activeElement).toBe(to());
    expect(backgroundAnswers).not.toHaveBeenCalled();

    type('Subject', '   '); // still says nothing
    await new Promise((r) => setTimeout(r, 20)); // the form checked it again
    expect(screen.getByText('Say what you need')).toBeTruthy();
    type('Subject', 'Overtime missing');
    await waitFor(() => expect(screen.queryByText('Say what you need')).toBeNull());
    expect(subject.getAttribute('aria-invalid')).toBeNull();
    expect(screen.getByText('Choose who to ask')).toBeTruthy();
    await pick('payr', 'Payroll');
    await waitFor(() => expect(screen.queryByText('Choose who to ask')).toBeNull());
    expect(to().getAttribute('aria-invalid')).toBeNull();
  });

  it('refuses to thank oneself, beside the recipients', async () => {
    open();
    fireEvent.click(screen.getByRole('button', { name: 'Thank' }));
    await pick('sam', 'Sam');
    type('Message', 'Well done me');
    send();
    await screen.findByText('You cannot thank yourself');
    expect(backgroundAnswers).not.toHaveBeenCalled();
  });

  it('shows a refusal from the server beside its field, and the rest in the alert', async () => {
    backgroundAnswers.mockResolvedValue({
      id: 'o1',
      outcome: {
        state: 'failed',
        message: 'Invalid',
        fields: { subject: 'Too vague', 'context.url': 'Not a web page' },
      },
    });
    open();
    await pick('payr', 'Payroll');
    type('Subject', 'Help');
    send();
    await screen.findByText('Too vague');
    expect(screen.getByRole('alert').textContent).toBe('Attached page: Not a web page');
    expect(document.activeElement).toBe(screen.getByLabelText('Subject'));
    expect(chips()).toEqual(['Payroll']);
  });

  it('never cuts a long text: a counter shows from 80% of the limit, and the send is refused with the reason', async () => {
    open();
    const subject = screen.getByLabelText('Subject') as HTMLInputElement;
    expect(subject.hasAttribute('maxlength')).toBe(false);
    type('Subject', 'x'.repeat(111));
    expect(document.querySelector('.char-count')).toBeNull();
    type('Subject', 'x'.repeat(112));
    expect(screen.getByText('112 of 140 characters')).toBeTruthy();
    const pasted = 'y'.repeat(150);
    type('Subject', pasted);
    expect(subject.value).toBe(pasted);
    expect(screen.getByText('150 of 140 characters: 10 too many')).toBeTruthy();
    expect(subject.getAttribute('aria-describedby')).toContain('ask-subject-hint');

    await pick('payr', 'Payroll');
    send();
    await screen.findByText('Too long by 10 (150 of 140 characters). Shorten it to send.');
    expect(subject.getAttribute('aria-invalid')).toBe('true');
    expect(backgroundAnswers).not.toHaveBeenCalled();
    type('Subject', 'y'.repeat(140));
    await waitFor(() => expect(screen.queryByText(/Too long by/)).toBeNull());
  });

  it('counts and refuses a thank-you message over its limit too', async () => {
    open();
    fireEvent.click(screen.getByRole('button', { name: 'Thank' }));
    await pick('pri', 'Priya Natarajan');
    type('Message', 'z'.repeat(1001));
    expect(screen.getByText('1001 of 1000 characters: 1 too many')).toBeTruthy();
    send();
    await screen.findByText('Too long by 1 (1001 of 1000 characters). Shorten it to send.');
    expect(backgroundAnswers).not.toHaveBeenCalled();
  });

  describe('when a similar ask is open', () => {
    const similar = (mine: boolean): SimilarAsk => ({
      id: 'a1',
      to: { id: 'payroll', name: 'Payroll' },
      createdAt: new Date().toISOString(),
      status: 'open',
      subject: 'Overtime missing',
      mine,
    });
    async function sendDuplicate(mine: boolean) {
      backgroundAnswers.mockResolvedValueOnce({
        id: 'o1',
        outcome: { state: 'duplicate', duplicateOf: similar(mine) },
      });
      const c = open();
      act(() => c.setPageContext(page));
      await pick('payr', 'Payroll');
      type('Subject', 'My overtime too');
      send();
    }

    it('offers to follow someone else’s ask, or to send anyway', async () => {
      await sendDuplicate(false);
      const follow = await screen.findByRole('button', { name: 'Follow it' });
      expect(screen.getByText(/There is already an open ask to Payroll about this page/)).toBeTruthy();
      expect(document.activeElement).toBe(follow);
      fireEvent.click(follow);
      await waitFor(() => expect(on.followed).toHaveBeenCalledWith(detail));
      expect(client.follow).toHaveBeenCalledWith('a1', page.url);
      expect(document.getElementById('duplicate-notice')).toBeNull();
    });

    it('never offers to follow the person’s own ask: says it is theirs and opens it', async () => {
      await sendDuplicate(true);
      const openMine = await screen.findByRole('button', { name: 'Open my ask' });
      expect(screen.getByText(/You already have an open ask to Payroll about this page/)).toBeTruthy();
      expect(screen.queryByRole('button', { name: 'Follow it' })).toBeNull();
      fireEvent.click(openMine);
      await waitFor(() => expect(on.opened).toHaveBeenCalledWith(detail));
      expect(client.ask).toHaveBeenCalledWith('a1');
      expect(client.follow).not.toHaveBeenCalled();
      // The draft stays, should they come back to it.
      expect((screen.getByLabelText('Subject') as HTMLInputElement).value).toBe('My overtime too');
    });

    it('sends anyway on request, marked as a deliberate duplicate with its own key', async () => {
      await sendDuplicate(false);
      await screen.findByRole('button', { name: 'Follow it' });
      const firstKey = sentItem().key;
      fireEvent.click(screen.getByRole('button', { name: 'Send mine anyway' }));
      await waitFor(() => expect(status()).toBe('Ask sent to Payroll.'));
      expect(sentItem().request.body).toMatchObject({ allowDuplicate: true, subject: 'My overtime too' });
      expect(sentItem().key).not.toBe(firstKey);
    });
  });
});
