import { describe, expect, it } from 'vitest';
import type { Project } from '../../shared/domain/schema';
import { projectLabels } from './projectList';

const project = (id: string, name: string, createdAt: string) =>
  ({ id, settings: { name }, createdAt, updatedAt: createdAt }) as Project;

describe('the project list labels', () => {
  const entries = [
    { project: project('a', '乌苏市保护区划', '2026-03-02T06:00:00.000Z'), review: false },
    { project: project('b', '乌苏市保护区划', '2026-03-02T06:05:07.000Z'), review: true },
    { project: project('c', '奎屯市保护区划', '2026-03-01T01:00:00.000Z'), review: false },
  ];

  it('marks the review copy and tells same-named projects apart; a unique name stays plain', () => {
    const labels = projectLabels(entries, 'zh');
    const byId = new Map(labels.map((l) => [l.id, l.label]));
    expect(byId.get('c')).toBe('奎屯市保护区划');
    expect(byId.get('b')).toMatch(/^乌苏市保护区划（审阅副本，.+ 打开）$/);
    expect(byId.get('a')).toMatch(/^乌苏市保护区划（.+ 打开）$/);
    expect(new Set(labels.map((l) => l.label)).size).toBe(3);
    const en = new Map(projectLabels(entries, 'en').map((l) => [l.id, l.label]));
    expect(en.get('b')).toMatch(/^乌苏市保护区划 \(review copy, opened .+\)$/);
  });
});
