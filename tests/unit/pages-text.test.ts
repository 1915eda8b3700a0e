import { describe, expect, it } from 'vitest';
import { TOURS } from '../../tours/catalogue';
import { strategyList, strategyName } from '../../extension/options/strategy-names';
import { popupText, POPUP_TEXT } from '../../extension/popup/strings';
import { byPopularity, TOUR_ORDER } from '../../extension/popup/tour-order';
import { tourLanguages } from '../../extension/prefs/languages';
import { prefsText } from '../../extension/prefs/strings';
import { DESK_TEXT } from '../../extension/desk/strings';
import { DASHBOARD_TEXT } from '../../extension/dashboard/strings';
import { OPTIONS_TEXT } from '../../extension/options/strings';
import { PACK_TEXT } from '../../extension/packs/strings';

describe('broken-step strategies in Vietnamese', () => {
  it('names every kind the player reports', () => {
    expect(strategyList(['role:heading', 'text'])).toBe('vai trò và tên, chữ trên trang');
    expect(strategyName('label')).toBe('nhãn ô');
    expect(strategyName('css')).toBe('bộ chọn CSS');
    expect(strategyName('role:button within')).toBe('vai trò và tên (bên trong một phần khác)');
  });
});

describe('popup order and languages', () => {
  it('lists "find a procedure" first and every shipped tour in the explicit order', () => {
    const ordered = byPopularity(TOURS).map((t) => t.id);
    expect(ordered[0]).toBe('dvcqg-tim-thu-tuc');
    expect(TOURS.every((t) => TOUR_ORDER.includes(t.id)), 'a new tour needs a place in TOUR_ORDER').toBe(true);
  });

  it('offers Vietnamese first, then the languages the tours carry', () => {
    expect(tourLanguages(TOURS).map((l) => l.code)).toEqual(['vi', 'en']);
  });

  it('falls back to Vietnamese per string, never to English, for a language without a table', () => {
    expect(popupText('km')).toEqual(POPUP_TEXT);
    expect(prefsText('hmn').textSize).toBe('Cỡ chữ');
    expect(popupText('en').start).toBe('Start');
    expect(popupText('en').openDesk).toBe(POPUP_TEXT.openDesk);
  });
});

describe('the Vietnamese UI shows no English and never says "bạn"', () => {
  // A string function is called with numbers and words, or with a list where it joins one.
  const sample = (fn: (...a: unknown[]) => unknown): string => {
    try {
      return String(fn(1, 2, 'x', 'y'));
    } catch {
      return String(fn(['x', 'y'], 2));
    }
  };
  const flat = (table: object): string[] =>
    Object.values(table).flatMap((v) => (typeof v === 'string' ? [v] : typeof v === 'function' ? [sample(v as (...a: unknown[]) => unknown)] : typeof v === 'object' && v ? flat(v) : []));
  const tables = { POPUP_TEXT, DESK_TEXT, DASHBOARD_TEXT, OPTIONS_TEXT, PACK_TEXT, prefs: prefsText('vi') };
  it.each(Object.entries(tables))('%s', (_name, table) => {
    for (const text of flat(table)) {
      expect(text, text).not.toMatch(/\((?:[A-Z][a-z]+ )+[a-z ,]+[.?]?\)|Something went wrong|please|\bthe\b/);
      expect(text, text).not.toMatch(/\bbạn\b/i);
    }
  });
});
