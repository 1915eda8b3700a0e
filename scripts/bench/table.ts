/** One table for the whole run: sections of name/value rows, plus the raw figures for bench.json. */
export interface Row {
  name: string;
  value: string;
}

export interface Section {
  title: string;
  rows: Row[];
  /** the same figures as numbers, for bench-output/bench.json */
  data?: unknown;
}

export function renderTable(sections: Section[]): string {
  const rows = sections.flatMap((s) => s.rows);
  const nameWidth = Math.max(...rows.map((r) => r.name.length), ...sections.map((s) => s.title.length));
  const valueWidth = Math.max(...rows.map((r) => r.value.length));
  const rule = `+${'-'.repeat(nameWidth + 2)}+${'-'.repeat(valueWidth + 2)}+`;
  const lines = [rule];
  for (const section of sections) {
    lines.push(`| ${section.title.padEnd(nameWidth + valueWidth + 3)} |`, rule);
    for (const row of section.rows) lines.push(`| ${row.name.padEnd(nameWidth)} | ${row.value.padEnd(valueWidth)} |`);
    lines.push(rule);
  }
  return lines.join('\n');
}
