/** A page of either driver: Playwright's (Chromium) or puppeteer's (Firefox over BiDi). */
interface Evaluates {
  evaluate<T>(fn: () => T): Promise<T>;
}
interface EvaluatesWith {
  evaluate<T>(fn: (arg: string) => T, arg: string): Promise<T>;
}

/**
 * What a person would see as broken at this width: the page scrolling sideways, and any visible element
 * that sits (even partly) outside the viewport, is cut off by a box that clips it, or has its text cut
 * without an ellipsis. Content inside a box that scrolls sideways on purpose is that box's business,
 * except controls: a button that needs a sideways scroll to be found counts as off-screen.
 */
export function layoutProblems(page: Evaluates): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const width = document.documentElement.clientWidth;
    const overflow = document.documentElement.scrollWidth - width;
    if (overflow > 0) problems.push(`the page scrolls sideways by ${overflow}px`);
    const name = (el: Element) => {
      const id = el.id ? `#${el.id}` : '';
      const cls =
        typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
      const text = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
      return `${el.tagName.toLowerCase()}${id}${cls} "${text}"`;
    };
    // A box that scrolls sideways shows the rest on purpose; one that only clips hides it.
    const scrolls = (el: Element) => {
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
        if (['auto', 'scroll'].includes(getComputedStyle(a).overflowX)) return true;
      }
      return false;
    };
    // The nearest box that hides what overflows it sideways, if this element runs past its edges.
    const clippedBy = (el: Element) => {
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
        const x = getComputedStyle(a).overflowX;
        if (x === 'visible') continue;
        if (x !== 'hidden' && x !== 'clip') return null;
        const box = a.getBoundingClientRect();
        // A 1-pixel clipping box is text for screen readers only (a visually hidden table head).
        if (box.width <= 1 || box.height <= 1) return null;
        const rect = el.getBoundingClientRect();
        return rect.right > box.right + 1 || rect.left < box.left - 1 ? a : null;
      }
      return null;
    };
    for (const el of document.body.querySelectorAll('*')) {
      const rect = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      if (rect.width <= 1 || rect.height <= 1 || style.visibility === 'hidden') continue;
      if (style.position === 'absolute' && style.clip !== 'auto') continue; // visually hidden text
      // A control must be reachable without scrolling a box sideways: wide tables reflow instead.
      const control = el.matches('button, a[href], input, select, textarea, [role="button"]');
      if ((rect.right > width + 0.5 || rect.left < -0.5) && (control || !scrolls(el))) {
        problems.push(`${name(el)} reaches ${Math.round(rect.left)}..${Math.round(rect.right)} of ${width}px`);
      }
      const clipper = clippedBy(el);
      if (clipper) problems.push(`${name(el)} is cut off by ${name(clipper)}`);
      const cuts = style.overflowX === 'hidden' || style.overflowX === 'clip';
      // A field scrolls its own text as the person types: only other boxes count.
      const field = el.matches('input, textarea, select');
      if (
        cuts &&
        !field &&
        el.scrollWidth > el.clientWidth + 1 &&
        style.textOverflow !== 'ellipsis' &&
        !el.children.length
      ) {
        problems.push(`${name(el)} has its text cut (${el.scrollWidth}px in ${el.clientWidth}px)`);
      }
    }
    return [...new Set(problems)];
  });
}

/**
 * Labels matched by `selector` whose text is cut (an ellipsis or a clip): where every word must show, as the
 * managers' page's section names and the panel's view tabs do in English at every width (a long translation may
 * end in an ellipsis). A label kept 1 px wide for screen readers only is hidden on purpose, not cut.
 */
export function cutLabels(page: EvaluatesWith, selector: string): Promise<string[]> {
  return page.evaluate(
    (s: string) =>
      [...document.querySelectorAll(s)]
        .filter((el) => el.clientWidth > 1 && el.scrollWidth > el.clientWidth + 1)
        .map((el) => `"${el.textContent?.trim()}" is cut (${el.scrollWidth}px in ${el.clientWidth}px)`),
    selector,
  );
}
