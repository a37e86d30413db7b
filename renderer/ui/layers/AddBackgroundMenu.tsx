import { useEffect, useRef, useState } from 'react';
import type { Bilingual } from '../../../shared/domain/labels';
import { useLayersText } from './layersText';

/** One way to add a background (from file; tile services and presets are added beside it). */
export interface AddBackgroundItem {
  id: string;
  label: Bilingual;
  run(): void;
}

/** The "Add background" button and its menu (arrow keys move, Escape closes). */
export function AddBackgroundMenu({ items, disabled }: { items: AddBackgroundItem[]; disabled: boolean }) {
  const { lang, l } = useLayersText();
  const [open, setOpen] = useState(false);
  const menu = useRef<HTMLUListElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (open) menu.current?.querySelector<HTMLButtonElement>('[role="menuitem"]')?.focus();
  }, [open]);
  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  const onKey = (event: React.KeyboardEvent) => {
    const entries = [...(menu.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? [])];
    const at = entries.indexOf(document.activeElement as HTMLButtonElement);
    if (event.key === 'Escape') close();
    else if (event.key === 'ArrowDown') entries[(at + 1) % entries.length]?.focus();
    else if (event.key === 'ArrowUp') entries[(at - 1 + entries.length) % entries.length]?.focus();
    else return;
    event.preventDefault();
    event.stopPropagation();
  };
  return (
    <div className="add-background">
      <button
        ref={button}
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        disabled={disabled}
        onClick={() => setOpen(!open)}
      >
        {l('addBackground')} ▾
      </button>
      {open && (
        <ul ref={menu} role="menu" aria-label={l('addBackground')} onKeyDown={onKey}>
          {items.map((item) => (
            <li key={item.id} role="none">
              <button
                type="button"
                role="menuitem"
                onClick={() => {
                  setOpen(false);
                  item.run();
                }}
              >
                {item.label[lang]}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
