import { useEffect, useRef } from 'preact/hooks';

/** A section still built by the old DOM helpers, mounted inside the Preact page until it is ported. */
export function LegacySection({ make }: { make(): { el: HTMLElement; load(): Promise<void> } }) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const section = make();
    host.current?.replaceChildren(section.el);
    void section.load();
  }, [make]);
  return <div ref={host} />;
}
