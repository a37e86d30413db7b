/** Times in the reports: Beijing time (UTC+8), "2026-12-03 14:22". */
export function reportTime(iso: string): string {
  const t = Date.parse(iso);
  if (!Number.isFinite(t)) return iso;
  const d = new Date(t + 8 * 3600_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}`;
}

/** "张三（乌苏市文物局）", or the name alone. */
export function personText(author: { name: string; organisation: string }): string {
  return author.organisation ? `${author.name}（${author.organisation}）` : author.name;
}
