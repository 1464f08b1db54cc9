import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { type RecipientPicker, recipientPicker } from '../../extension/components/recipient-picker.ts';
import type { DirectoryItem } from '../../extension/utils/api.ts';

const directory: DirectoryItem[] = [
  { kind: 'person', id: 'p1', name: 'Ada Lovelace', detail: 'Engineer' },
  { kind: 'person', id: 'p2', name: 'Alan Turing', detail: 'Researcher' },
  { kind: 'department', id: 'd1', name: 'Accounts', detail: 'Invoices, expenses' },
  { kind: 'person', id: 'p3', name: 'Grace Hopper', detail: 'Admiral' },
];

let search: ReturnType<typeof vi.fn<(q: string) => Promise<DirectoryItem[]>>>;
let onChange: ReturnType<typeof vi.fn<(picked: DirectoryItem[]) => void>>;
let picker: RecipientPicker;

const listbox = () => document.getElementById(picker.input.getAttribute('aria-controls')!) as HTMLElement;
const options = () => [...listbox().querySelectorAll<HTMLElement>('[role="option"]')];
const optionNames = () => options().map((o) => o.querySelector('.option-name')?.textContent);
const chipNames = () => [...picker.el.querySelectorAll('.chip span:not(.sr-only)')].map((s) => s.textContent);
const expanded = () => picker.input.getAttribute('aria-expanded');

function press(key: string) {
  const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true });
  picker.input.dispatchEvent(event);
  return event;
}

async function type(text: string) {
  picker.input.value = text;
  picker.input.dispatchEvent(new Event('input', { bubbles: true }));
  await vi.advanceTimersByTimeAsync(100);
}

async function focus() {
  picker.input.focus();
  await vi.advanceTimersByTimeAsync(0);
}

describe('recipientPicker', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.useFakeTimers();
    search = vi.fn(async (q: string) => directory.filter((e) => e.name.toLowerCase().includes(q.toLowerCase())));
    onChange = vi.fn();
    picker = recipientPicker({ id: 'to', label: 'To', search, onChange });
    document.body.replaceChildren(picker.el);
  });

  afterEach(() => {
    vi.useRealTimers();
    document.body.replaceChildren();
  });

  it('is a labelled combobox controlling a listbox, closed at first', () => {
    const { input } = picker;
    expect(input.getAttribute('role')).toBe('combobox');
    expect(input.getAttribute('aria-autocomplete')).toBe('list');
    const label = document.querySelector<HTMLLabelElement>(`label[for="${input.id}"]`);
    expect(label?.textContent).toBe('To');
    expect(listbox().getAttribute('role')).toBe('listbox');
    expect(listbox().getAttribute('aria-label')).toBeTruthy();
    expect(expanded()).toBe('false');
    expect(listbox().hidden).toBe(true);
  });

  it('shows suggestions when focused', async () => {
    await focus();
    expect(search).toHaveBeenCalledWith('');
    expect(optionNames()).toEqual(directory.map((e) => e.name));
    expect(expanded()).toBe('true');
  });

  it('searches for what is typed and shows only the matches', async () => {
    await focus();
    await type('  ac ');
    expect(search).toHaveBeenLastCalledWith('ac');
    expect(optionNames()).toEqual(['Ada Lovelace', 'Accounts', 'Grace Hopper']);
    expect(expanded()).toBe('true');
  });

  it('debounces typing: one search for a burst of keystrokes', async () => {
    await focus();
    search.mockClear();
    for (const text of ['g', 'gr', 'gra']) {
      picker.input.value = text;
      picker.input.dispatchEvent(new Event('input', { bubbles: true }));
      await vi.advanceTimersByTimeAsync(20);
    }
    expect(search).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(100);
    expect(search).toHaveBeenCalledTimes(1);
    expect(search).toHaveBeenCalledWith('gra');
    expect(optionNames()).toEqual(['Grace Hopper']);
  });

  it('says when no one matches', async () => {
    await focus();
    await type('zzz');
    expect(options()).toHaveLength(0);
    expect(expanded()).toBe('false');
    expect(picker.el.textContent).toContain('No one matches “zzz”.');
  });

  it('ignores a slow answer to an earlier query', async () => {
    await focus();
    let releaseSlow!: (v: DirectoryItem[]) => void;
    search.mockImplementationOnce(() => new Promise((r) => (releaseSlow = r)));
    await type('a');
    await type('grace');
    releaseSlow(directory);
    await vi.advanceTimersByTimeAsync(0);
    expect(optionNames()).toEqual(['Grace Hopper']);
  });

  it('moves the active option with the arrow keys, wrapping around', async () => {
    await focus();
    await type('ac');
    expect(picker.input.hasAttribute('aria-activedescendant')).toBe(false);

    expect(press('ArrowDown').defaultPrevented).toBe(true);
    const [first, second, third] = options();
    expect(picker.input.getAttribute('aria-activedescendant')).toBe(first.id);
    expect(first.getAttribute('aria-selected')).toBe('true');

    press('ArrowDown');
    expect(picker.input.getAttribute('aria-activedescendant')).toBe(second.id);
    expect(first.getAttribute('aria-selected')).toBe('false');
    expect(second.getAttribute('aria-selected')).toBe('true');

    press('ArrowDown');
    press('ArrowDown');
    expect(picker.input.getAttribute('aria-activedescendant')).toBe(first.id);

    press('ArrowUp');
    expect(picker.input.getAttribute('aria-activedescendant')).toBe(third.id);
  });

  it('picks the active option with Enter and shows it as a chip', async () => {
    await focus();
    await type('ac');
    press('ArrowDown');
    press('ArrowDown');
    expect(press('Enter').defaultPrevented).toBe(true);

    expect(picker.picked().map((p) => p.id)).toEqual(['d1']);
    expect(chipNames()).toEqual(['Accounts']);
    expect(onChange).toHaveBeenLastCalledWith([directory[2]]);
    expect(picker.input.value).toBe('');
    expect(expanded()).toBe('false');
    expect(picker.input.hasAttribute('aria-activedescendant')).toBe(false);
  });

  it('picks the first match with Enter when none is active', async () => {
    await focus();
    await type('grace');
    press('Enter');
    expect(chipNames()).toEqual(['Grace Hopper']);
  });

  it('picks from results for what is typed now when Enter beats the debounce', async () => {
    await focus();
    picker.input.value = 'turing';
    picker.input.dispatchEvent(new Event('input', { bubbles: true }));
    expect(press('Enter').defaultPrevented).toBe(true);
    await vi.advanceTimersByTimeAsync(0);
    expect(search).toHaveBeenLastCalledWith('turing');
    expect(chipNames()).toEqual(['Alan Turing']);
  });

  it('picks an option on click', async () => {
    await focus();
    await type('acc');
    options()[0].click();
    expect(picker.picked()).toEqual([directory[2]]);
    expect(picker.el.querySelector('.chip')?.textContent).toContain('Accounts');
  });

  it('closes the listbox with Escape, and reopens it with ArrowDown', async () => {
    await focus();
    await type('al');
    const escapeEvent = press('Escape');
    expect(escapeEvent.defaultPrevented).toBe(true);
    expect(expanded()).toBe('false');
    expect(listbox().hidden).toBe(true);
    expect(picker.picked()).toEqual([]);

    press('ArrowDown');
    expect(expanded()).toBe('true');
    expect(picker.input.getAttribute('aria-activedescendant')).toBe(options()[0].id);
  });

  it('lets Escape through when the listbox is already closed', async () => {
    await focus();
    await type('zzz');
    expect(press('Escape').defaultPrevented).toBe(false);
  });

  it('closes the listbox when focus leaves', async () => {
    await focus();
    picker.input.blur();
    expect(expanded()).toBe('false');
  });

  it('replaces the recipient when only one is allowed (Ask)', async () => {
    await focus();
    await type('ada');
    press('Enter');
    await type('grace');
    press('Enter');
    expect(chipNames()).toEqual(['Grace Hopper']);
    expect(picker.input.placeholder).toBe('Change recipient');
  });

  it('collects several recipients when allowed (Thank), without offering one twice', async () => {
    picker.setMultiple(true);
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
  });

  it('removes a recipient with its chip button, and the last one with Backspace', async () => {
    picker.setMultiple(true);
    await focus();
    for (const q of ['ada', 'alan', 'grace']) {
      await type(q);
      press('Enter');
    }
    const removeAlan = picker.el.querySelector<HTMLButtonElement>('button[aria-label="Remove Alan Turing"]');
    expect(removeAlan).not.toBeNull();
    removeAlan!.click();
    expect(chipNames()).toEqual(['Ada Lovelace', 'Grace Hopper']);

    press('Backspace');
    expect(chipNames()).toEqual(['Ada Lovelace']);
    expect(onChange).toHaveBeenLastCalledWith([directory[0]]);
  });

  it('keeps only the first recipient when switching back to single', async () => {
    picker.setMultiple(true);
    await focus();
    for (const q of ['ada', 'grace']) {
      await type(q);
      press('Enter');
    }
    picker.setMultiple(false);
    expect(chipNames()).toEqual(['Ada Lovelace']);
  });

  it('tells the user when the search fails', async () => {
    search.mockRejectedValue(new Error('Cannot reach the server'));
    await focus();
    expect(expanded()).toBe('false');
    expect(picker.el.querySelector('[aria-live]')?.textContent).toBe('Search failed: Cannot reach the server');
  });

  it('shows an error tied to the input, cleared by picking someone', async () => {
    picker.setError('Choose who to ask');
    const describedBy = picker.input.getAttribute('aria-describedby');
    expect(picker.input.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(describedBy!)?.textContent).toBe('Choose who to ask');
    await focus();
    await type('ada');
    press('Enter');
    expect(picker.input.hasAttribute('aria-invalid')).toBe(false);
  });

  it('clear() empties the recipients', async () => {
    await focus();
    await type('ada');
    press('Enter');
    picker.clear();
    expect(picker.picked()).toEqual([]);
    expect(chipNames()).toEqual([]);
    expect(onChange).toHaveBeenLastCalledWith([]);
  });
});
