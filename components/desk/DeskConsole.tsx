import { useMemo } from 'react';
import type { Tour } from '../../engine/schema';
import { consentText, enabledPersonalFields, formatDate, withdrawalCode } from '../../sessions';
import { deskCatalogue, taskRows, tourTitlesByTask, type DeskModel } from '../../extension/desk/model';
import { DESK_TEXT as T } from '../../extension/desk/strings';
import { CitizenForm } from './CitizenForm';
import { ConsentScreen } from './ConsentScreen';
import { EndScreen } from './EndScreen';
import { HomeScreen } from './HomeScreen';
import { ProfileScreen } from './ProfileScreen';
import { SessionScreen } from './SessionScreen';
import { SettingsScreen } from './SettingsScreen';
import { SignOutOffer } from './SignOutOffer';
import { SummaryScreen } from './SummaryScreen';
import { SyncSettings } from './SyncSettings';
import { SyncStatusLine } from './SyncStatusLine';
import type { DeskSync } from '../../extension/sync/use-desk-sync';

export interface DeskConsoleProps {
  model: DeskModel;
  tours: readonly Tour[];
  onPrint(): void;
  /** Replication to the province (SyncSettings on the settings screen, the status line in the header). */
  sync?: DeskSync;
}

/** The desk console of the Tổ công nghệ số: one screen at a time, chosen by the model. */
export function DeskConsole({ model, tours, onPrint, sync }: DeskConsoleProps) {
  const { screen, snapshot, notice, busy } = model;
  const catalogue = useMemo(() => deskCatalogue(tours), [tours]);
  const withTours = useMemo(() => tourTitlesByTask(tours), [tours]);
  const member = snapshot?.member;
  const open = snapshot?.open;

  const signOutOffer = (heading: string) =>
    model.signOutSessionId && (
      <SignOutOffer
        key={model.signOutSessionId}
        sessionId={model.signOutSessionId}
        origins={model.signOutOrigins}
        damaged={model.signOutDamaged}
        result={model.signOutResult}
        heading={heading}
        onSignOut={model.signOut}
        onSkip={model.skipSignOut}
      />
    );

  return (
    <main className="desk" lang="vi" aria-busy={busy}>
      <header className="desk-header">
        <h1>{T.appName}</h1>
        {member && <p className="meta">{member.displayName}</p>}
        {sync?.settings?.enabled && <SyncStatusLine status={sync.status} />}
      </header>
      <div aria-live="polite" className="notice-area">
        {notice && <p className={notice.kind === 'error' ? 'error' : 'info'}>{notice.text}</p>}
      </div>
      {screen === 'loading' && <p>{T.loading}</p>}
      {screen === 'error' && (
        <p role="alert" className="error">
          {model.loadError?.vi}
        </p>
      )}
      {snapshot && screen === 'profile' && (
        <ProfileScreen
          members={snapshot.members}
          commune={snapshot.settings.commune ?? ''}
          canCancel={Boolean(member)}
          onChoose={model.chooseMember}
          onCreate={model.createMember}
          onSettings={() => model.show('settings')}
          onCancel={() => model.show('home')}
        />
      )}
      {snapshot && screen === 'settings' && (
        <SettingsScreen settings={snapshot.settings} onSave={model.saveSettings} onBack={() => model.show(member ? 'home' : 'profile')} />
      )}
      {snapshot && screen === 'settings' && sync && <SyncSettings key={String(sync.settings?.enabled)} sync={sync} />}
      {snapshot && member && screen === 'home' && (
        <HomeScreen
          member={member}
          stale={Boolean(snapshot.openError)}
          onNewSession={() => model.show('consent')}
          onSwitchMember={() => model.show('profile')}
          onSettings={() => model.show('settings')}
          onDropStale={model.dropStalePointer}
        >
          {model.signOutOrigins.length > 0 && signOutOffer(T.previousSignOut)}
        </HomeScreen>
      )}
      {snapshot && screen === 'consent' && (
        <ConsentScreen
          consent={consentText(snapshot.settings)!}
          onDecide={model.decideConsent}
          onPrint={onPrint}
          onCancel={() => model.show('home')}
        />
      )}
      {snapshot && open && screen === 'citizen' && (
        <CitizenForm initial={open.citizen} personalFields={enabledPersonalFields(snapshot.settings)} onSave={model.saveCitizen} />
      )}
      {snapshot && open && screen === 'session' && (
        <SessionScreen
          session={open}
          memberName={member?.displayName ?? open.memberId}
          tasks={taskRows(open, tours, undefined, snapshot.help)}
          catalogue={catalogue}
          withTours={withTours}
          taskNotice={model.taskNotice}
          onEditCitizen={() => model.show('citizen')}
          onToggleTask={model.toggleTask}
          onMark={model.markTask}
          onStartTour={model.startTour}
          onDismissHelp={model.dismissHelp}
          onEnd={() => model.show('end')}
          onWithdraw={() => model.withdrawConsent(open.id)}
        />
      )}
      {snapshot && open && screen === 'end' && <EndScreen session={open} onEnd={model.endSession} onBack={() => model.show('session')} />}
      {screen === 'summary' && model.ended && (
        <SummaryScreen
          summary={model.ended.summary}
          satisfaction={model.ended.session.satisfaction}
          tasks={taskRows(model.ended.session, tours)}
          onFinish={model.finish}
          withdrawalCode={model.ended.session.consent.agreed ? withdrawalCode(model.ended.session.id) : undefined}
          slip={{
            deskName: snapshot?.settings.deskName ?? snapshot?.settings.commune,
            date: formatDate(model.ended.session.endedAt ?? model.ended.session.startedAt).split('-').reverse().join('/'),
          }}
          onPrint={onPrint}
        >
          {signOutOffer(T.signOutHeading)}
        </SummaryScreen>
      )}
    </main>
  );
}
