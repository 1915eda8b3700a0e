import type { ReactNode } from 'react';
import type { TeamMember } from '../../sessions';
import { DESK_TEXT as T } from '../../extension/desk/strings';
import { ScreenHeading } from './ScreenHeading';

export interface HomeScreenProps {
  member: TeamMember;
  /** The open pointer named a session that could not be read. */
  stale: boolean;
  onNewSession(): void;
  onSwitchMember(): void;
  onSettings(): void;
  onDropStale(): void;
  /** A previous session's sign-out offer, still pending. */
  children?: ReactNode;
}

export function HomeScreen({ member, stale, onNewSession, onSwitchMember, onSettings, onDropStale, children }: HomeScreenProps) {
  return (
    <section aria-labelledby="home-heading">
      <ScreenHeading id="home-heading">{T.hello(member.displayName)}</ScreenHeading>
      <p className="meta">{T.memberLine(member.team, member.commune)}</p>
      {stale && (
        <div className="warning" role="alert">
          <p>{T.stalePointer}</p>
          <button type="button" className="secondary" onClick={onDropStale}>
            {T.dropStale}
          </button>
        </div>
      )}
      {children}
      <div className="actions stack">
        <button type="button" className="primary big" disabled={stale} onClick={onNewSession}>
          {T.newSession}
        </button>
        <button type="button" className="secondary" onClick={onSwitchMember}>
          {T.switchMember}
        </button>
        <button type="button" className="secondary" onClick={onSettings}>
          {T.settings}
        </button>
        {/* The commune's reports open in a tab of their own: they need room for tables and charts. */}
        <a className="button-link secondary" href="dashboard.html" target="_blank" rel="noopener">
          {T.openReports}
        </a>
      </div>
    </section>
  );
}
