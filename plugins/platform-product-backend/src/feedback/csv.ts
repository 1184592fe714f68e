/** One CSV field: quoted, quotes doubled, and a leading = + - @ defused so spreadsheets do not run it. */
function field(value: string | number | boolean | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) {
    text = `'${text}`;
  }
  return `"${text.replace(/"/g, '""')}"`;
}

export function toCsv(
  header: string[],
  rows: Array<Array<string | number | boolean | null>>,
): string {
  return [header, ...rows]
    .map(row => row.map(field).join(','))
    .join('\r\n')
    .concat('\r\n');
}
