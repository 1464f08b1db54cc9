import type { RefObject } from 'preact';
import { useLayoutEffect } from 'preact/hooks';

/**
 * Keeps a textarea as tall as its text, so a prefilled message reads whole without an inner scrollbar.
 * It fits again when the text changes and when the panel's width changes (the text rewraps); a hidden
 * textarea (no height to measure) is fitted when it appears.
 */
export function useAutoGrow(ref: RefObject<HTMLTextAreaElement>, value: string) {
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const grow = () => {
      if (!el.scrollHeight) return;
      el.style.height = 'auto';
      // scrollHeight leaves out the borders, which border-box heights include.
      el.style.height = `${el.scrollHeight + el.offsetHeight - el.clientHeight}px`;
    };
    grow();
    if (typeof ResizeObserver === 'undefined') return;
    let width = el.clientWidth;
    const resized = new ResizeObserver(() => {
      if (el.clientWidth === width) return;
      width = el.clientWidth;
      grow();
    });
    resized.observe(el);
    return () => resized.disconnect();
  }, [ref, value]);
}
