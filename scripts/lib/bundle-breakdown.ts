import { gzipSync } from 'node:zlib';
import { SourceMapConsumer, type RawSourceMap } from 'source-map-js';

/**
 * Which source file the bytes of a minified bundle come from, read from its source map: each
 * generated segment is charged to the source it maps to (unmapped bytes to "(glue)"). The gzip
 * figure per file is its own bytes compressed alone — an upper bound, since the bundle compresses
 * across files — so the column shows proportions, not a sum.
 */
export interface BreakdownRow {
  source: string;
  bytes: number;
  gzipAlone: number;
}

export function bundleBreakdown(code: string, map: RawSourceMap): BreakdownRow[] {
  const consumer = new SourceMapConsumer(map);
  const lines = code.split('\n');
  const pieces = new Map<string, string[]>();
  const charge = (source: string, text: string) => {
    if (!text) return;
    const list = pieces.get(source) ?? [];
    list.push(text);
    pieces.set(source, list);
  };
  let previous: { line: number; column: number; source: string } | undefined;
  consumer.eachMapping((m) => {
    const line = m.generatedLine;
    const column = m.generatedColumn;
    if (previous) {
      if (previous.line === line) charge(previous.source, lines[line - 1].slice(previous.column, column));
      else charge(previous.source, lines[previous.line - 1].slice(previous.column));
    }
    previous = { line, column, source: m.source ? shorten(m.source) : '(glue)' };
  });
  if (previous) charge(previous.source, lines[previous.line - 1].slice(previous.column));
  return [...pieces.entries()]
    .map(([source, texts]) => {
      const text = texts.join('');
      return { source, bytes: Buffer.byteLength(text), gzipAlone: gzipSync(text, { level: 9 }).length };
    })
    .sort((a, b) => b.bytes - a.bytes);
}

function shorten(source: string): string {
  const at = source.lastIndexOf('node_modules/');
  if (at >= 0) return source.slice(at + 'node_modules/'.length);
  return source.replace(/^(\.\.\/)+/, '').replace(/^.*?\/(engine|widget|extension)\//, '$1/');
}

export function formatBreakdown(rows: BreakdownRow[]): string {
  const total = rows.reduce((sum, row) => sum + row.bytes, 0);
  const lines = rows.map((row) => `${String(row.bytes).padStart(7)} B  ${String(row.gzipAlone).padStart(6)} B gz-alone  ${((100 * row.bytes) / total).toFixed(1).padStart(5)} %  ${row.source}`);
  return [...lines, `${String(total).padStart(7)} B  total minified`].join('\n');
}
