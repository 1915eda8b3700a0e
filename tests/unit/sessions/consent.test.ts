import { describe, expect, it } from 'vitest';
import {
  applyConsent,
  checkCitizen,
  CONSENT_TEXTS,
  consentPlainText,
  consentText,
  CURRENT_CONSENT_VERSION,
  normaliseIdNumber,
  normalisePhone,
  PILOT_CONSENT_VERSION,
  redactPersonal,
  withdrawalTargets,
} from '../../../sessions/consent';
import { defaultSettings, Session, type DeskSettings } from '../../../sessions/schema';
import { setCitizen, setSatisfaction, startSession } from '../../../sessions/session-ops';
import { declined, deepFreeze, session, uuid, vn } from './helpers';

/** sha256 (first 16 hex digits) of each approved consent template. */
const APPROVED_DIGESTS = { 'v2-2026': '4839b61f0e9bc156', 'v1-2026': 'b061f86c49e4cd2e', 'thi-diem': '934740642d131f4c' };

const settings = defaultSettings('ban-01');
const withFields = (fields: Partial<DeskSettings['personalFields']>): DeskSettings => ({ ...settings, personalFields: { ...settings.personalFields, ...fields } });
const at = vn(2026, 3, 2, 8);
const start = (agreed: boolean, citizen?: unknown, s: DeskSettings = settings) =>
  startSession({ id: uuid(1), deskId: 'ban-01', memberId: 'tv-01', at, consent: { agreed }, citizen }, s);

describe('consent text', () => {
  it('says what, why, who keeps it and how long, in Vietnamese with an English line', () => {
    const text = consentText(settings);
    expect(text?.version).toBe(CURRENT_CONSENT_VERSION);
    const all = text!.paragraphs.join('\n');
    for (const part of ['Ghi những gì', 'Để làm gì', 'Ai giữ', 'Giữ bao lâu: 12 tháng', 'không đồng ý', 'rút lại']) expect(all).toContain(part);
    expect(all).toContain('không ghi họ tên, số căn cước hay số điện thoại');
    expect(text!.english).toContain('12 months');
    expect(all).not.toMatch(/\{[a-zA-Z]+\}/);
  });

  it('follows the settings: retention period and enabled personal fields', () => {
    const text = consentText({ ...withFields({ phone: true }), retentionMonths: 6 })!;
    expect(text.paragraphs.join(' ')).toContain('6 tháng');
    expect(text.paragraphs.join(' ')).toContain('số điện thoại, chỉ khi ông/bà đồng ý');
    expect(text.english).toContain('phone number');
  });

  it('is printable as plain text and unknown versions give nothing', () => {
    const printed = consentPlainText(settings);
    expect(printed).toContain('(English)');
    expect(printed).toContain(`version: ${CURRENT_CONSENT_VERSION}`);
    expect(printed).not.toMatch(/<[a-z]/i);
    expect(consentText(settings, 'v9')).toBeUndefined();
    expect(Object.keys(CONSENT_TEXTS)).toContain(CURRENT_CONSENT_VERSION);
  });
});

describe('consent rules', () => {
  it('a declined session is still a session (helping continues) but holds no citizen data', () => {
    const r = start(false);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.session.consent.agreed).toBe(false);
    expect(r.session.citizen).toBeUndefined();
    expect(Session.safeParse(r.session).success).toBe(true);
  });

  it('declined: a descriptor, even the minimal one, is refused', () => {
    const r = start(false, { ageBand: '60-74' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.vi).toContain('không đồng ý');
    const s = declined();
    expect(setCitizen(s, { firstTime: true }, settings, at).ok).toBe(false);
    expect(setSatisfaction(s, 5, at).ok).toBe(false);
  });

  it('declining later strips the descriptor and the satisfaction score', () => {
    const s = session({ satisfaction: 4, citizen: { ageBand: '18-29', phone: '0912345678' } });
    const r = applyConsent(s, { agreed: false, at: at + 1000 });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.session.citizen).toBeUndefined();
    expect(r.session.satisfaction).toBeUndefined();
    expect(r.session.consent).toEqual({ textVersion: CURRENT_CONSENT_VERSION, agreed: false, at: at + 1000 });
    expect(s.citizen).toBeDefined(); // input untouched
    expect(applyConsent(s, { agreed: true, at, textVersion: 'v0-unknown' }).ok).toBe(false);
  });

  it('personal fields are refused unless the desk turned them on', () => {
    for (const [field, value] of [['name', 'Nguyễn Văn A'], ['idNumber', '001234567890'], ['phone', '0912345678'], ['note', 'cần quay lại']] as const) {
      const refused = start(true, { [field]: value });
      expect(refused.ok, field).toBe(false);
      if (!refused.ok) expect(refused.error.en).toContain(field);
      const accepted = start(true, { [field]: value }, withFields({ [field]: true }));
      expect(accepted.ok, field).toBe(true);
    }
  });

  it('normalises phone and ID numbers before validating, and drops empty fields', () => {
    expect(normalisePhone('+84 912.345.678')).toBe('0912345678');
    expect(normalisePhone('84912345678')).toBe('0912345678');
    const r = checkCitizen({ phone: '+84 912 345 678', idNumber: '001 234 567 890', gender: '' }, withFields({ phone: true, idNumber: true }), { agreed: true });
    expect(r).toEqual({ ok: true, citizen: { phone: '0912345678', idNumber: '001234567890' } });
    expect(checkCitizen({}, settings, { agreed: true })).toEqual({ ok: true, citizen: undefined });
    const bad = checkCitizen({ ageBand: '100+' }, settings, { agreed: true });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.en).toContain('ageBand');
  });

  it('turning a field off redacts it from stored sessions', () => {
    const s = session({ citizen: { ageBand: '18-29', phone: '0912345678' } });
    expect(redactPersonal(s, withFields({ phone: true }))).toBe(s);
    expect(redactPersonal(s, settings).citizen).toEqual({ ageBand: '18-29' });
    const only = session({ citizen: { phone: '0912345678' } });
    expect(redactPersonal(only, settings).citizen).toBeUndefined();
  });
});

describe('withdrawing consent', () => {
  it('deletes the session itself', () => {
    const a = session();
    const b = session();
    expect(withdrawalTargets([a, b], a.id)).toEqual({ deleteIds: [a.id], matchedBy: { [a.id]: 'session' } });
    expect(withdrawalTargets([a, b], uuid(999_999)).deleteIds).toEqual([]);
  });

  it('and other visits with the same ID number or phone, never by name alone', () => {
    const own = session({ citizen: { idNumber: '001234567890', phone: '0912345678', name: 'Nguyễn Văn A' } });
    const sameId = session({ citizen: { idNumber: '001234567890' } });
    const samePhone = session({ citizen: { phone: '0912345678' } });
    const sameName = session({ citizen: { name: 'Nguyễn Văn A' } });
    const other = session();
    const plan = withdrawalTargets([own, sameId, samePhone, sameName, other], own.id);
    expect(plan.deleteIds).toEqual([own.id, sameId.id, samePhone.id]);
    expect(plan.matchedBy[sameId.id]).toBe('idNumber');
    expect(plan.matchedBy[samePhone.id]).toBe('phone');
  });
});

describe('withdrawal codes', () => {
  it('are the first 8 hex digits of the session id, in capitals, and find that session however typed', async () => {
    const { findByWithdrawalCode, withdrawalCode } = await import('../../../sessions/consent');
    const a = session({ id: '3f9a0c12-5b6d-4e7f-8a9b-0c1d2e3f4a5b' });
    const b = session({ id: '7e1d2c3b-0000-4000-8000-000000000000' });
    expect(withdrawalCode(a.id)).toBe('3F9A0C12');
    for (const typed of ['3F9A0C12', '3f9a0c12', ' 3F9A-0C12 ', '3f9a 0c12']) expect(findByWithdrawalCode([a, b], typed)).toEqual([a]);
    for (const typed of ['', '3F9A0C1', '3F9A0C123', 'ZZZZZZZZ', '7E1D2C3C']) expect(findByWithdrawalCode([a, b], typed)).toEqual([]);
  });
});

describe('consent text wording', () => {
  it('an approved version is frozen: records point at it by name, so new wording needs a new version', async () => {
    const { createHash } = await import('node:crypto');
    const digest = (version: string) => createHash('sha256').update(JSON.stringify(CONSENT_TEXTS[version])).digest('hex').slice(0, 16);
    // If this fails, the wording of an approved text changed: add a new version instead.
    expect(Object.fromEntries(Object.keys(CONSENT_TEXTS).map((version) => [version, digest(version)]))).toEqual(APPROVED_DIGESTS);
    expect(CONSENT_TEXTS[CURRENT_CONSENT_VERSION].approved).toBe('2026-12-01');
    expect(CONSENT_TEXTS['v1-2026'].approved).toBe('2026-01-15');
    expect(CONSENT_TEXTS[PILOT_CONSENT_VERSION].approved).toBe('2025-05-01');
  });

  it('names every enabled personal field, in lower case, in both languages', () => {
    const text = consentText(withFields({ name: true, phone: true }))!;
    expect(text.paragraphs[0]).toContain('Điểm hỗ trợ này có ghi thêm: họ và tên, số điện thoại, chỉ khi ông/bà đồng ý.');
    expect(text.paragraphs[0]).not.toContain('{personal}');
    expect(text.english).toContain('first time on the portal, and this desk also records your full name, phone number. It is used');
    expect(text.title).toBe('Xin phép ghi lại buổi hỗ trợ');
    expect(text.paragraphs).toHaveLength(5);
  });

  it('with no personal field says what is never recorded, in both languages', () => {
    const text = consentText(settings)!;
    expect(text.paragraphs[0]).toContain('Chúng tôi không ghi họ tên, số căn cước hay số điện thoại của ông/bà.');
    expect(text.english).toContain('first time on the portal; never your name, ID number or phone. It is used');
    expect(text.english).toContain('computer for 12 months, then deleted');
    expect(text.paragraphs[3]).toBe('Giữ bao lâu: 12 tháng, sau đó tự xóa.');
  });

  it('the pilot version renders its own title and note', () => {
    const pilot = consentText(settings, PILOT_CONSENT_VERSION)!;
    expect(pilot.version).toBe(PILOT_CONSENT_VERSION);
    expect(pilot.title).toBe('Đồng ý thời thí điểm');
    expect(pilot.paragraphs).toEqual(CONSENT_TEXTS[PILOT_CONSENT_VERSION].paragraphs);
    expect(pilot.english).toBe(CONSENT_TEXTS[PILOT_CONSENT_VERSION].english);
  });

  it('prints title, paragraphs, the English line and the version, one per line', () => {
    const text = consentText(settings)!;
    expect(consentPlainText(settings)).toBe(
      [text.title, '', ...text.paragraphs, '', `(English) ${text.english}`, '', `Phiên bản / version: ${CURRENT_CONSENT_VERSION}`].join('\n'),
    );
    expect(consentPlainText(settings).split('\n')).toHaveLength(5 + 6);
    expect(consentPlainText(settings, 'v9')).toBe('');
  });
});

describe('consent decisions in detail', () => {
  it('agreeing keeps the descriptor and satisfaction; updatedAt never goes back', () => {
    const s = session({ satisfaction: 4, updatedAt: at + 5000, startedAt: at });
    const agreed = applyConsent(s, { agreed: true, at: at + 1000 });
    expect(agreed).toEqual({ ok: true, session: { ...s, consent: { textVersion: CURRENT_CONSENT_VERSION, agreed: true, at: at + 1000 }, updatedAt: at + 5000 } });
    const later = applyConsent(s, { agreed: true, at: at + 9000, textVersion: PILOT_CONSENT_VERSION });
    expect(later.ok && later.session.updatedAt).toBe(at + 9000);
    expect(later.ok && later.session.consent.textVersion).toBe(PILOT_CONSENT_VERSION);
  });

  it('an unknown text version is refused and named', () => {
    expect(applyConsent(session(), { agreed: true, at, textVersion: 'v0' })).toEqual({
      ok: false,
      error: { vi: 'Không biết văn bản đồng ý “v0”.', en: 'Unknown consent text "v0".' },
    });
  });

  it('normalises phones: spaces, dots, dashes and brackets out; 84 only as a whole-number prefix', () => {
    expect(normalisePhone('(091) 234-56.78')).toBe('0912345678');
    expect(normalisePhone('84912345678')).toBe('0912345678');
    expect(normalisePhone('849123456789')).toBe('09123456789');
    expect(normalisePhone('8491234567')).toBe('8491234567');
    expect(normalisePhone('849123456789012')).toBe('849123456789012');
    expect(normalisePhone('0084912345678')).toBe('0084912345678');
    expect(normalisePhone('0912845678')).toBe('0912845678');
    expect(normalisePhone('1+84912345678')).toBe('1+84912345678');
    expect(normaliseIdNumber(' 001.234-567 890 ')).toBe('001234567890');
  });

  it('no descriptor is fine even when declined; declined with one is refused with a reason', () => {
    expect(checkCitizen(undefined, settings, { agreed: false })).toEqual({ ok: true, citizen: undefined });
    expect(checkCitizen(null, settings, { agreed: true })).toEqual({ ok: true, citizen: undefined });
    expect(checkCitizen(null, settings, { agreed: false })).toEqual({ ok: true, citizen: undefined });
    // A field left undefined by a form is no field: nothing is stored for it.
    expect(checkCitizen({ name: undefined }, settings, { agreed: true })).toEqual({ ok: true, citizen: undefined });
    expect(checkCitizen({ ageBand: '60-74' }, settings, { agreed: false })).toEqual({
      ok: false,
      error: { vi: 'Người dân không đồng ý ghi nhận: không được lưu thông tin gì về người dân.', en: 'Consent was declined: nothing about the citizen may be stored.' },
    });
  });

  it('refusing personal fields names each one the desk has off', () => {
    const r = checkCitizen({ name: 'Nguyễn Văn A', phone: '0912345678', ageBand: '60-74' }, settings, { agreed: true });
    expect(r).toEqual({
      ok: false,
      error: { vi: 'Điểm hỗ trợ chưa bật trường: Họ và tên, Số điện thoại. Không lưu thông tin này.', en: 'Personal field(s) not enabled on this desk: name, phone. Not stored.' },
    });
    // An empty personal field is no field at all.
    expect(checkCitizen({ name: '', ageBand: '60-74' }, settings, { agreed: true })).toEqual({ ok: true, citizen: { ageBand: '60-74' } });
  });

  it('keeps a descriptor as given, and refuses non-objects with the schema’s reason', () => {
    expect(checkCitizen({ ageBand: '60-74', firstTime: false }, settings, { agreed: true })).toEqual({ ok: true, citizen: { ageBand: '60-74', firstTime: false } });
    for (const input of ['60-74', ['60-74'], 42]) {
      const r = checkCitizen(input, settings, { agreed: true });
      expect(r.ok, JSON.stringify(input)).toBe(false);
      if (!r.ok) {
        expect(r.error.vi.startsWith('Thông tin người dân không hợp lệ:\n')).toBe(true);
        expect(r.error.en.startsWith('Invalid citizen descriptor:\n')).toBe(true);
      }
    }
    const input = { phone: '+84912345678' };
    checkCitizen(input, withFields({ phone: true }), { agreed: true });
    expect(input.phone).toBe('+84912345678'); // the caller's object is not rewritten
  });

  it('redaction leaves a session without a descriptor as it is and never changes its input', () => {
    const bare = declined();
    expect(redactPersonal(bare, settings)).toBe(bare);
    const s = deepFreeze(session({ citizen: { ageBand: '18-29', name: 'Nguyễn Văn A', note: 'x' } }));
    expect(redactPersonal(s, withFields({ note: true })).citizen).toEqual({ ageBand: '18-29', note: 'x' });
  });
});

describe('withdrawal matching in detail', () => {
  it('a citizen with only a phone, or only an ID number, still finds their other visits', () => {
    const own = session({ citizen: { phone: '0912345678' } });
    const samePhone = session({ citizen: { phone: '0912345678' } });
    const otherPhone = session({ citizen: { phone: '0987654321' } });
    expect(withdrawalTargets([own, declined(), samePhone, otherPhone], own.id)).toEqual({ deleteIds: [own.id, samePhone.id], matchedBy: { [own.id]: 'session', [samePhone.id]: 'phone' } });
    const ownId = session({ citizen: { idNumber: '001234567890' } });
    const sameId = session({ citizen: { idNumber: '001234567890', phone: '0987654321' } });
    const noCitizen = declined();
    expect(withdrawalTargets([noCitizen, ownId, sameId], ownId.id).matchedBy).toEqual({ [ownId.id]: 'session', [sameId.id]: 'idNumber' });
  });

  it('lists a visit once even when the list holds two copies of it', () => {
    const own = session({ citizen: { idNumber: '001234567890' } });
    const other = session({ citizen: { idNumber: '001234567890' } });
    expect(withdrawalTargets([own, other, structuredClone(other), structuredClone(own)], own.id).deleteIds).toEqual([own.id, other.id]);
  });
});
