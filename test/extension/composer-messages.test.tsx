import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { draftOf } from '../../extension/entrypoints/sidepanel/compose-draft.ts';
import { emptyAsk, emptyThank } from '../../extension/entrypoints/sidepanel/compose-input.ts';
import { DuplicateNotice } from '../../extension/entrypoints/sidepanel/duplicate-notice.tsx';
import { RecipientChips } from '../../extension/entrypoints/sidepanel/recipient-chips.tsx';
import { ShortcutsHint } from '../../extension/entrypoints/sidepanel/shortcuts-hint.tsx';
import { ThankFields } from '../../extension/entrypoints/sidepanel/thank-fields.tsx';
import type { DirectoryItem } from '../../extension/utils/api.ts';
import type { Me } from '../../shared/session.ts';
import { installCommandsAndMenus } from './fake-extras.ts';

// The background's checks of the panel's forms, run here.
vi.mock('../../extension/utils/validation.ts', () => import('./answer-validation.ts'));

const priya: DirectoryItem = { kind: 'person', id: 'priya', name: 'Priya Natarajan', detail: 'Payroll' };
const payroll: DirectoryItem = { kind: 'department', id: 'payroll', name: 'Payroll', detail: 'Salaries' };
const me = { person: { id: 'sam' } } as Me;
const thank = (picked: DirectoryItem[]) =>
  draftOf({
    mode: 'thank',
    picked,
    ask: emptyAsk,
    thank: { ...emptyThank, message: 'Thank you!' },
    context: null,
    me,
  });

/** The composer's messages that carry substitutions: each reads as one sentence, in the catalogue's words. */
describe('the composer’s messages', () => {
  beforeEach(() => fakeBrowser.reset());
  afterEach(() => {
    cleanup();
    document.body.replaceChildren();
  });

  it('lists the quick-capture shortcuts as one sentence, saying which are not set', async () => {
    installCommandsAndMenus().getAll.mockResolvedValue([
      { name: 'quick-ask', shortcut: 'Alt+Shift+A' },
      { name: 'quick-thank', shortcut: '' },
      { name: '_execute_action', shortcut: 'Alt+T' },
    ]);
    render(<ShortcutsHint />);
    await waitFor(() =>
      expect(document.getElementById('shortcuts-text')?.textContent).toBe(
        'Quick ask: Alt+Shift+A · Quick thank: not set.',
      ),
    );
  });

  it('says how many values a thank-you may carry', () => {
    const values = [{ id: 'v1', name: 'Teamwork' }] as Me['values'];
    render(
      <ThankFields
        hidden={false}
        value={emptyThank}
        change={() => {}}
        errors={{}}
        values={values}
        messageRef={{ current: null }}
      />,
    );
    expect(screen.getByRole('group').querySelector('legend')?.textContent).toBe('Values (up to 3)');
  });

  it('names several recipients as a list, and refuses a thank-you to oneself', async () => {
    expect(await thank([priya, payroll])).toMatchObject({ draft: { to: 'Priya Natarajan, Payroll' } });
    const self: DirectoryItem = { kind: 'person', id: 'sam', name: 'Sam', detail: '' };
    expect(await thank([self])).toMatchObject({ errors: { to: 'You cannot thank yourself' } });
  });

  it('names the recipient a chip removes', () => {
    render(<RecipientChips picked={[priya]} remove={() => {}} />);
    expect(screen.getByRole('button', { name: 'Remove Priya Natarajan' })).toBeTruthy();
  });

  it('quotes the similar ask’s subject beside its status', () => {
    const similar = {
      id: 'a1',
      to: { id: 'payroll', name: 'Payroll' },
      createdAt: new Date().toISOString(),
      status: 'in_progress' as const,
      subject: 'Overtime missing',
      mine: false,
    };
    const done = async () => {};
    render(<DuplicateNotice similar={similar} follow={done} open={done} sendAnyway={done} />);
    expect(document.querySelector('.notice-subject')?.textContent).toBe('“Overtime missing” · In progress');
  });
});
