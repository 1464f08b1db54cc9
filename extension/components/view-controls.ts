/** The parts every list view (inbox, queue) has, and what the panel does with them. */
export interface ViewParts {
  el: HTMLElement;
  refresh: HTMLElement;
  error: HTMLElement;
  status: HTMLElement;
  body: HTMLElement;
  /** Narrows where ask rows are looked for, e.g. to the visible section. */
  rowScope?: string;
}

export function viewControls({ el, refresh, error, status, body, rowScope = '' }: ViewParts) {
  return {
    setLoading(loading: boolean) {
      el.setAttribute('aria-busy', String(loading));
      refresh.classList.toggle('spinning', loading);
    },
    setError(message: string | null) {
      error.textContent = message ?? '';
      error.hidden = !message;
    },
    announce(message: string) {
      status.textContent = message;
    },
    /** Puts focus back on an ask's row after a re-render; false when it is not shown. */
    focusAsk(id: string) {
      const row = body.querySelector<HTMLElement>(`${rowScope}[data-ask-id="${CSS.escape(id)}"]`);
      row?.focus();
      return !!row;
    },
  };
}
