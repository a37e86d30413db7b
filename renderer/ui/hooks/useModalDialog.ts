import { useEffect, useRef } from 'react';

/** A <dialog> shown modally while `open` is true (the browser traps focus; Escape closes it). */
export function useModalDialog(open: boolean) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (open && element && !element.open) element.showModal();
    if (!open && element?.open) element.close();
  }, [open]);
  return dialog;
}
