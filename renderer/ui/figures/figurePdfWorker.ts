import { FigurePdfSession } from '../../../shared/figures/figurePdfSession';
import { serveSession } from '../../jobs/sessionWorker';
import type { FigurePdfTypes } from './figurePdfStream';

/** The figure PDF's worker: one PDF from `open` to `finish` (the page then ends the worker). */
let session: FigurePdfSession | null = null;
const current = () => {
  if (!session) throw new Error('no figure PDF is open');
  return session;
};

serveSession<FigurePdfTypes>(
  {
    open: (input) => {
      session = new FigurePdfSession(input);
      return null;
    },
    page: (page) => current().addPage(page),
    finish: () => current().finish(),
  },
  self as unknown as Parameters<typeof serveSession>[1],
);
