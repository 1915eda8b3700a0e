/**
 * The citizen's display and reading choices, shared by every shell: the overlay applies them, the
 * extension stores them (storage.local, validated with zod on extension pages and in the
 * background), the widget keeps them in localStorage. Plain data, no zod here: the content script
 * receives them already checked, inside the run snapshot.
 */
export const PREFS_VERSION = 1;

/** A / A+ / A++ — percent of the base text size (overlay and extension pages). */
export const TEXT_SIZES = [100, 150, 200] as const;
export type TextSize = (typeof TEXT_SIZES)[number];

export type Contrast = 'normal' | 'high';
/** chậm / vừa */
export type SpeechRate = 'slow' | 'normal';

export interface GuidePrefs {
  v: typeof PREFS_VERSION;
  textSize: TextSize;
  contrast: Contrast;
  /** language of tour text and UI; Vietnamese is the fallback for every string */
  lang: string;
  /** read every step aloud as it appears */
  alwaysRead: boolean;
  rate: SpeechRate;
}

export const DEFAULT_PREFS: GuidePrefs = {
  v: PREFS_VERSION,
  textSize: 100,
  contrast: 'normal',
  lang: 'vi',
  alwaysRead: false,
  rate: 'normal',
};

/** Result of asking the host to speak: honest about a machine without a Vietnamese voice. */
export type SpeakResult = { ok: true } | { ok: false; reason: 'no-voice' | 'failed' };
