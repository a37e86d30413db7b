import type { ReactNode } from 'react';
import { useLang } from './hooks/useLang';
import { useModalDialog } from './hooks/useModalDialog';

/** A modal <dialog>: focus is trapped by the browser, Escape closes it. */
export function Modal({
  open,
  title,
  onClose,
  children,
  id,
}: {
  open: boolean;
  title: string;
  onClose(): void;
  children: ReactNode;
  id: string;
}) {
  const { t } = useLang();
  const dialog = useModalDialog(open);
  return (
    <dialog ref={dialog} onClose={onClose} aria-labelledby={`${id}-title`} className="modal">
      <h2 id={`${id}-title`}>{title}</h2>
      {open && children}
      <div className="dialog-buttons">
        <button type="button" onClick={onClose}>
          {t('close')}
        </button>
      </div>
    </dialog>
  );
}
