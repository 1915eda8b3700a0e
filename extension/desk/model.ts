import type { Tour } from '../../engine/schema';
import {
  DEFAULT_CATALOGUE,
  formatDateTime,
  SOURCE_LABELS,
  TASK_GROUPS,
  tasksByGroup,
  taskTitle,
  type CatalogueTask,
  type DeskSettings,
  type Message,
  type Reason,
  type Session,
  type SessionSummary,
  type TaskCatalogue,
  type TaskGroup,
  type TaskOutcome,
} from '../../sessions';
import type { SignOutReply } from '../messages';
import type { HelpRequest } from './records';
import type { MemberInput, DeskSnapshot } from './store';
import { DESK_TEXT as T } from './strings';

/**
 * What the desk console shows and can do: plain data and callbacks, so the views in
 * components/desk/ take props only and never touch browser.* or storage.
 */
export type Screen = 'loading' | 'error' | 'profile' | 'settings' | 'home' | 'consent' | 'citizen' | 'session' | 'end' | 'summary';

/** Screens the member moves between; the open session (if any) decides the rest. */
export type View = Exclude<Screen, 'loading' | 'error'>;

export interface Notice {
  kind: 'error' | 'info';
  text: string;
}

export interface TaskRow {
  taskId: string;
  title: string;
  outcome: TaskOutcome;
  reason?: Reason;
  /** "Tự động (theo hướng dẫn), lúc 10:32" once marked. */
  marked?: string;
  tours: Array<{ id: string; title: string }>;
  /** "Người dân cần giúp ở bước …" when the citizen pressed "Nhờ cán bộ giúp" in a tour for this task. */
  help?: string;
}

/** A notice shown next to the control that caused it (the tour button of one task). */
export interface TaskNotice extends Notice {
  taskId: string;
}

export interface CitizenInput {
  ageBand?: string;
  gender?: string;
  firstTime?: boolean;
  name?: string;
  idNumber?: string;
  phone?: string;
  note?: string;
}

export interface Ended {
  session: Session;
  summary: SessionSummary;
}

export interface DeskModel {
  screen: Screen;
  snapshot: DeskSnapshot | undefined;
  loadError: Message | undefined;
  busy: boolean;
  notice: Notice | undefined;
  /** "Đã mở hướng dẫn …" (or why not), shown beside that task's tour button. */
  taskNotice: TaskNotice | undefined;
  /** The session just ended, for the summary screen. */
  ended: Ended | undefined;
  /** Origins the session behind the sign-out offer used (empty: nothing to sign out of). */
  signOutOrigins: string[];
  /** The list of visited sites could not be read: the offer covers every allowed origin, and says why. */
  signOutDamaged: boolean;
  signOutSessionId: string | undefined;
  signOutResult: SignOutReply | undefined;
  createMember(input: MemberInput): void;
  chooseMember(memberId: string): void;
  show(view: View): void;
  saveSettings(settings: DeskSettings): void;
  decideConsent(agreed: boolean): void;
  saveCitizen(input: CitizenInput): void;
  toggleTask(taskId: string, picked: boolean): void;
  markTask(taskId: string, outcome: TaskOutcome, reason?: Reason): void;
  startTour(tourId: string, taskId: string): void;
  /** The member has helped with the step the citizen asked about. */
  dismissHelp(taskId: string): void;
  endSession(satisfaction: number | undefined): void;
  /** The citizen takes back their consent: their record is deleted (after a confirmation in the view). */
  withdrawConsent(sessionId: string): void;
  signOut(sessionId: string, closeTabs: boolean): void;
  skipSignOut(sessionId: string): void;
  dropStalePointer(): void;
  finish(): void;
}

/** Which screen to draw: an open session always wins, so a reopened console lands back in it. */
export function deriveScreen(snapshot: DeskSnapshot | undefined, loadError: Message | undefined, view: View, ended: Ended | undefined): Screen {
  if (loadError) return 'error';
  if (!snapshot) return 'loading';
  if (snapshot.open) return view === 'citizen' || view === 'end' ? view : 'session';
  if (view === 'summary' && ended) return 'summary';
  if (view === 'settings') return 'settings';
  if (!snapshot.member || view === 'profile') return 'profile';
  if (view === 'consent') return 'consent';
  return 'home';
}

/**
 * The tasks the desk can pick: the catalogue, plus any task a tour completes that the catalogue
 * does not list yet (titled after the tour), so a new tour is usable before the catalogue catches up.
 */
export function deskCatalogue(tours: readonly Tour[], base: TaskCatalogue = DEFAULT_CATALOGUE): Record<TaskGroup, CatalogueTask[]> {
  const groups = tasksByGroup(base);
  const known = new Set(base.tasks.map((t) => t.id));
  for (const tour of tours) {
    const ids = new Set([tour.task, ...tour.steps.map((s) => s.completes)].filter((id): id is string => Boolean(id)));
    for (const id of ids) {
      if (known.has(id)) continue;
      known.add(id);
      groups['dich-vu-cong'].push({ id, group: 'dich-vu-cong', title: { vi: tour.title.vi, en: tour.title.en ?? tour.title.vi } });
    }
  }
  return groups;
}

export const GROUP_ORDER: readonly TaskGroup[] = TASK_GROUPS;

/** Tours that can be started for a task: they complete it and have a start page. */
export function toursForTask(tours: readonly Tour[], taskId: string): Array<{ id: string; title: string }> {
  return tours
    .filter((tour) => tour.start && (tour.task === taskId || tour.steps.some((s) => s.completes === taskId)))
    .map((tour) => ({ id: tour.id, title: tour.title.vi }));
}

/** "10:32" in Vietnam time. */
export const clock = (at: number) => formatDateTime(at).slice(11);

function helpText(request: HelpRequest, tours: readonly Tour[]): string {
  const tour = tours.find((t) => t.id === request.tourId);
  const index = tour ? tour.steps.findIndex((s) => s.id === request.stepId) : -1;
  const title = tour?.title.vi ?? request.tourId;
  return tour && index >= 0 ? T.helpNeeded(index + 1, tour.steps.length, title, clock(request.at)) : T.helpNeededSomewhere(title, clock(request.at));
}

export function taskRows(session: Session, tours: readonly Tour[], catalogue: TaskCatalogue = DEFAULT_CATALOGUE, help: readonly HelpRequest[] = []): TaskRow[] {
  return session.tasks.map((task) => {
    const request = help.find((h) => h.taskId === task.taskId);
    const tourTitle = tours.find((t) => t.task === task.taskId)?.title.vi;
    const known = catalogue.tasks.some((t) => t.id === task.taskId);
    return {
      taskId: task.taskId,
      title: known || !tourTitle ? taskTitle(catalogue, task.taskId).vi : tourTitle,
      outcome: task.outcome,
      reason: task.reason,
      marked: task.outcome === 'pending' ? undefined : T.doneAt(SOURCE_LABELS[task.source].vi, clock(task.at)),
      tours: toursForTask(tours, task.taskId),
      ...(request ? { help: helpText(request, tours) } : {}),
    };
  });
}

/** Task id → the titles of the tours that start it (the "Có hướng dẫn" mark in the picker), from whatever tour source lists them. */
export function tourTitlesByTask(tours: readonly Tour[]): Map<string, string[]> {
  const titles = new Map<string, string[]>();
  const add = (taskId: string, title: string) => {
    const list = titles.get(taskId) ?? [];
    if (!list.includes(title)) list.push(title);
    titles.set(taskId, list);
  };
  for (const tour of tours) {
    if (!tour.start) continue;
    if (tour.task) add(tour.task, tour.title.vi);
    for (const step of tour.steps) if (step.completes) add(step.completes, tour.title.vi);
  }
  return titles;
}

/** "dichvucong.gov.vn" for an origin, as the member reads it. */
export const hostOf = (origin: string) => origin.replace(/^https:\/\//, '');
