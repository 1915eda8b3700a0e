import { REWRITE_MARK } from './authoring/draft';
import type { LocalText, Tour } from './schema';

/**
 * Style warnings for tour text, from shared/WRITING.md. They print but do not fail `tours:check`;
 * the shipped tours carry none. Only Vietnamese (`vi`) text is checked for voice, words and length;
 * the ".gov.vn" rule is checked in every language.
 *
 * Words inside quotes (“Mã OTP”, "Chọn tệp đính kèm") are the portal's own words on screen, which a
 * tour must repeat exactly, so voice, jargon and colour rules skip them. Length counts them.
 */
export interface StyleWarning {
  path: Array<string | number>;
  message: string;
}

/**
 * The length rule: a step's `say.vi` is read before the citizen acts, so it holds at most 2
 * sentences and 35 syllables. WRITING.md asks for about 25 words; Vietnamese is written one
 * syllable per space-separated token and its words average roughly 1.4 syllables, so 25 words is
 * about 35 tokens. A token is a run of non-space characters with a letter or digit in it (a code
 * such as H12.34-260101-0001 is one, a dash alone is none). A sentence ends at . ! ? or … followed
 * by a space or the end of the text (an address such as pay.vnpay.vn does not end one).
 */
export const MAX_SAY_SENTENCES = 2;
export const MAX_SAY_SYLLABLES = 35;

const LETTER = '\\p{L}\\p{M}\\p{N}';
/** A whole word or phrase: not preceded or followed by a letter, mark or digit. */
const word = (phrase: string) => new RegExp(`(?<![${LETTER}])(?:${phrase})(?![${LETTER}])`, 'iu');

const QUOTED = /“[^”]*”|"[^"]*"/g;

/** Lower-case NFC text with quoted on-screen words replaced by a neutral token. */
function ownWords(text: string): string {
  return text.normalize('NFC').replace(QUOTED, '“q”').toLowerCase();
}

export function countSyllables(text: string): number {
  return text.split(/\s+/).filter((token) => /[\p{L}\p{N}]/u.test(token)).length;
}

export function countSentences(text: string): number {
  const body = text.normalize('NFC').replace(QUOTED, '“q”').trim();
  if (!body) return 0;
  const ends = body.match(/[.!?…]+["”’)]*(?=\s|$)/gu)?.length ?? 0;
  return /[.!?…]["”’)]*$/u.test(body) ? ends : ends + 1;
}

const PRONOUNS = word('bạn|quý khách|qúy khách|người dùng');

interface Term {
  /** as the warning names it */
  term: string;
  find: RegExp;
  /** present in the same text = explained; absent = the term is always replaced */
  explained?: RegExp;
  /** what to write instead, or the explanation to give the first time */
  instead: string;
}

export const JARGON: readonly Term[] = [
  { term: 'OTP', find: word('otp'), explained: /mã xác nhận[^.]*tin nhắn/u, instead: 'mã xác nhận gửi qua tin nhắn (6 số)' },
  { term: 'passcode', find: word('passcode'), explained: /tự đặt trong ứng dụng vneid/u, instead: 'mã passcode 6 số ông/bà tự đặt trong ứng dụng VNeID' },
  { term: 'phím Enter', find: word('phím enter'), explained: /phím xuống dòng/u, instead: 'phím Enter (phím xuống dòng)' },
  { term: 'tệp đính kèm', find: word('tệp đính kèm'), explained: /ảnh hoặc bản chụp giấy tờ/u, instead: 'ảnh hoặc bản chụp giấy tờ' },
  { term: 'CCCD', find: word('cccd'), explained: /thẻ căn cước \(cccd\)/u, instead: 'thẻ căn cước (CCCD)' },
  { term: 'số định danh', find: word('số định danh'), explained: /12 số trên thẻ căn cước/u, instead: 'số định danh cá nhân (12 số trên thẻ căn cước)' },
  { term: 'upload', find: word('upload'), instead: 'the button’s own words, such as “Tải lên”, or “ảnh hoặc bản chụp giấy tờ”' },
  { term: 'tô sáng', find: word('tô sáng|highlight'), instead: 'chỗ đang sáng, có viền' },
  { term: 'session', find: word('sessions?'), instead: 'phiên' },
  { term: 'tour', find: word('tours?'), instead: 'hướng dẫn' },
  { term: 'step', find: word('steps?'), instead: 'bước' },
];

const COLOUR = word(
  '(?:chữ|nút|nút bấm|dòng|ô|viền|khung|dấu|mũi tên|biểu tượng|thanh|chấm|vạch)(?: màu)? (?:đỏ|xanh(?: lá| dương| lam)?|vàng|cam|tím|hồng|xám|lục|lam)|màu (?:đỏ|xanh|vàng|cam|tím|hồng|xám|lục|lam)',
);

/** "gov.vn" not at the end of a full host name: ".gov.vn", "*.gov.vn", "đuôi gov.vn". */
const BARE_GOV_VN = /(?<![a-z0-9-]\.)gov\.vn/iu;

interface Text {
  path: Array<string | number>;
  vi: string;
  all: LocalText;
  isSay: boolean;
}

/**
 * The texts a citizen reads, in two separate reading orders: the tour list (title, summary) and the
 * guide (each step's title, say and error explanations, then the tour-wide explanations, which may
 * appear on any step and so must explain their own terms).
 */
function readingOrders(tour: Tour): Text[][] {
  const text = (path: Array<string | number>, t: LocalText, isSay = false): Text => ({ path, vi: t.vi, all: t, isSay });
  const listing = [text(['title'], tour.title), ...(tour.summary ? [text(['summary'], tour.summary)] : [])];
  const guide: Text[] = [];
  tour.steps.forEach((step, i) => {
    if (step.title) guide.push(text(['steps', i, 'title'], step.title));
    guide.push(text(['steps', i, 'say'], step.say, true));
    step.errors?.forEach((e, j) => e.explain && guide.push(text(['steps', i, 'errors', j, 'explain'], e.explain)));
  });
  const tourWide = (tour.errors ?? []).flatMap((e, j) => (e.explain ? [[text(['errors', j, 'explain'], e.explain)]] : []));
  return [listing, guide, ...tourWide];
}

export function tourStyleWarnings(tour: Tour): StyleWarning[] {
  const warnings: StyleWarning[] = [];
  const warn = (path: Array<string | number>, message: string) => warnings.push({ path, message });

  for (const order of readingOrders(tour)) {
    const introduced = new Set<string>();
    for (const t of order) {
      const vi = [...t.path, 'vi'];
      const own = ownWords(t.vi);
      const pronoun = own.match(PRONOUNS)?.[0];
      if (pronoun) warn(vi, `says "${pronoun}": address the citizen as ông/bà, or leave the pronoun out (for example: Bấm “Tìm kiếm”.)`);

      for (const term of JARGON) {
        if (!term.find.test(own) || introduced.has(term.term)) continue;
        // Explained once (or already warned about) in this reading order: later uses are fine.
        if (term.explained) introduced.add(term.term);
        if (term.explained?.test(own)) continue;
        warn(vi, term.explained
          ? `uses "${term.term}" without explaining it: the first time it appears, write "${term.instead}"`
          : `uses "${term.term}": write ${term.instead.startsWith('the ') ? term.instead : `"${term.instead}"`} instead`);
      }

      const colour = own.match(COLOUR)?.[0];
      if (colour) warn(vi, `names something by its colour ("${colour}"): say its words or where it is, such as “dòng báo lỗi ngay dưới ô”`);

      if (t.isSay) {
        const sentences = countSentences(t.vi);
        const syllables = countSyllables(t.vi);
        if (sentences > MAX_SAY_SENTENCES || syllables > MAX_SAY_SYLLABLES) {
          warn(vi, `too long to read before acting (${sentences} sentence${sentences === 1 ? "" : "s"}, ${syllables} syllables; at most ${MAX_SAY_SENTENCES} sentences and ${MAX_SAY_SYLLABLES} syllables): say the one action first and cut or move the rest`);
        }
      }

      for (const [lang, value] of Object.entries(t.all)) {
        if (value !== undefined && BARE_GOV_VN.test(value)) {
          warn([...t.path, lang], 'teaches a ".gov.vn" rule, which is false (payment is on pay.vnpay.vn) and unsafe: name the exact address this step expects, such as sso.dancuquocgia.gov.vn');
        }
      }
    }
  }
  return warnings;
}

/**
 * Texts a recorder wrote as placeholders ("[VIẾT LẠI] Bấm “Đăng nhập”."): an error, not a style
 * warning, so a recorded draft cannot be checked, packed or shipped before a person writes its words.
 */
export function draftPlaceholders(tour: Tour): StyleWarning[] {
  return readingOrders(tour).flat().flatMap((t) =>
    Object.entries(t.all).flatMap(([lang, value]) =>
      value?.includes(REWRITE_MARK) ? [{ path: [...t.path, lang], message: `still the recorder's placeholder "${REWRITE_MARK}": write this text by WRITING.md, then remove the mark` }] : [],
    ),
  );
}
