import { describe, expect, it } from 'vitest';
import {
  applyConsent,
  checkCitizen,
  CONSENT_TEXTS,
  consentPlainText,
  consentText,
  CURRENT_CONSENT_VERSION,
  normalisePhone,
  redactPersonal,
  withdrawalTargets,
} from '../../../sessions/consent';
import { defaultSettings, Session, type DeskSettings } from '../../../sessions/schema';
import { setCitizen, setSatisfaction, startSession } from '../../../sessions/session-ops';
import { declined, session, uuid, vn } from './helpers';

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
