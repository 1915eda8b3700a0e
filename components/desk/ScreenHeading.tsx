import { useEffect, useRef, type ReactNode } from 'react';

/** A screen's heading: focused when the screen appears, so keyboard and screen-reader users land on it. */
export function ScreenHeading({ id, children }: { id: string; children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <h2 id={id} ref={ref} tabIndex={-1} className="screen-heading">
      {children}
    </h2>
  );
}
