import { z } from 'zod';
import { PACK_LIMITS } from '../engine/pack/format';
import type { GuidePrefs } from '../engine/prefs';
import type { RunState } from '../engine/runner';
import type { Tour } from '../engine/schema';
import { Uuid } from '../sessions/schema';

/**
 * Every message between the parts of the extension, named by direction and parsed with zod where it
 * arrives in the background. The content script imports these types only (never zod).
 */
const url = z.string().max(2048);
const id = z.string().max(80);
const tabId = z.number().int().nonnegative();

export const ContentEvent = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('page'), url }),
  z.strictObject({ type: z.literal('advance'), stepId: id, url }),
  z.strictObject({ type: z.literal('skip'), stepId: id, url }),
  z.strictObject({ type: z.literal('back'), stepId: id }),
  z.strictObject({ type: z.literal('close') }),
]);

export const MissingReport = z.strictObject({
  tourId: id,
  stepId: id,
  failed: z.array(z.string().max(60)).max(6),
});

export const ContentToBackground = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('content:hello'), url }),
  z.strictObject({ kind: z.literal('content:event'), event: ContentEvent }),
  z.strictObject({ kind: z.literal('content:report'), report: MissingReport }),
  // Read this step's (display) text aloud; the background turns it into spoken form. Reply: SpeakResult.
  z.strictObject({ kind: z.literal('content:speak'), text: z.string().min(1).max(2000), rate: z.enum(['slow', 'normal']) }),
  z.strictObject({ kind: z.literal('content:stop-speaking') }),
  // "Nhờ cán bộ giúp": in an assisted session the desk console flags the task.
  z.strictObject({ kind: z.literal('content:help'), tourId: id, stepId: id }),
]);

export const OptionsToBackground = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('options:reports') }),
  z.strictObject({ kind: z.literal('options:clear-reports') }),
]);

/** The options page's tour-pack section (see extension/packs). Reply: PacksReply. */
export const PacksToBackground = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('options:packs-status') }),
  z.strictObject({ kind: z.literal('options:packs-set-url'), url: url.nullable() }),
  z.strictObject({ kind: z.literal('options:packs-check') }),
  z.strictObject({ kind: z.literal('options:packs-remove') }),
  // Author mode only: an unsigned pack file to try; its tours run as drafts.
  z.strictObject({ kind: z.literal('options:packs-load-local'), fileName: z.string().max(200), text: z.string().max(PACK_LIMITS.maxBytes) }),
  z.strictObject({ kind: z.literal('options:packs-remove-local') }),
]);

/** Popup and desk console: every runnable tour (installed pack, built-in), the pack's first. Reply: FoundTour[]. */
export const ToursRequest = z.strictObject({ kind: z.literal('pages:tours') });

export const PopupToBackground = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('popup:status'), tabId }),
  z.strictObject({ kind: z.literal('popup:start'), tabId, tourId: id, open: z.boolean().optional() }),
  z.strictObject({ kind: z.literal('popup:resume'), tabId }),
  z.strictObject({ kind: z.literal('popup:stop'), tabId }),
]);

/** From the desk console (side panel) of the Tổ công nghệ số: the citizen's tab is chosen there. */
export const DeskToBackground = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('desk:start-tour'), tabId, tourId: id }),
  z.strictObject({
    kind: z.literal('desk:sign-out'),
    sessionId: Uuid,
    closeTabs: z.boolean(),
  }),
]);

/** From the tour editor (author mode only): play a draft from one of its steps on a tab. */
export const EditorToBackground = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('editor:preview'), tabId, tourId: id, stepIndex: z.number().int().min(0).max(79) }),
]);

export type ContentEvent = z.infer<typeof ContentEvent>;
export type ContentToBackground = z.infer<typeof ContentToBackground>;
export type PopupToBackground = z.infer<typeof PopupToBackground>;
export type OptionsToBackground = z.infer<typeof OptionsToBackground>;
export type PacksToBackground = z.infer<typeof PacksToBackground>;
export type ToursRequest = z.infer<typeof ToursRequest>;
export type MissingReport = z.infer<typeof MissingReport>;
export type DeskToBackground = z.infer<typeof DeskToBackground>;
export type EditorToBackground = z.infer<typeof EditorToBackground>;

/** What a page needs to draw the current step. */
export interface RunSnapshot {
  tour: Tour;
  run: RunState;
  /** the tab's top-level URL, for content scripts inside iframes */
  topUrl?: string;
  /** the citizen's display and reading choices; absent = DEFAULT_PREFS */
  prefs?: GuidePrefs;
  /** an unreviewed tour (author mode only): every step shows "Bản nháp — chưa kiểm duyệt" */
  draft?: boolean;
}

export type ContentReply = RunSnapshot | null;

export interface TabStatus {
  url: string | null;
  run: RunState | null;
  tourTitle: string | null;
  stepCount: number;
  /** a stored run that failed validation; reported to the citizen, not silently dropped */
  storageError: string | null;
}

export interface BackgroundToContent {
  kind: 'bg:render';
  snapshot: RunSnapshot | null;
}

/** Reply to `desk:sign-out`: which portal origins were cleared, or why nothing was. */
export type SignOutReply = { ok: true; origins: string[]; closedTabs: number } | { ok: false; error: { vi: string; en: string } };

/** Reply to `editor:preview`: where the run stands, or why it did not start (Vietnamese, for the author). */
export type PreviewReply = { ok: true; status: 'active' | 'away'; url: string | null } | { ok: false; error: string };
