import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { CURRENT_CONSENT_VERSION } from '../../../sessions/consent';
import { replicatedSessionDoc, replicatedWithdrawalDoc } from '../../../sessions/replication';
import { validateSource } from '../../../server/couchdb/design';
import { session, vn } from '../sessions/helpers';

/**
 * The server's validate_doc_update, run as the plain JavaScript it is (CouchDB runs the same text).
 * The integration test (couch-replication) checks that the loopback server enforces it too.
 */
type Validate = (newDoc: unknown, oldDoc: unknown, userCtx: { name: string | null; roles: string[] }, secObj: unknown) => void;
// A fresh context, as CouchDB's own sandbox: the function sees none of this test's globals.
const validate = runInNewContext(`(${validateSource()})`) as Validate;

const deskA = { name: 'ban-01', roles: ['desk', 'desk:ban-01'] };
const deskB = { name: 'ban-02', roles: ['desk', 'desk:ban-02'] };
const province = { name: 'tinh', roles: ['province'] };
const admin = { name: 'quan-tri', roles: ['_admin'] };

function doc() {
  const s = session();
  return replicatedSessionDoc({ ...s, consent: { ...s.consent, textVersion: CURRENT_CONSENT_VERSION } }, { deskId: 'ban-01', commune: 'Xã A' })!;
}

function refusal(run: () => void): string | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    return (error as { forbidden?: string }).forbidden ?? 'not a forbidden error';
  }
}

describe('validate_doc_update', () => {
  it('lets a desk write its own minimal record', () => {
    expect(refusal(() => validate(doc(), null, deskA, {}))).toBeUndefined();
  });

  it('refuses a desk writing another desk’s record', () => {
    expect(refusal(() => validate(doc(), null, deskB, {}))).toMatch(/only its own records/);
    const mine = { ...doc(), deskId: 'ban-02', session: { ...doc().session, deskId: 'ban-02' } };
    expect(refusal(() => validate(mine, doc(), deskB, {}))).toMatch(/another desk/);
    expect(refusal(() => validate({ _id: doc()._id, _deleted: true }, doc(), deskB, {}))).toMatch(/only its own/);
  });

  it('refuses a session whose stamped desk differs from the document’s', () => {
    const d = doc();
    expect(refusal(() => validate({ ...d, session: { ...d.session, deskId: 'ban-02' } }, null, deskA, {}))).toMatch(/session.deskId/);
  });

  it.each(['name', 'idNumber', 'phone', 'note', 'gender', 'firstTime'])('refuses the personal field %s anywhere', (field) => {
    const d = doc();
    expect(refusal(() => validate({ ...d, session: { ...d.session, citizen: { ageBand: '60-74', [field]: 'x' } } }, null, deskA, {}))).toMatch(field);
    expect(refusal(() => validate({ ...d, [field]: 'x' }, null, deskA, {}))).toMatch(field);
    expect(refusal(() => validate({ ...d, session: { ...d.session, [field]: 'x' } }, null, deskA, {}))).toMatch(field);
  });

  it('refuses a satisfaction score and unknown task fields', () => {
    const d = doc();
    expect(refusal(() => validate({ ...d, session: { ...d.session, satisfaction: 5 } }, null, deskA, {}))).toMatch(/satisfaction/);
    expect(refusal(() => validate({ ...d, session: { ...d.session, tasks: [{ ...d.session.tasks[0], note: 'x' }] } }, null, deskA, {}))).toMatch(/note/);
  });

  it('refuses a declined session', () => {
    const d = doc();
    expect(refusal(() => validate({ ...d, session: { ...d.session, consent: { ...d.session.consent, agreed: false } } }, null, deskA, {}))).toMatch(/agreed/);
  });

  it('refuses every write by the province and by accounts without a desk role', () => {
    expect(refusal(() => validate(doc(), null, province, {}))).toMatch(/only a desk/);
    expect(refusal(() => validate(doc(), null, { name: null, roles: [] }, {}))).toMatch(/only a desk/);
  });

  it('lets an administrator write anything', () => {
    expect(refusal(() => validate({ _id: 'x', anything: true }, null, admin, {}))).toBeUndefined();
  });

  it('accepts withdrawals stamped with the writing desk, never changes or deletes them', () => {
    const w = replicatedWithdrawalDoc({ id: doc().session.id, at: vn(2026, 3, 3) }, 'ban-02');
    expect(refusal(() => validate(w, null, deskB, {}))).toBeUndefined();
    expect(refusal(() => validate(w, null, deskA, {}))).toMatch(/only its own/);
    expect(refusal(() => validate({ ...w, at: vn(2026, 3, 4) }, w, deskB, {}))).toMatch(/never changed/);
    expect(refusal(() => validate({ _id: w._id, _deleted: true }, w, deskB, {}))).toMatch(/withdrawals are kept/);
    expect(refusal(() => validate({ ...w, name: 'x' }, null, deskB, {}))).toMatch(/name/);
  });
});
