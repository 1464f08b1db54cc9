/**
 * Work put off until what the person waits for is on screen. Each returns a cancel, for an effect's cleanup.
 */

/** After the next frame is painted: a task queued from that frame's callbacks, so its style, layout and paint come first. */
export function afterPaint(work: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(work, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}

/** When the page is next idle, `timeout` ms at the latest; at once where there are no idle callbacks. */
export function whenIdle(work: () => void, timeout: number): () => void {
  if (typeof requestIdleCallback !== 'function') {
    work();
    return () => {};
  }
  const id = requestIdleCallback(work, { timeout });
  return () => cancelIdleCallback(id);
}
