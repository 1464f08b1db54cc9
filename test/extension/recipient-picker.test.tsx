import { act, cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { type PickerHandle, RecipientPicker } from '../../extension/entrypoints/sidepanel/recipient-picker.tsx';
import type { DirectoryItem } from '../../extension/utils/api.ts';

const directory: DirectoryItem[] = [
  { kind: 'person', id: 'p1', name: 'Ada Lovelace', detail: 'Engineer' },
  { kind: 'person', id: 'p2', name: 'Alan Turing', detail: 'Researcher' },
  { kind: 'department', id: 'd1', name: 'Accounts', detail: 'Invoices, expenses' },
  { kind: 'person', id: 'p3', name: 'Grace Hopper', detail: 'Admiral' },
];

let search: ReturnType<typeof vi.fn<(q: string) => Promise<DirectoryItem[]>>>;
let onChange: ReturnType<typeof vi.fn<(picked: DirectoryItem[]) => void>>;

/** The picker as a form holds it: the picked recipients live in the parent. */
function Harness({ multiple = false, error }: { multiple?: boolean; error?: string }) {
  const [picked, setPicked] = useState<DirectoryItem[]>([]);
  const handle = { current: null as PickerHandle | null };
  return (
    <RecipientPicker
      id="to"
      label="To"
      search={search}
      picked={picked}
      multiple={multiple}
      error={error}
      handle={handle}
      onChange={(next) => {
        onChange(next);
        setPicked(next);
      }}
    />
  );
}

const input = () => screen.getByRole('combobox', { name: 'To' }) as HTMLInputElement;
const listbox = () => document.getElementById(input().getAttribute('aria-controls')!) as HTMLElement;
const options = () => [...listbox().querySelectorAll<HTMLElement>('[role="option"]')];
const optionNames = () => options().map((o) => o.querySelector('.option-name')?.textContent);
const chipNames = () =>
  screen.queryByRole('list', { name: 'Recipients' })
    ? [...screen.getByRole('list', { name: 'Recipients' }).querySelectorAll('.chip-name')].map((s) => s.textContent)
    : [];
const expanded = () => input().getAttribute('aria-expanded');
const note = () => document.querySelector('[aria-live]')?.textContent;

/** Lets `ms` of fake time pass, with the answers and renders it brings. */
const tick = async (ms: number) => {
  await vi.advanceTimersByTimeAsync(ms);
};

function press(key: string) {
  const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true });
  act(() => {
    input().dispatchEvent(event);
  });
  return event;
}

async function type(text: string, wait = 100) {
  fireEvent.input(input(), { target: { value: text } });
  await act(() => tick(wait));
}

async function focus() {
  act(() => input().focus());
  await act(() => tick(20));
}

describe('recipient picker', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.useFakeTimers();
    search = vi.fn(async (q: string) => directory.filter((e) => e.name.toLowerCase().includes(q.toLowerCase())));
    onChange = vi.fn();
  });
  afterEach(() => {
    cleanup();
    vi.useRealTimers();
  });

  it('is a labelled combobox controlling a listbox, closed at first', () => {
    render(<Harness />);
    expect(input().getAttribute('aria-autocomplete')).toBe('list');
    expect(listbox().getAttribute('role')).toBe('listbox');
    expect(listbox().getAttribute('aria-label')).toBe('Matching people and departments');
    expect(expanded()).toBe('false');
    expect(listbox().hidden).toBe(true);
  });

  it('shows suggestions when focused', async () => {
    render(<Harness />);
    await focus();
    expect(search).toHaveBeenCalledWith('');
    expect(optionNames()).toEqual(directory.map((e) => e.name));
    expect(expanded()).toBe('true');
    expect(screen.getByRole('option', { name: /^Accounts Invoices, expenses , department/ })).toBeTruthy();
  });

  it('searches for what is typed and shows only the matches', async () => {
    render(<Harness />);
    await focus();
    await type('  ac ');
    expect(search).toHaveBeenLastCalledWith('ac');
    expect(optionNames()).toEqual(['Ada Lovelace', 'Accounts', 'Grace Hopper']);
    expect(expanded()).toBe('true');
  });

  it('debounces typing: one search for a burst of keystrokes', async () => {
    render(<Harness />);
    await focus();
    search.mockClear();
    for (const text of ['g', 'gr', 'gra']) await type(text, 20);
    expect(search).not.toHaveBeenCalled();
    await act(() => tick(100));
    expect(search).toHaveBeenCalledTimes(1);
    expect(search).toHaveBeenCalledWith('gra');
    expect(optionNames()).toEqual(['Grace Hopper']);
  });

  it('says when no one matches, and stops saying it once the field is empty', async () => {
    render(<Harness />);
    await focus();
    await type('zzz');
    expect(options()).toHaveLength(0);
    expect(expanded()).toBe('false');
    expect(note()).toBe('No one matches “zzz”.');
    // Emptied: the message goes at once, not when a search answers.
    fireEvent.input(input(), { target: { value: '' } });
    expect(note()).toBe('');
  });

  it('ignores a slow answer to an earlier query', async () => {
    render(<Harness />);
    await focus();
    let releaseSlow!: (v: DirectoryItem[]) => void;
    search.mockImplementationOnce(() => new Promise((r) => (releaseSlow = r)));
    await type('a');
    await type('grace');
    releaseSlow(directory);
    await act(() => tick(0));
    expect(optionNames()).toEqual(['Grace Hopper']);
  });

  it('moves the active option with the arrow keys, wrapping around', async () => {
    render(<Harness />);
    await focus();
    await type('ac');
    expect(input().hasAttribute('aria-activedescendant')).toBe(false);

    expect(press('ArrowDown').defaultPrevented).toBe(true);
    const [first, second, third] = options();
    expect(input().getAttribute('aria-activedescendant')).toBe(first.id);
    expect(first.getAttribute('aria-selected')).toBe('true');

    press('ArrowDown');
    expect(input().getAttribute('aria-activedescendant')).toBe(second.id);
    expect(first.getAttribute('aria-selected')).toBe('false');
    expect(second.getAttribute('aria-selected')).toBe('true');

    press('ArrowDown');
    press('ArrowDown');
    expect(input().getAttribute('aria-activedescendant')).toBe(first.id);

    press('ArrowUp');
    expect(input().getAttribute('aria-activedescendant')).toBe(third.id);
  });

  it('goes to the last option with ArrowUp when none is active', async () => {
    render(<Harness />);
    await focus();
    await type('ac');
    press('ArrowUp');
    expect(input().getAttribute('aria-activedescendant')).toBe(options().at(-1)?.id);
  });

  it('picks the active option with Enter and shows it as a chip', async () => {
    render(<Harness />);
    await focus();
    await type('ac');
    press('ArrowDown');
    press('ArrowDown');
    expect(press('Enter').defaultPrevented).toBe(true);

    expect(chipNames()).toEqual(['Accounts']);
    expect(onChange).toHaveBeenLastCalledWith([directory[2]]);
    expect(input().value).toBe('');
    expect(expanded()).toBe('false');
    expect(input().hasAttribute('aria-activedescendant')).toBe(false);
  });

  it('picks someone with three keys from an empty field: ArrowDown, ArrowDown, Enter', async () => {
    render(<Harness />);
    await focus();
    press('ArrowDown');
    press('ArrowDown');
    press('Enter');
    expect(chipNames()).toEqual(['Alan Turing']);
  });

  it('picks someone with three keys typed: two letters and Enter, faster than the search', async () => {
    render(<Harness />);
    await focus();
    await type('g', 0);
    await type('gr', 0);
    expect(press('Enter').defaultPrevented).toBe(true);
    await act(() => tick(20));
    expect(chipNames()).toEqual(['Grace Hopper']);
  });

  it('picks the first match with Enter when none is active', async () => {
    render(<Harness />);
    await focus();
    await type('grace');
    press('Enter');
    expect(chipNames()).toEqual(['Grace Hopper']);
  });

  it('picks from results for what is typed now when Enter beats the debounce', async () => {
    render(<Harness />);
    await focus();
    fireEvent.input(input(), { target: { value: 'turing' } });
    expect(press('Enter').defaultPrevented).toBe(true);
    await act(() => tick(20));
    expect(search).toHaveBeenLastCalledWith('turing');
    expect(chipNames()).toEqual(['Alan Turing']);
  });

  it('picks an option on click', async () => {
    render(<Harness />);
    await focus();
    await type('acc');
    fireEvent.click(options()[0]);
    expect(onChange).toHaveBeenLastCalledWith([directory[2]]);
    expect(chipNames()).toEqual(['Accounts']);
  });

  it('closes the listbox with Escape, and reopens it with ArrowDown', async () => {
    render(<Harness />);
    await focus();
    await type('al');
    expect(press('Escape').defaultPrevented).toBe(true);
    expect(expanded()).toBe('false');
    expect(listbox().hidden).toBe(true);
    expect(onChange).not.toHaveBeenCalled();

    press('ArrowDown');
    expect(expanded()).toBe('true');
    expect(input().getAttribute('aria-activedescendant')).toBe(options()[0].id);
  });

  it('lets Escape through when the listbox is already closed', async () => {
    render(<Harness />);
    await focus();
    await type('zzz');
    expect(press('Escape').defaultPrevented).toBe(false);
  });

  it('closes the listbox when focus leaves', async () => {
    render(<Harness />);
    await focus();
    expect(expanded()).toBe('true');
    act(() => input().blur());
    expect(expanded()).toBe('false');
  });

  it('replaces the recipient when only one is allowed (Ask)', async () => {
    render(<Harness />);
    await focus();
    await type('ada');
    press('Enter');
    await type('grace');
    press('Enter');
    expect(chipNames()).toEqual(['Grace Hopper']);
    expect(input().placeholder).toBe('Change recipient');
  });

  it('collects several recipients when allowed (Thank), without offering one twice', async () => {
    render(<Harness multiple />);
    await focus();
    await type('ada');
    press('Enter');
    await type('a');
    expect(optionNames()).not.toContain('Ada Lovelace');
    expect(optionNames()).toContain('Alan Turing');
    await type('accounts');
    press('Enter');
    expect(chipNames()).toEqual(['Ada Lovelace', 'Accounts']);
    expect(onChange).toHaveBeenLastCalledWith([directory[0], directory[2]]);
    expect(input().placeholder).toBe('Search people or departments');
  });

  it('removes a recipient with its chip button, and the last one with Backspace', async () => {
    render(<Harness multiple />);
    await focus();
    for (const q of ['ada', 'alan', 'grace']) {
      await type(q);
      press('Enter');
    }
    fireEvent.click(screen.getByRole('button', { name: 'Remove Alan Turing' }));
    expect(chipNames()).toEqual(['Ada Lovelace', 'Grace Hopper']);
    expect(document.activeElement).toBe(input());

    press('Backspace');
    expect(chipNames()).toEqual(['Ada Lovelace']);
    expect(onChange).toHaveBeenLastCalledWith([directory[0]]);
  });

  it('leaves the recipients alone when Backspace edits the text', async () => {
    render(<Harness />);
    await focus();
    await type('ada');
    press('Enter');
    await type('gr');
    press('Backspace');
    expect(chipNames()).toEqual(['Ada Lovelace']);
  });

  it('tells the user when the search fails', async () => {
    search.mockRejectedValue(new Error('Cannot reach the server'));
    render(<Harness />);
    await focus();
    expect(expanded()).toBe('false');
    expect(note()).toBe('Search failed: Cannot reach the server');
  });

  it('shows an error tied to the input', () => {
    render(<Harness error="Choose who to ask" />);
    expect(input().getAttribute('aria-invalid')).toBe('true');
    const describedBy = input().getAttribute('aria-describedby');
    expect(document.getElementById(describedBy!)?.textContent).toBe('Choose who to ask');
  });
});
