import { useState } from 'react';
import type { Bilingual } from '../../../shared/domain/labels';
import type { VersionRecord } from '../../storage/store';
import { Modal } from '../Modal';
import { useEditorState } from '../hooks/useEditorState';
import { useLang } from '../hooks/useLang';
import { useLive } from '../hooks/useLive';
import { useWorkbench } from '../hooks/useWorkbench';

const TEXT = {
  button: { zh: '版本', en: 'Versions' },
  title: { zh: '命名版本', en: 'Named versions' },
  name: { zh: '版本名称', en: 'Version name' },
  note: { zh: '说明', en: 'Note' },
  tag: { zh: '标记当前状态', en: 'Tag current state' },
  readOnly: {
    zh: '审阅副本不能标记版本；文件带来的版本仍可查看',
    en: 'A review copy cannot tag versions; the versions its file brought are listed',
  },
  none: {
    zh: '尚无版本。标记后，可随时与之比较。',
    en: 'No versions yet. Tag one to compare with it later.',
  },
  created: { zh: '时间', en: 'Created' },
  author: { zh: '作者', en: 'Author' },
  content: { zh: '内容', en: 'Content' },
  counts: { zh: '对象 {o}，区划 {z}', en: '{o} objects, {z} zones' },
  rename: { zh: '重命名', en: 'Rename' },
  save: { zh: '保存', en: 'Save' },
  cancel: { zh: '取消', en: 'Cancel' },
  remove: { zh: '删除', en: 'Delete' },
  confirmRemove: {
    zh: '删除版本“{n}”？其他版本不受影响。',
    en: 'Delete version “{n}”? The other versions are kept.',
  },
  tagged: { zh: '已标记版本“{n}”', en: 'Tagged version “{n}”' },
  same: {
    zh: '已标记版本“{n}”：内容与版本“{p}”相同',
    en: 'Tagged version “{n}”: same content as version “{p}”',
  },
  planner: { zh: '规划', en: 'Planner' },
  review: { zh: '审查依据', en: 'Reviewed' },
  file: { zh: '来自文件', en: 'From file' },
} satisfies Record<string, Bilingual>;

const defaultName = () => `送审稿 ${new Date().toISOString().slice(0, 7)}`;

/**
 * Named versions (版本) of the open project: tag the current state with a name and note, list the
 * versions, rename or delete one. Writes go through the store's version writes (outside the undo
 * history); a review copy only lists what its file brought.
 */
export function VersionsPanel({ projectId }: { projectId: string }) {
  const { workbench } = useWorkbench();
  const { lang } = useLang();
  const w = (key: keyof typeof TEXT, vars: Record<string, string | number> = {}) =>
    TEXT[key][lang].replace(/\{(\w)\}/g, (_, k: string) => String(vars[k] ?? ''));
  const readOnly = useEditorState((s) => s.readOnly);
  const versions = useLive((q) => q.versions(projectId), [projectId]) ?? [];
  const [open, setOpen] = useState(false);
  const [name, setName] = useState(defaultName);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [editing, setEditing] = useState<{ versionId: string; name: string; note: string } | null>(null);
  const store = workbench.store;

  async function attempt(work: () => Promise<void>) {
    setBusy(true);
    try {
      await work();
    } catch (error) {
      workbench.reportError(error);
    } finally {
      setBusy(false);
    }
  }

  const tag = () =>
    attempt(async () => {
      const previous = versions.at(-1);
      const author = await store.read.reviewer();
      const version = await store.versions.tagVersion(projectId, { name: name.trim(), note, author });
      const same = previous && previous.contentHash === version.contentHash;
      const text = (key: 'same' | 'tagged') =>
        ({
          zh: TEXT[key].zh.replace('{n}', version.name).replace('{p}', previous?.name ?? ''),
          en: TEXT[key].en.replace('{n}', version.name).replace('{p}', previous?.name ?? ''),
        }) satisfies Bilingual;
      workbench.notify('info', text(same ? 'same' : 'tagged'));
      setName(defaultName());
      setNote('');
    });

  return (
    <>
      <button type="button" onClick={() => setOpen(true)} data-versions={versions.length}>
        {w('button')}
        {versions.length > 0 && ` (${versions.length})`}
      </button>
      <Modal id="versions" open={open} onClose={() => setOpen(false)} title={w('title')}>
        {readOnly ? (
          <p className="hint">{w('readOnly')}</p>
        ) : (
          <form
            className="versions-tag"
            style={{ display: 'grid', gap: '0.4em', marginBottom: '1em' }}
            onSubmit={(event) => {
              event.preventDefault();
              void tag();
            }}
          >
            <label>
              {w('name')}
              <input value={name} maxLength={200} required onChange={(e) => setName(e.target.value)} />
            </label>
            <label>
              {w('note')}
              <textarea value={note} maxLength={2000} rows={2} onChange={(e) => setNote(e.target.value)} />
            </label>
            <button type="submit" disabled={busy || name.trim() === ''}>
              {w('tag')}
            </button>
          </form>
        )}
        {versions.length === 0 ? (
          <p className="hint">{w('none')}</p>
        ) : (
          <table className="versions-list">
            <thead>
              <tr>
                <th>{w('name')}</th>
                <th>{w('created')}</th>
                <th>{w('author')}</th>
                <th>{w('content')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {[...versions].reverse().map((v) =>
                editing?.versionId === v.versionId ? (
                  <tr key={v.id}>
                    <td colSpan={4}>
                      <input
                        aria-label={w('name')}
                        value={editing.name}
                        maxLength={200}
                        onChange={(e) => setEditing({ ...editing, name: e.target.value })}
                      />
                      <input
                        aria-label={w('note')}
                        value={editing.note}
                        maxLength={2000}
                        onChange={(e) => setEditing({ ...editing, note: e.target.value })}
                      />
                    </td>
                    <td>
                      <button
                        type="button"
                        disabled={busy || editing.name.trim() === ''}
                        onClick={() =>
                          void attempt(async () => {
                            await store.versions.renameVersion(
                              projectId,
                              v.versionId,
                              editing.name.trim(),
                              editing.note,
                            );
                            setEditing(null);
                          })
                        }
                      >
                        {w('save')}
                      </button>
                      <button type="button" onClick={() => setEditing(null)}>
                        {w('cancel')}
                      </button>
                    </td>
                  </tr>
                ) : (
                  <VersionRow
                    key={v.id}
                    version={v}
                    w={w}
                    lang={lang}
                    readOnly={readOnly || busy}
                    onRename={() => setEditing({ versionId: v.versionId, name: v.name, note: v.note })}
                    onRemove={() => {
                      if (window.confirm(w('confirmRemove', { n: v.name })))
                        void attempt(() => store.versions.removeVersion(projectId, v.versionId));
                    }}
                  />
                ),
              )}
            </tbody>
          </table>
        )}
      </Modal>
    </>
  );
}

function VersionRow({
  version: v,
  w,
  lang,
  readOnly,
  onRename,
  onRemove,
}: {
  version: VersionRecord;
  w: (key: keyof typeof TEXT, vars?: Record<string, string | number>) => string;
  lang: 'zh' | 'en';
  readOnly: boolean;
  onRename(): void;
  onRemove(): void;
}) {
  const author = v.author ? [v.author.name, v.author.organisation].filter(Boolean).join('，') : '';
  return (
    <tr data-version={v.versionId}>
      <td>
        <strong>{v.name}</strong>
        {v.origin !== 'planner' && <span className="badge">{w(v.origin)}</span>}
        {v.note && <div className="hint version-note">{v.note}</div>}
      </td>
      <td>{new Date(v.createdAt).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB')}</td>
      <td>{author}</td>
      <td title={v.contentHash}>{w('counts', { o: v.counts.objects, z: v.counts.zones })}</td>
      <td>
        <button type="button" disabled={readOnly} onClick={onRename}>
          {w('rename')}
        </button>
        <button type="button" disabled={readOnly} onClick={onRemove}>
          {w('remove')}
        </button>
      </td>
    </tr>
  );
}
