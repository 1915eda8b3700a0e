import {
  CitizenDescriptor,
  type CitizenDescriptor as CitizenDescriptorType,
  describeIssues,
  PERSONAL_FIELDS,
  type DeskSettings,
  type Message,
  type PersonalField,
  type Session,
} from './schema';
import { PERSONAL_FIELD_LABELS } from './strings';

/**
 * Consent rules. Consent is recorded when the session is created (there is no session record
 * before it), a declined session stores no citizen descriptor and no satisfaction score, and
 * personal fields (name, ID number, phone, note) are refused unless the desk turned them on.
 */

export interface ConsentTextTemplate {
  /** Date the text was approved (local, YYYY-MM-DD). */
  approved: string;
  title: string;
  /** Vietnamese paragraphs read to the citizen. {months} and {personal} are filled in. */
  paragraphs: readonly string[];
  english: string;
}

/** The text version read before records could be shared with the province (kept: old consents stay readable). */
export const V1_CONSENT_VERSION = 'v1-2026';
/** Adds when and what is shared with the province (replication to its server): see replication.ts. */
export const V2_CONSENT_VERSION = 'v2-2026';
export const CURRENT_CONSENT_VERSION = V2_CONSENT_VERSION;
/**
 * Consent texts that tell the citizen a minimal record may go to the province's server. A session
 * agreed under any other text (v1, the pilot) never replicates: its citizen was told it stays here.
 */
export const SHARING_CONSENT_VERSIONS: readonly string[] = [V2_CONSENT_VERSION];
/** The text version the first pilot's records are migrated to: its wording was not kept. */
export const PILOT_CONSENT_VERSION = 'thi-diem';

export const CONSENT_TEXTS: Readonly<Record<string, ConsentTextTemplate>> = {
  [V2_CONSENT_VERSION]: {
    approved: '2026-12-01',
    title: 'Xin phép ghi lại buổi hỗ trợ',
    paragraphs: [
      'Ghi những gì: việc chúng tôi giúp ông/bà hôm nay (ví dụ cài VNeID, nộp hồ sơ), làm xong hay chưa, giờ bắt đầu và kết thúc. ' +
        'Nếu ông/bà đồng ý, ghi thêm nhóm tuổi, giới tính và ông/bà có phải lần đầu dùng Cổng Dịch vụ công hay không. {personal}',
      'Để làm gì: để Tổ công nghệ số cộng đồng biết người dân cần giúp việc gì nhiều nhất và báo cáo với xã, với tỉnh. Không dùng vào việc khác.',
      'Ai giữ: Tổ công nghệ số cộng đồng giữ trên máy tính của điểm hỗ trợ này. ' +
        'Nếu điểm hỗ trợ có gửi số liệu lên máy chủ của tỉnh, chỉ gửi: việc đã giúp, làm xong hay chưa, giờ giấc, mã điểm hỗ trợ, mã cán bộ và nhóm tuổi. ' +
        'Không gửi họ tên, số căn cước, số điện thoại, giới tính hay ghi chú. Nếu ông/bà không đồng ý, không gửi gì về buổi hôm nay.',
      'Giữ bao lâu: {months} tháng, sau đó tự xóa.',
      'Ông/bà có quyền không đồng ý: chúng tôi vẫn giúp như bình thường, chỉ đếm số việc đã làm, không ghi gì về ông/bà. ' +
        'Ông/bà cũng có thể rút lại sự đồng ý bất cứ lúc nào; khi đó bản ghi của ông/bà sẽ bị xóa, cả bản đã gửi lên tỉnh.',
    ],
    english:
      'We record what we helped with today, whether it worked and the time; if you agree, also your age band, gender and ' +
      'whether this is your first time on the portal{personalEn}. It is used only for the team’s and the province’s reports and kept on this desk’s ' +
      'computer for {months} months, then deleted. If this desk sends figures to the province’s server, only the tasks, outcomes, times, ' +
      'desk and team-member codes and your age band are sent — never your name, ID number, phone, gender or notes, and nothing if you decline. ' +
      'You may decline and still get help: we then only count the tasks, nothing about you. You may withdraw at any time: your record is then ' +
      'deleted, including the copy sent to the province.',
  },
  [V1_CONSENT_VERSION]: {
    approved: '2026-01-15',
    title: 'Xin phép ghi lại buổi hỗ trợ',
    paragraphs: [
      'Ghi những gì: việc chúng tôi giúp ông/bà hôm nay (ví dụ cài VNeID, nộp hồ sơ), làm xong hay chưa, giờ bắt đầu và kết thúc. ' +
        'Nếu ông/bà đồng ý, ghi thêm nhóm tuổi, giới tính và ông/bà có phải lần đầu dùng Cổng Dịch vụ công hay không. {personal}',
      'Để làm gì: để Tổ công nghệ số cộng đồng biết người dân cần giúp việc gì nhiều nhất và báo cáo với xã. Không dùng vào việc khác.',
      'Ai giữ: Tổ công nghệ số cộng đồng giữ trên máy tính của điểm hỗ trợ này. Báo cáo gửi lên xã chỉ có số liệu, không có tên người.',
      'Giữ bao lâu: {months} tháng, sau đó tự xóa.',
      'Ông/bà có quyền không đồng ý: chúng tôi vẫn giúp như bình thường, chỉ đếm số việc đã làm, không ghi gì về ông/bà. ' +
        'Ông/bà cũng có thể rút lại sự đồng ý bất cứ lúc nào; khi đó bản ghi của ông/bà sẽ bị xóa.',
    ],
    english:
      'We record what we helped with today, whether it worked and the time; if you agree, also your age band, gender and ' +
      'whether this is your first time on the portal{personalEn}. It is used only for the team’s reports, kept on this desk’s ' +
      'computer for {months} months, then deleted. You may decline and still get help: we then only count the tasks, ' +
      'nothing about you. You may withdraw at any time: your record is then deleted.',
  },
  [PILOT_CONSENT_VERSION]: {
    approved: '2025-05-01',
    title: 'Đồng ý thời thí điểm',
    paragraphs: ['Bản ghi từ thời thí điểm: chỉ lưu “có đồng ý / không đồng ý”, nội dung văn bản khi đó không được lưu lại.'],
    english: 'Pilot-era record: only yes/no was kept; the wording read at the time was not stored.',
  },
};

export interface RenderedConsent {
  version: string;
  title: string;
  paragraphs: string[];
  english: string;
}

export function enabledPersonalFields(settings: DeskSettings): PersonalField[] {
  return PERSONAL_FIELDS.filter((field) => settings.personalFields[field]);
}

/** The consent text as read aloud and printed, filled in with this desk's settings. */
export function consentText(settings: DeskSettings, version: string = CURRENT_CONSENT_VERSION): RenderedConsent | undefined {
  const template = CONSENT_TEXTS[version];
  if (!template) return undefined;
  const fields = enabledPersonalFields(settings);
  const personalVi = fields.length
    ? `Điểm hỗ trợ này có ghi thêm: ${fields.map((f) => PERSONAL_FIELD_LABELS[f].vi.toLowerCase()).join(', ')}, chỉ khi ông/bà đồng ý.`
    : 'Chúng tôi không ghi họ tên, số căn cước hay số điện thoại của ông/bà.';
  const personalEn = fields.length
    ? `, and this desk also records your ${fields.map((f) => PERSONAL_FIELD_LABELS[f].en.toLowerCase()).join(', ')}`
    : '; never your name, ID number or phone';
  const fill = (text: string) =>
    text
      .replaceAll('{months}', String(settings.retentionMonths))
      .replaceAll('{personalEn}', personalEn)
      .replaceAll('{personal}', personalVi);
  return {
    version,
    title: template.title,
    paragraphs: template.paragraphs.map(fill),
    english: fill(template.english),
  };
}

/** Printable plain text of the consent (one paragraph per line, English last). */
export function consentPlainText(settings: DeskSettings, version: string = CURRENT_CONSENT_VERSION): string {
  const text = consentText(settings, version);
  if (!text) return '';
  return [text.title, '', ...text.paragraphs, '', `(English) ${text.english}`, '', `Phiên bản / version: ${text.version}`].join('\n');
}

export interface ConsentDecision {
  agreed: boolean;
  at: number;
  textVersion?: string;
}

export type ConsentResult = { ok: true; session: Session } | { ok: false; error: Message };

/**
 * Records (or changes) the consent decision on a session. Declining strips everything about the
 * citizen — descriptor and satisfaction — and keeps only the anonymous tally of tasks.
 */
export function applyConsent(session: Session, decision: ConsentDecision): ConsentResult {
  const textVersion = decision.textVersion ?? CURRENT_CONSENT_VERSION;
  if (!CONSENT_TEXTS[textVersion]) {
    return { ok: false, error: { vi: `Không biết văn bản đồng ý “${textVersion}”.`, en: `Unknown consent text "${textVersion}".` } };
  }
  const next: Session = { ...session, consent: { textVersion, agreed: decision.agreed, at: decision.at }, updatedAt: Math.max(session.updatedAt, decision.at) };
  if (!decision.agreed) {
    delete next.citizen;
    delete next.satisfaction;
  }
  return { ok: true, session: next };
}

export type CitizenCheck =
  | { ok: true; citizen: CitizenDescriptorType | undefined }
  | { ok: false; error: Message };

/** Spaces, dots and dashes out; +84 / 84 prefix to 0. Validation happens in the schema. */
export function normalisePhone(input: string): string {
  const compact = input.replace(/[\s.\-()]/g, '');
  if (compact.startsWith('+84')) return `0${compact.slice(3)}`;
  if (/^84\d{9,10}$/.test(compact)) return `0${compact.slice(2)}`;
  return compact;
}

export function normaliseIdNumber(input: string): string {
  return input.replace(/[\s.-]/g, '');
}

/**
 * Validates a citizen descriptor against the consent decision and the desk's settings. An empty
 * descriptor comes back as `undefined` so nothing is stored for it.
 */
export function checkCitizen(input: unknown, settings: DeskSettings, consent: { agreed: boolean }): CitizenCheck {
  if (input === undefined || input === null) return { ok: true, citizen: undefined };
  if (!consent.agreed) {
    return {
      ok: false,
      error: {
        vi: 'Người dân không đồng ý ghi nhận: không được lưu thông tin gì về người dân.',
        en: 'Consent was declined: nothing about the citizen may be stored.',
      },
    };
  }
  const raw = typeof input === 'object' && !Array.isArray(input) ? { ...(input as Record<string, unknown>) } : input;
  // Stryker disable next-line ConditionalExpression,LogicalOperator: a non-object has no fields to clean or refuse, and the schema rejects it below
  if (raw && typeof raw === 'object' && !Array.isArray(raw)) {
    const record = raw as Record<string, unknown>;
    if (typeof record.phone === 'string') record.phone = normalisePhone(record.phone);
    if (typeof record.idNumber === 'string') record.idNumber = normaliseIdNumber(record.idNumber);
    for (const key of Object.keys(record)) {
      if (record[key] === undefined || record[key] === '') delete record[key];
    }
    const refused = PERSONAL_FIELDS.filter((field) => record[field] !== undefined && !settings.personalFields[field]);
    if (refused.length) {
      return {
        ok: false,
        error: {
          vi: `Điểm hỗ trợ chưa bật trường: ${refused.map((f) => PERSONAL_FIELD_LABELS[f].vi).join(', ')}. Không lưu thông tin này.`,
          en: `Personal field(s) not enabled on this desk: ${refused.join(', ')}. Not stored.`,
        },
      };
    }
  }
  const parsed = CitizenDescriptor.safeParse(raw);
  if (!parsed.success) {
    return { ok: false, error: { vi: `Thông tin người dân không hợp lệ:\n${describeIssues(parsed.error)}`, en: `Invalid citizen descriptor:\n${describeIssues(parsed.error)}` } };
  }
  return { ok: true, citizen: Object.keys(parsed.data).length ? parsed.data : undefined };
}

/**
 * Removes personal fields the desk has (since) turned off. Returns the same object when nothing
 * changes, so callers can skip the write.
 */
export function redactPersonal(session: Session, settings: DeskSettings): Session {
  const citizen = session.citizen;
  if (!citizen) return session;
  const drop = PERSONAL_FIELDS.filter((field) => citizen[field] !== undefined && !settings.personalFields[field]);
  if (!drop.length) return session;
  const kept = { ...citizen };
  for (const field of drop) delete kept[field];
  const next: Session = { ...session };
  if (Object.keys(kept).length) next.citizen = kept;
  else delete next.citizen;
  return next;
}

export interface WithdrawalPlan {
  /** Session ids to delete from storage (and from any export still held by the desk). */
  deleteIds: string[];
  /** Why each one is included: the session itself, or the same ID number / phone on another visit. */
  matchedBy: Record<string, 'session' | 'idNumber' | 'phone'>;
}

/**
 * A citizen withdraws consent: their session is deleted outright (not just anonymised), and when
 * the desk records ID numbers or phones, every other session with the same number is too. Names
 * never match on their own: two people share a name, and deleting a stranger's record is wrong.
 */
export function withdrawalTargets(sessions: readonly Session[], sessionId: string): WithdrawalPlan {
  const plan: WithdrawalPlan = { deleteIds: [], matchedBy: {} };
  const own = sessions.find((s) => s.id === sessionId);
  if (!own) return plan;
  plan.deleteIds.push(own.id);
  plan.matchedBy[own.id] = 'session';
  const idNumber = own.citizen?.idNumber;
  const phone = own.citizen?.phone;
  // Stryker disable next-line ConditionalExpression: early exit; with neither number the loop below matches nothing
  if (!idNumber && !phone) return plan;
  for (const other of sessions) {
    if (other.id === own.id || plan.matchedBy[other.id]) continue;
    if (idNumber && other.citizen?.idNumber === idNumber) {
      plan.deleteIds.push(other.id);
      plan.matchedBy[other.id] = 'idNumber';
    } else if (phone && other.citizen?.phone === phone) {
      plan.deleteIds.push(other.id);
      plan.matchedBy[other.id] = 'phone';
    }
  }
  return plan;
}

/**
 * A short code the desk gives a citizen who agreed, so they can withdraw later without any name or
 * number being kept: the first 8 hex digits of the session id, in capitals ("3F9A0C12").
 */
export function withdrawalCode(sessionId: string): string {
  // Stryker disable next-line StringLiteral: a session id is a UUID, whose first dash comes after the 8 characters kept
  return sessionId.replace(/-/g, '').slice(0, 8).toUpperCase();
}

/** Sessions a withdrawal code (as typed: spaces, dashes, lower case allowed) points at. */
export function findByWithdrawalCode(sessions: readonly Session[], typed: string): Session[] {
  const code = typed.replace(/[\s-]/g, '').toUpperCase();
  // Stryker disable next-line ConditionalExpression,Regex: early exit; only an exact 8-hex-digit code can equal a withdrawal code below
  if (!/^[0-9A-F]{8}$/.test(code)) return [];
  return sessions.filter((s) => withdrawalCode(s.id) === code);
}
