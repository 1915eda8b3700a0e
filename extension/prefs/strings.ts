/**
 * Words of the display-and-reading settings, one table per language. Vietnamese is complete;
 * any other language may leave strings out and each missing one falls back to Vietnamese. The
 * settings themselves (what the widget's launcher shows too) and the words only the extension's
 * settings page uses are two tables each, so the widget bundles only the first.
 */
const VI_SETTINGS = {
  heading: 'Cách hiển thị và đọc',
  textSize: 'Cỡ chữ',
  textSizeNames: { 100: 'Chữ vừa', 150: 'Chữ lớn', 200: 'Chữ rất lớn' } as Record<100 | 150 | 200, string>,
  contrast: 'Tương phản cao',
  alwaysRead: 'Đọc to mỗi bước',
  rate: 'Tốc độ đọc',
  rates: { slow: 'Chậm', normal: 'Vừa' } as Record<'slow' | 'normal', string>,
  language: 'Ngôn ngữ',
};

const VI_PAGE = {
  textSizes: { 100: 'A', 150: 'A+', 200: 'A++' } as Record<100 | 150 | 200, string>,
  reset: 'Đặt lại mặc định',
  saveFailed: 'Chưa lưu được cài đặt. Thử lại, hoặc nhờ cán bộ ở bàn giúp.',
  remembered: 'Dẫn Bước nhớ các lựa chọn này cho những lần sau.',
};

export type SettingsText = typeof VI_SETTINGS;
export type PrefsText = SettingsText & typeof VI_PAGE;

const EN_SETTINGS: Partial<SettingsText> = {
  heading: 'Display and reading',
  textSize: 'Text size',
  textSizeNames: { 100: 'Normal text', 150: 'Large text', 200: 'Very large text' },
  contrast: 'High contrast',
  alwaysRead: 'Read each step aloud',
  rate: 'Reading speed',
  rates: { slow: 'Slow', normal: 'Normal' },
  language: 'Language',
};

const EN_PAGE: Partial<typeof VI_PAGE> = {
  reset: 'Reset to defaults',
  saveFailed: 'The settings could not be saved. Try again, or ask the staff at the desk.',
  remembered: 'Dẫn Bước remembers these choices for next time.',
};

const SETTINGS: Record<string, Partial<SettingsText>> = { en: EN_SETTINGS };
const PAGE: Record<string, Partial<typeof VI_PAGE>> = { en: EN_PAGE };

/** The settings' own words (the widget's launcher). */
export function settingsText(lang: string): SettingsText {
  return { ...VI_SETTINGS, ...(lang === 'vi' ? {} : SETTINGS[lang]) };
}

/** Every word of the extension's settings page. */
export function prefsText(lang: string): PrefsText {
  return { ...settingsText(lang), ...VI_PAGE, ...(lang === 'vi' ? {} : PAGE[lang]) };
}

/** Each language named in itself, so a citizen finds their own. */
export const LANGUAGE_NAMES: Readonly<Record<string, string>> = {
  vi: 'Tiếng Việt',
  en: 'English',
  hmn: 'Lus Hmoob',
  km: 'ភាសាខ្មែរ',
  rad: 'Klei Êđê',
};
