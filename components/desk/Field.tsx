import { useId, type ReactNode } from 'react';

/**
 * A labelled form control. The label points at the control by id instead of wrapping it, so the
 * control's accessible name is exactly the label (a wrapping label would add the current value).
 */
export function Field({ label, children }: { label: ReactNode; children: (id: string) => ReactNode }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children(id)}
    </div>
  );
}
