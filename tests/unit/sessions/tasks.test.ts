import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CATALOGUE, mergeCatalogues, missingTourTasks, parseCatalogue, taskTitle, tasksByGroup } from '../../../sessions/tasks';

const CATALOGUE_TEXT = readFileSync(new URL('../../../sessions/task-catalogue.json', import.meta.url), 'utf8');
const toursDir = new URL('../../../tours/', import.meta.url);
const tours = readdirSync(toursDir)
  .filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'))
  .map((f) => JSON.parse(readFileSync(new URL(f, toursDir), 'utf8')) as { id: string; task?: string; steps: Array<{ completes?: string }> });

const provincial = (tasks: unknown[]) => ({ format: 'dan-buoc-task-catalogue', version: 1, province: 'Tỉnh Đồng Tháp', tasks });
const task = (id: string) => ({ id, group: 'dich-vu-cong', title: { vi: 'Việc của tỉnh', en: 'Provincial task' } });

describe('default task catalogue', () => {
  it('is valid, in canonical form, and has the tasks desks ask for', () => {
    expect(parseCatalogue(JSON.parse(CATALOGUE_TEXT)).ok).toBe(true);
    expect(CATALOGUE_TEXT).toBe(`${JSON.stringify(JSON.parse(CATALOGUE_TEXT), null, 2)}\n`);
    const ids = DEFAULT_CATALOGUE.tasks.map((t) => t.id);
    expect(ids.length).toBeGreaterThanOrEqual(12);
    for (const id of [
      'tim-thu-tuc', 'cai-dat-vneid', 'kich-hoat-dinh-danh-muc-2', 'dang-nhap-dvcqg', 'nop-ho-so-truc-tuyen', 'tra-cuu-ho-so',
      'thanh-toan-le-phi', 'thanh-toan-tien-dien', 'thanh-toan-tien-nuoc', 'dang-ky-khai-sinh-lien-thong',
      'nop-phat-vi-pham-giao-thong', 'cap-doi-giay-phep-lai-xe', 'nhan-dien-lua-dao',
    ]) expect(ids).toContain(id);
    expect(taskTitle(DEFAULT_CATALOGUE, 'tim-thu-tuc').vi).toBe('Tìm thủ tục và xem giấy tờ');
    expect(taskTitle(DEFAULT_CATALOGUE, 'cai-dat-vneid').vi).toBe('Cài đặt ứng dụng VNeID');
  });

  it('covers every task a tour completes', () => {
    expect(tours.length).toBeGreaterThan(0);
    expect(missingTourTasks(DEFAULT_CATALOGUE, tours)).toEqual([]);
    expect(missingTourTasks(DEFAULT_CATALOGUE, [{ id: 'x', task: 'khong-co', steps: [{ completes: 'cung-khong-co' }] }])).toEqual(['cung-khong-co', 'khong-co']);
  });

  it('groups tasks for the picker and shows unknown ids as themselves', () => {
    const groups = tasksByGroup(DEFAULT_CATALOGUE);
    expect(groups.vneid.map((t) => t.id)).toContain('cai-dat-vneid');
    expect(groups['an-toan'].map((t) => t.id)).toContain('nhan-dien-lua-dao');
    expect(taskTitle(DEFAULT_CATALOGUE, 'viec-cua-tinh-khac')).toEqual({ vi: 'viec-cua-tinh-khac', en: 'viec-cua-tinh-khac' });
  });
});

describe('mergeCatalogues', () => {
  it('adds a province’s tasks', () => {
    const r = mergeCatalogues(DEFAULT_CATALOGUE, provincial([task('ho-tro-nong-san-tren-san-tmdt')]));
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.catalogue.tasks).toHaveLength(DEFAULT_CATALOGUE.tasks.length + 1);
      expect(r.catalogue.province).toBe('Tỉnh Đồng Tháp');
    }
  });

  it('rejects an id that already exists in the base catalogue', () => {
    const r = mergeCatalogues(DEFAULT_CATALOGUE, provincial([task('cai-dat-vneid')]));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0].vi).toContain('“cai-dat-vneid” đã có trong danh mục chung');
  });

  it('rejects duplicate ids inside the file', () => {
    const r = mergeCatalogues(DEFAULT_CATALOGUE, provincial([task('viec-a'), task('viec-b'), task('viec-a')]));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0].en).toBe('provincial catalogue: duplicate task id "viec-a" (tasks[0] and tasks[2]).');
  });

  it('rejects bad slugs with the path and a hint', () => {
    const r = mergeCatalogues(DEFAULT_CATALOGUE, provincial([task('Thanh Toán'), task('viec--b')]));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors).toHaveLength(2);
      expect(r.errors[0].vi).toContain('tasks[0].id: mã việc “Thanh Toán” không hợp lệ');
      expect(r.errors[1].en).toContain('tasks[1].id: bad task id "viec--b"');
    }
  });

  it('rejects a foreign or malformed file and unknown groups', () => {
    expect(mergeCatalogues(DEFAULT_CATALOGUE, { tasks: [] }).ok).toBe(false);
    expect(mergeCatalogues(DEFAULT_CATALOGUE, null).ok).toBe(false);
    expect(mergeCatalogues(DEFAULT_CATALOGUE, provincial([{ ...task('viec-c'), group: 'khac' }])).ok).toBe(false);
    expect(mergeCatalogues(DEFAULT_CATALOGUE, provincial([{ ...task('viec-d'), title: { vi: '<b>x</b>', en: 'x' } }])).ok).toBe(false);
  });
});
