// @vitest-environment jsdom
// @vitest-environment-options {"url": "https://dichvucong.gov.vn/"}
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_PREFS } from '../../engine/prefs';
import type { Tour } from '../../engine/schema';
import { createEmitter, type WidgetEventDetail } from '../../widget/emitter';
import { createSessionHost, type RunView } from '../../widget/session-host';
import { readRun } from '../../widget/stores';

const login = JSON.parse(readFileSync('tours/dvcqg-dang-nhap-vneid.json', 'utf8')) as Tour;

function setup() {
  const emitter = createEmitter(() => null);
  const heard: Array<[string, WidgetEventDetail]> = [];
  for (const name of ['tour:start', 'step:show', 'tour:complete', 'step:missing'] as const) emitter.on(name, (d) => heard.push([name, d]));
  const views: Array<RunView | undefined> = [];
  const session = createSessionHost({ packId: 'p', tours: [login], prefs: () => DEFAULT_PREFS, emit: emitter.emit, onChange: (v) => views.push(v) });
  return { session, heard, views };
}

describe('the widget session host', () => {
  beforeEach(() => sessionStorage.clear());

  it('keeps the run in sessionStorage, waits away for another site and says which', async () => {
    const { session, heard, views } = setup();
    const first = session.start(login);
    expect(first?.run).toMatchObject({ stepIndex: 0, status: 'active' });
    expect(first?.prefs).toEqual(DEFAULT_PREFS);
    const next = await session.host.send({ type: 'advance', stepId: 'bam-dang-nhap', url: location.href });
    expect(next?.run).toMatchObject({ stepIndex: 1, status: 'away' });
    expect(views.at(-1)?.elsewhere).toBe('https://sso.dancuquocgia.gov.vn');
    expect(readRun()).toMatchObject({ packId: 'p', run: { stepIndex: 1, status: 'away' } });
    expect(heard.map(([name, d]) => `${name}:${d.stepId ?? ''}`)).toEqual(['tour:start:', 'step:show:bam-dang-nhap']);
  });

  it('a reload resumes the same step without counting it shown again; close forgets the run', () => {
    const { session, heard } = setup();
    session.start(login);
    const again = setup();
    expect(again.session.resume()?.run).toMatchObject({ stepIndex: 0, status: 'active' });
    expect(again.heard).toEqual([]);
    again.session.stop();
    expect(readRun()).toBeUndefined();
    expect(setup().session.resume()).toBeNull();
    expect(heard).toHaveLength(2);
  });

  it('ignores a stored run of another pack or a tour it does not have', () => {
    sessionStorage.setItem('danbuoc-widget:run', JSON.stringify({ packId: 'other', run: { v: 1, tourId: login.id, stepIndex: 0, status: 'active', startedAt: 1, updatedAt: 1 } }));
    expect(setup().session.resume()).toBeNull();
    sessionStorage.setItem('danbuoc-widget:run', JSON.stringify({ packId: 'p', run: { v: 1, tourId: 'gone', stepIndex: 0, status: 'active', startedAt: 1, updatedAt: 1 } }));
    expect(setup().session.resume()).toBeNull();
  });

  it('reports a missing step to the host with ids only', () => {
    const { session, heard } = setup();
    session.host.report?.({ tourId: login.id, stepId: 'so-dinh-danh', failed: ['label'] });
    expect(heard).toEqual([['step:missing', { tourId: login.id, stepId: 'so-dinh-danh' }]]);
  });
});
