import type { CrsDef } from '../../../shared/crs/crsDef';
import type { DatumShift } from '../../../shared/crs/datumShift';
import { describeCrs } from '../../../shared/crs/crsDef';
import { useModalDialog } from '../hooks/useModalDialog';
import { DatumShiftField } from '../ImportDatumShift';
import { useLayersText } from './layersText';

export interface DatumQuestion {
  file: string;
  crs: CrsDef;
  /** The project's choice for this datum (from an earlier import), offered first. */
  stored: DatumShift | undefined;
  answer(shift: DatumShift | null): void;
}

/**
 * Ask how a background on an old datum (Xian 1980, Beijing 1954 …) becomes CGCS2000, with the
 * same choices as the import preview: 3 or 7 parameters (typed or loaded from the province's
 * file) or "no shift", whose error is named. Cancelling leaves the file out.
 */
export function DatumAsk({ question }: { question: DatumQuestion | null }) {
  const dialog = useModalDialog(question !== null);
  const { lang, l } = useLayersText();
  return (
    <dialog
      ref={dialog}
      className="modal"
      aria-labelledby="datum-ask-title"
      onClose={() => question?.answer(null)}
    >
      {question && (
        <div key={question.file}>
          <h2 id="datum-ask-title">
            {l('datumTitle')}
            {lang === 'zh' ? `：${question.file}` : `: ${question.file}`}
          </h2>
          <p>
            {describeCrs(question.crs)[lang]}。{l('datumQuestion')}
          </p>
          <DatumShiftField
            crs={{ datum: question.crs.datum }}
            shift={question.stored}
            lang={lang}
            disabled={false}
            onChange={(shift) => question.answer(shift)}
          />
          <div className="dialog-buttons">
            <button type="button" onClick={() => question.answer(null)}>
              {l('cancel')}
            </button>
          </div>
        </div>
      )}
    </dialog>
  );
}
