/**
 * A broken-step report lists the kinds of lookup that failed ("role:heading", "label", "text",
 * "css", each maybe "… within"); the options page names them in Vietnamese.
 */
const KIND_NAMES: Readonly<Record<string, string>> = {
  role: 'vai trò và tên',
  label: 'nhãn ô',
  text: 'chữ trên trang',
  css: 'bộ chọn CSS',
};

export function strategyName(kind: string): string {
  const within = kind.endsWith(' within');
  const base = (within ? kind.slice(0, -' within'.length) : kind).split(':')[0];
  const name = KIND_NAMES[base] ?? 'cách tìm khác';
  return within ? `${name} (bên trong một phần khác)` : name;
}

export const strategyList = (kinds: readonly string[]) => kinds.map(strategyName).join(', ');
