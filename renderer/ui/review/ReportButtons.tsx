import { useState } from 'react';
import type { Bilingual } from '../../../shared/domain/labels';
import { safeFileName } from '../../../shared/formats/safeFileName';
import { exportFilter } from '../../../shared/ipc/fileTypes';
import type { ChangeReportInput, ReportFormat, ReviewReportInput } from '../../../shared/review/reportTypes';
import { JobCancelled, runJob } from '../../jobs/runJob';
import { loadFigureFont } from '../figures/figureFont';
import type { ProjectData } from '../../editor/projectMirror';
import { useLang } from '../hooks/useLang';
import { useWorkbench } from '../hooks/useWorkbench';
import { reviewReportInput } from './reviewReportInput';

export interface ReportButtonsProps {
  /** The project's name, the start of each file name. */
  projectName: string;
  /**
   * Gathers the review records and the document they are about (document ids) when a 审查意见
   * button is pressed (see reviewReportInput.ts); absent hides those buttons.
   */
  review?: () => Promise<Omit<ReviewReportInput, 'format' | 'font'>>;
  /** The comparison on screen, gathered when a 变化报告 button is pressed; absent hides those. */
  change?: () => Promise<Omit<ChangeReportInput, 'format' | 'font'>>;
}

type Report = 'review' | 'change';

const BUTTONS: { report: Report; format: ReportFormat; label: Bilingual }[] = [
  { report: 'review', format: 'pdf', label: { zh: '导出审查意见 PDF', en: 'Review report PDF' } },
  { report: 'review', format: 'xlsx', label: { zh: '导出审查意见 XLSX', en: 'Review report XLSX' } },
  { report: 'change', format: 'xlsx', label: { zh: '导出变化报告 XLSX', en: 'Change report XLSX' } },
  { report: 'change', format: 'html', label: { zh: '导出变化报告 HTML', en: 'Change report HTML' } },
  { report: 'change', format: 'pdf', label: { zh: '导出变化报告 PDF', en: 'Change report PDF' } },
];

const SUFFIX: Record<Report, Bilingual> = {
  review: { zh: '审查意见', en: 'review-report' },
  change: { zh: '变化报告', en: 'change-report' },
};

/**
 * The report exports of the review panel: 审查意见 as PDF or XLSX, the change report of the
 * comparison on screen as XLSX, HTML or PDF. The report is written in the job worker (the PDF
 * with the figure font fetched from our origin) and saved through the platform's export.
 */
export function ReportButtons({ projectName, review, change }: ReportButtonsProps) {
  const { lang } = useLang();
  const { workbench, platform } = useWorkbench();
  const [busy, setBusy] = useState<string | null>(null);

  const run = async (report: Report, format: ReportFormat) => {
    setBusy(`${report}:${format}`);
    try {
      const font = format === 'pdf' ? (await loadFigureFont()).bytes : undefined;
      const output =
        report === 'review'
          ? await runJob('writeReviewReport', { ...(await review!()), format, ...(font && { font }) })
          : await runJob('writeChangeReport', { ...(await change!()), format, ...(font && { font }) });
      const name = `${safeFileName(projectName, 'project')}-${SUFFIX[report][lang]}.${format}`;
      const filter = exportFilter(name, lang);
      const saved = await platform.exportFile({
        handle: null,
        suggestedName: name,
        bytes: output.bytes,
        filters: filter ? [filter] : [],
      });
      if (saved)
        workbench.notify(
          'info',
          { zh: `已导出 ${saved.name}`, en: `Exported ${saved.name}` },
          output.warnings,
        );
    } catch (error) {
      if (!(error instanceof JobCancelled)) workbench.reportError(error);
    } finally {
      setBusy(null);
    }
  };

  const shown = BUTTONS.filter((b) => (b.report === 'review' ? review : change));
  if (shown.length === 0) return null;
  return (
    <div className="report-buttons" role="group" aria-label={lang === 'zh' ? '导出报告' : 'Export reports'}>
      {shown.map((b) => (
        <button
          key={`${b.report}:${b.format}`}
          type="button"
          disabled={busy !== null}
          aria-busy={busy === `${b.report}:${b.format}`}
          onClick={() => void run(b.report, b.format)}
        >
          {b.label[lang]}
        </button>
      ))}
    </div>
  );
}

/** The 审查意见 buttons for the review panel: the records are read from the store when pressed. */
export function ReviewReportButtons({ data }: { data: ProjectData }) {
  const { workbench } = useWorkbench();
  return (
    <ReportButtons
      projectName={data.project.settings.name}
      review={() => reviewReportInput(workbench.store.read, data)}
    />
  );
}
