// Reading the model's TSV tables: data rows without blank or # comment lines, each with its line number for error messages.
export interface TsvRow { cells: string[]; line: number }

export function tsvRows(text: string): TsvRow[] {
  const out: TsvRow[] = [];
  text.split('\n').forEach((raw, k) => {
    const line = raw.replace(/\r$/, '');
    if (!line.trim() || line.startsWith('#')) return;
    out.push({ cells: line.split('\t').map((c) => c.trim()), line: k + 1 });
  });
  return out;
}
