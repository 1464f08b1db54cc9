/** One in-flight or settled load shared by its readers; a failed load is forgotten so the next read retries. */
export function cached<T>(load: () => Promise<T>) {
  let value: Promise<T> | null = null;
  return {
    get(): Promise<T> {
      if (!value) {
        const next = load();
        value = next;
        next.catch(() => {
          if (value === next) value = null;
        });
      }
      return value;
    },
    invalidate(): void {
      value = null;
    },
  };
}
