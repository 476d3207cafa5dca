import { type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A text field that suggests values from the API as one types (the ARIA combobox pattern):
 * arrows move through the suggestions, Enter picks one, Escape closes the list.
 *
 * `onChoose` says what picking an item does: it becomes the value and the field shows `text`, or
 * (`searchAgain`) the field searches `text` (to go down a hierarchy: a NAF class lists its
 * sub-classes).
 */
export function Combobox<T>({
  label,
  hint,
  error,
  selectedText,
  placeholder,
  search,
  itemKey,
  renderItem,
  onChoose,
  onClear,
  minChars = 2,
  name,
}: {
  label: string;
  hint?: ReactNode;
  error?: string | undefined;
  /** What the field shows for the current value ('' when none). */
  selectedText: string;
  placeholder?: string;
  search: (text: string) => Promise<T[]>;
  itemKey: (item: T) => string;
  renderItem: (item: T) => ReactNode;
  onChoose: (item: T) => { text: string; searchAgain?: boolean };
  onClear?: () => void;
  minChars?: number;
  name?: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  const listId = `${id}-list`;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const [text, setText] = useState(selectedText);
  const [items, setItems] = useState<T[]>([]);
  const [isOpen, setIsOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [isSearching, setIsSearching] = useState(false);
  const query = useRef(0);
  const container = useRef<HTMLDivElement>(null);

  useEffect(() => setText(selectedText), [selectedText]);

  function runSearch(value: string) {
    const ticket = ++query.current;
    if (value.trim().length < minChars) {
      setItems([]);
      setIsOpen(false);
      return;
    }
    setIsSearching(true);
    // A short pause so that typing a word sends one request, not one per letter.
    window.setTimeout(() => {
      if (ticket !== query.current) return;
      search(value.trim()).then(
        (found) => {
          if (ticket !== query.current) return;
          setItems(found);
          setActive(found.length > 0 ? 0 : -1);
          setIsOpen(true);
          setIsSearching(false);
        },
        () => {
          if (ticket === query.current) setIsSearching(false);
        },
      );
    }, 180);
  }

  function choose(item: T) {
    const next = onChoose(item);
    setText(next.text);
    if (!next.searchAgain) {
      query.current++;
      setIsOpen(false);
      setItems([]);
      setIsSearching(false);
      return;
    }
    // Going down a level: the former suggestions go at once, so that none is picked by mistake.
    setItems([]);
    setActive(-1);
    runSearch(next.text);
  }

  useEffect(() => {
    if (!isOpen) return;
    const closeOnOutside = (event: MouseEvent) => {
      if (!container.current?.contains(event.target as Node)) setIsOpen(false);
    };
    document.addEventListener('mousedown', closeOnOutside);
    return () => document.removeEventListener('mousedown', closeOnOutside);
  }, [isOpen]);

  const activeId = isOpen && active >= 0 && items[active] ? `${id}-opt-${active}` : undefined;

  return (
    <div className={error ? 'field field-invalid combobox' : 'field combobox'} ref={container}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        name={name}
        type="text"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={isOpen}
        aria-controls={listId}
        aria-activedescendant={activeId}
        aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}
        aria-invalid={error ? true : undefined}
        placeholder={placeholder}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          if (event.target.value.trim() === '') onClear?.();
          runSearch(event.target.value);
        }}
        onFocus={() => {
          if (items.length > 0) setIsOpen(true);
        }}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown') {
            event.preventDefault();
            if (!isOpen && items.length > 0) setIsOpen(true);
            setActive((n) => Math.min(n + 1, items.length - 1));
          } else if (event.key === 'ArrowUp') {
            event.preventDefault();
            setActive((n) => Math.max(n - 1, 0));
          } else if (event.key === 'Enter' && isOpen && items[active]) {
            event.preventDefault();
            choose(items[active]);
          } else if (event.key === 'Escape' && isOpen) {
            event.preventDefault();
            setIsOpen(false);
          }
        }}
      />
      {hint ? (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="field-error">
          {error}
        </p>
      ) : null}
      {isOpen && items.length === 0 ? (
        <p className="combobox-list combobox-empty" aria-live="polite">
          {isSearching ? t('state.loading') : t('combobox.nothing')}
        </p>
      ) : null}
      <div
        id={listId}
        role="listbox"
        aria-label={label}
        className="combobox-list"
        hidden={!isOpen || items.length === 0}
      >
        {items.map((item, index) => (
          // biome-ignore lint/a11y/useKeyWithClickEvents: the keyboard works on the input (arrows, Enter), as the combobox pattern wants.
          <div
            key={itemKey(item)}
            id={`${id}-opt-${index}`}
            role="option"
            tabIndex={-1}
            aria-selected={index === active}
            className={index === active ? 'combobox-option is-active' : 'combobox-option'}
            onMouseDown={(event) => event.preventDefault()}
            onMouseEnter={() => setActive(index)}
            onClick={() => choose(item)}
          >
            {renderItem(item)}
          </div>
        ))}
      </div>
    </div>
  );
}
