import { useId, useState } from 'react';
import { gaussKrugerEpsg } from '../../../shared/crs/definitions';
import type { BackgroundCrs } from '../../../shared/domain/backgrounds';
import { CrsOptions } from '../CrsOptions';
import { useModalDialog } from '../hooks/useModalDialog';
import { useLayersText } from './layersText';

export interface CrsQuestion {
  file: string;
  /** The resolver's candidates for this file, best first. */
  candidates: { epsg: number; label: string }[];
  answer(crs: BackgroundCrs | null): void;
}

/**
 * Ask for the coordinate system of a background file that does not state one: the header
 * reader's candidates first, then every bundled system grouped as in the import dialog (the
 * project's Gauss-Krüger zone first). Cancelling leaves the file out.
 */
export function CrsAsk({ question, projectZone }: { question: CrsQuestion | null; projectZone: number }) {
  const dialog = useModalDialog(question !== null);
  return (
    <dialog
      ref={dialog}
      className="modal"
      aria-labelledby="crs-ask-title"
      onClose={() => question?.answer(null)}
    >
      {question && <CrsAskForm key={question.file} question={question} projectZone={projectZone} />}
    </dialog>
  );
}

function CrsAskForm({ question, projectZone }: { question: CrsQuestion; projectZone: number }) {
  const { lang, l } = useLayersText();
  const selectId = useId();
  const fallback = gaussKrugerEpsg(projectZone, 3, true) ?? 4490;
  const [epsg, setEpsg] = useState(question.candidates[0]?.epsg ?? fallback);
  return (
    <form
      method="dialog"
      onSubmit={(event) => {
        event.preventDefault();
        question.answer({ epsg });
      }}
    >
      <h2 id="crs-ask-title">
        {l('crsTitle')}
        {lang === 'zh' ? `：${question.file}` : `: ${question.file}`}
      </h2>
      <p>{l('crsQuestion')}</p>
      <label htmlFor={selectId}>{l('crsSelect')}</label>
      <select id={selectId} value={epsg} onChange={(e) => setEpsg(Number(e.target.value))}>
        {question.candidates.length > 0 && (
          <optgroup label={l('crsSuggested')}>
            {question.candidates.map((c) => (
              <option key={`s${c.epsg}`} value={c.epsg}>
                {c.label}
              </option>
            ))}
          </optgroup>
        )}
        <CrsOptions projectZone={projectZone} lang={lang} oldDatums={false} />
      </select>
      <div className="dialog-buttons">
        <button type="submit">{l('ok')}</button>
        <button type="button" onClick={() => question.answer(null)}>
          {l('cancel')}
        </button>
      </div>
    </form>
  );
}
