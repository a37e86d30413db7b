import { useCallback, useMemo, useState, type RefObject } from 'react';
import type { Finding, FindingSeverity } from '../../shared/checks/findings';
import type { Bilingual } from '../../shared/domain/labels';
import { applyQuickFix, fixLabel } from '../../shared/checks/quickFixes';
import { setZoneGeometries } from '../editor/commands/zoneCommands';
import type { PlanMap } from '../map/createPlanMap';
import { usePanelRequest } from './analysisRequests';
import { useChecks } from './ChecksPanelLive';
import { useEditorState } from './hooks/useEditorState';
import { useLang } from './hooks/useLang';
import type { ProjectData } from './hooks/useProjectData';
import { useWorkbench } from './hooks/useWorkbench';
import type { UiKey } from './i18n';
import { Icon, type IconName } from './Icon';

/** Findings listed at first, and added per "show more": a county's thousands stay out of the DOM. */
const FINDINGS_PAGE = 100;

const SEVERITY: Record<FindingSeverity, { key: UiKey; icon: IconName }> = {
  error: { key: 'severityError', icon: 'severityError' },
  warning: { key: 'severityWarning', icon: 'severityWarning' },
  info: { key: 'severityInfo', icon: 'severityInfo' },
};

/**
 * The heritage checker's findings: kept up to date while editing, a full check on demand. A click
 * zooms to the finding and selects its zones; a quick fix is one undo step.
 */
export function ChecksPanel({ data, map }: { data: ProjectData; map: RefObject<PlanMap | null> }) {
  const { workbench } = useWorkbench();
  const { lang, t } = useLang();
  const [live, setLive] = useState(true);
  const report = useCallback((error: unknown) => workbench.reportError(error), [workbench]);
  const { findings, progress, runFull } = useChecks(data, live, report);
  // The Tools menu's 全面检查 runs the same full check as the panel's button.
  usePanelRequest('runFullCheck', runFull);
  // A quick fix edits geometry: not in a read-only review copy (finding and zooming still work).
  const readOnly = useEditorState((s) => s.readOnly);
  const [shown, setShown] = useState(FINDINGS_PAGE);
  // Which zones are construction-control zones, indexed once per data (not findings × zones).
  const ccz = useMemo(
    () =>
      new Set(
        data.zones.filter((z) => z.attributes.zoneType === 'construction_control_zone').map((z) => z.id),
      ),
    [data.zones],
  );
  const isCcz = (finding: Finding) => finding.fix !== undefined && ccz.has(finding.fix.zoneId);

  const show = (finding: Finding) => {
    workbench.select({ zoneIds: finding.zoneIds, objectId: finding.objectId ?? null });
    map.current?.zoomToPoint(finding.location);
  };
  const fix = async (finding: Finding) => {
    if (!finding.fix) return;
    const byId = new Map(data.zones.map((z) => [z.id, z.geometry]));
    try {
      const geometries = applyQuickFix(finding.fix, (id) => byId.get(id));
      await workbench.run(setZoneGeometries(geometries, fixLabel(finding.fix, isCcz(finding))));
    } catch (error) {
      workbench.reportError(error);
    }
  };

  return (
    <section className="panel checks" aria-label={t('checksPanel')}>
      <div className="panel-head">
        <h2>{t('checksPanel')}</h2>
        <button type="button" onClick={runFull} disabled={progress !== null}>
          {t('runFullCheck')}
        </button>
      </div>
      <label className="toggle">
        <input type="checkbox" checked={live} onChange={(e) => setLive(e.target.checked)} />
        {t('liveChecks')}
      </label>
      {progress !== null && <progress max={1} value={progress} aria-label={t('checksRunning')} />}
      {findings === null ? (
        <p className="muted">{t('checksRunning')}</p>
      ) : findings.length === 0 ? (
        <p role="status" className="muted">
          {t('noFindings')}
        </p>
      ) : (
        <ul className="findings" aria-label={t('checksPanel')}>
          {findings.slice(0, shown).map((finding) => (
            <li key={finding.id} className={`finding ${finding.severity}`} data-code={finding.code}>
              <button
                type="button"
                className="finding-text"
                onClick={() => show(finding)}
                title={t('zoomToFinding')}
              >
                <span role="img" className="severity" aria-label={t(SEVERITY[finding.severity].key)}>
                  <Icon name={SEVERITY[finding.severity].icon} />
                </span>{' '}
                {finding.message[lang]}
              </button>
              {finding.fix && (
                <button
                  type="button"
                  className="quick-fix"
                  onClick={() => void fix(finding)}
                  disabled={readOnly}
                >
                  {fixLabel(finding.fix, isCcz(finding))[lang]}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {findings && findings.length > shown && (
        <button type="button" className="findings-more" onClick={() => setShown(shown + FINDINGS_PAGE)}>
          {moreLabel(Math.min(FINDINGS_PAGE, findings.length - shown), findings.length)[lang]}
        </button>
      )}
    </section>
  );
}
function moreLabel(next: number, total: number): Bilingual {
  return { zh: `再显示 ${next} 条（共 ${total} 条）`, en: `Show ${next} more (${total} in all)` };
}
