/**
 * The line-item grid: every array of objects (and every list of plain values) as
 * rows an operator keys in like a spreadsheet.
 *
 * - One row per item, numbered ("Line item 3"); nested objects and lists of a row
 *   open in its details.
 * - Long grids are windowed and keep their true height; a filter box finds rows the
 *   browser's find-in-page cannot see; an error in an off-screen row is reachable
 *   from the summary (the row is scrolled into view, then its field focused).
 * - Keyboard: Enter / Shift+Enter move down / up (Enter on the last row adds one),
 *   arrow keys move between cells at the edge of a value. Focus goes to the new
 *   row's first cell on add, to the next row on remove (never to the page), and a
 *   removed row can be restored. Each change is announced.
 * - Pasting cells copied from a spreadsheet fills rows and columns from the cell
 *   pasted into, adding rows as needed; values are coerced to each column's type and
 *   those that do not fit are kept and marked.
 * - The chrome (title, description, add and remove buttons) comes from the registry's
 *   templates, and every string from the message catalogue.
 */
import {
  type FieldProps,
  type FormContextType,
  type RJSFSchema,
  type UiSchema,
  getUiOptions,
} from '@rjsf/utils';
import { type CSSProperties, type ClipboardEvent, type KeyboardEvent, useCallback, useDeferredValue, useEffect, useId, useMemo, useRef, useState } from 'react';
import { type ErrorTree, type FormPath } from '../../../core';
import { addErrors, coercePastedCell, getIn, isMultiCellText, mergeErrorTrees, parsePastedCells, pathKey, samePath, setIn } from '../../../core/internal';
import { buttonTemplate } from '../../templates/trackstar-button';
import { useFormRuntime } from '../form-runtime';
import { useFieldSlice } from '../use-form-state';
import { VISUALLY_HIDDEN } from '../visually-hidden';
import { isolateFromAutofill, rejoinOwnForm } from './autofill-isolation';
import type { GridLayout } from './grid-layout';
import { GridRow } from './grid-row';
import { useOverflowEdges } from './use-overflow-edges';
import { useRowWindow, windowsRows } from './use-row-window';

type Props = FieldProps<unknown, RJSFSchema, FormContextType>;

/** A filter box is offered from this many rows: below it, the whole list fits on a screen or two. */
const FILTER_THRESHOLD = 15;
const CONTROL_SELECTOR = 'input:not([type="hidden"]), select, textarea, button, [tabindex]:not([tabindex="-1"])';

function lengthOf(value: unknown): number {
  return Array.isArray(value) ? value.length : 0;
}

function rowMatches(row: unknown, query: string): boolean {
  if (row === null || row === undefined) return false;
  if (typeof row !== 'object') return String(row).toLowerCase().includes(query);
  return Object.values(row as Record<string, unknown>).some((value) => rowMatches(value, query));
}

/** Labels of an enum column's options, for matching pasted text against what the dropdown shows. */
function enumLabels(uiSchema: UiSchema, schema: RJSFSchema): string[] | undefined {
  const names = getUiOptions(uiSchema).enumNames;
  if (Array.isArray(names)) return names.map(String);
  if (Array.isArray(schema.oneOf)) return schema.oneOf.map((branch) => (typeof branch === 'object' && branch && 'title' in branch ? String(branch.title) : ''));
  return undefined;
}

interface RemovedRow {
  index: number;
  item: unknown;
}

export function LineItemGrid(props: Props & { layout: GridLayout }) {
  const { layout, registry, fieldPathId, schema, uiSchema, disabled = false, readonly = false } = props;
  const runtime = useFormRuntime();
  const { control, messages, formatters } = runtime;
  const { store } = control;
  const arrayPath = fieldPathId.path as FormPath;
  const arrayKey = pathKey(arrayPath);
  const length = useFieldSlice(store, arrayPath, (state) => lengthOf(getIn(state.values, arrayPath)));
  const nested = arrayPath.some((segment) => typeof segment === 'number' || /^\d+$/.test(String(segment)));
  const uiOptions = getUiOptions(uiSchema);
  const listTitle = (typeof uiOptions.title === 'string' && uiOptions.title) || schema.title || props.name;
  const itemLabel = layout.itemTitle;
  const maxItems = typeof schema.maxItems === 'number' ? schema.maxItems : Number.POSITIVE_INFINITY;
  const canAdd = uiOptions.addable !== false && length < maxItems && !disabled && !readonly;
  const canRemove = uiOptions.removable !== false && !disabled && !readonly;

  // ----- Filter -----
  const [query, setQuery] = useState('');
  const normalizedQuery = query.trim().toLowerCase();
  // Matches are taken when the query (or the number of rows) changes, not on every keystroke in a
  // cell: a row being edited must not vanish under the operator's caret because it stopped matching.
  const shown = useMemo<number[] | undefined>(() => {
    if (normalizedQuery === '') return undefined;
    const rows = getIn(control.getValues(), arrayPath);
    return Array.isArray(rows) ? rows.flatMap((row, index) => (rowMatches(row, normalizedQuery) ? [index] : [])) : [];
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [normalizedQuery, length, control]);
  const shownCount = shown ? shown.length : length;
  const indexAt = useCallback((position: number) => (shown ? shown[position]! : position), [shown]);
  const positionOf = useCallback((index: number) => (shown ? shown.indexOf(index) : index), [shown]);

  // ----- Window -----
  const bodyRef = useRef<HTMLDivElement>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  useOverflowEdges(scrollRef, length > 0);
  const [focusedPosition, setFocusedPosition] = useState<number | undefined>();
  // A long (windowed) grid paints its frame first and its rows in a transition right after: the fields above
  // it, and the grid's full height, show without waiting for the rows. (React 18 ignores the initial value
  // and renders the rows at once.)
  const rowsShown = useDeferredValue(true, !windowsRows(shownCount, !nested));
  const rowWindow = useRowWindow({ count: shownCount, allowed: !nested, containerRef: bodyRef, keepPosition: focusedPosition, rowsRendered: rowsShown });

  // ----- Details -----
  const [expanded, setExpanded] = useState<ReadonlySet<number>>(() => new Set());
  const toggleDetails = useCallback((index: number) => {
    setExpanded((previous) => {
      const next = new Set(previous);
      if (next.has(index)) next.delete(index);
      else next.add(index);
      return next;
    });
  }, []);

  // ----- Focus after a structural change -----
  const pendingFocus = useRef<{ position: number; column: number } | 'add-button' | undefined>(undefined);
  const addButtonId = `${fieldPathId.$id}__add`;
  const focusCell = useCallback((position: number, column: number): boolean => {
    const cell = bodyRef.current?.querySelector(`[data-grid-cell][data-position="${position}"][data-column="${column}"]`);
    const control = cell?.querySelector<HTMLElement>(CONTROL_SELECTOR);
    if (!control) return false;
    control.focus();
    return true;
  }, []);
  useEffect(() => {
    const target = pendingFocus.current;
    if (target === undefined) return;
    if (target === 'add-button') {
      pendingFocus.current = undefined;
      document.getElementById(addButtonId)?.focus();
      return;
    }
    if (focusCell(target.position, target.column)) pendingFocus.current = undefined;
  });
  const moveFocus = useCallback(
    (position: number, column: number) => {
      pendingFocus.current = { position, column };
      setFocusedPosition(position);
      if (!focusCell(position, column)) rowWindow.reveal(position);
    },
    [focusCell, rowWindow],
  );

  // ----- Structural edits -----
  const newItem = useCallback(() => registry.schemaUtils.getDefaultFormState(layout.itemSchema, undefined) ?? (layout.columns[0]?.key === null ? undefined : {}), [registry, layout]);
  const rowsNow = useCallback((): unknown[] => {
    const rows = getIn(control.getValues(), arrayPath);
    return Array.isArray(rows) ? rows : [];
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [control, arrayKey]);
  const [removed, setRemoved] = useState<RemovedRow | undefined>();

  const addRow = useCallback(() => {
    const rows = rowsNow();
    control.setValue(arrayPath, [...rows, newItem()]);
    setQuery('');
    setRemoved(undefined);
    const number = formatters.rowNumber(rows.length + 1);
    runtime.announce(messages.rowAdded({ item: itemLabel, number }));
    moveFocus(rows.length, 0);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [rowsNow, newItem, control, runtime, messages, formatters, itemLabel, moveFocus]);

  const removeRow = useCallback(
    (index: number) => {
      const rows = rowsNow();
      control.setValue(
        arrayPath,
        rows.filter((_, rowIndex) => rowIndex !== index),
      );
      setExpanded((previous) => new Set([...previous].flatMap((open) => (open === index ? [] : [open > index ? open - 1 : open]))));
      setRemoved({ index, item: rows[index] });
      runtime.announce(messages.rowRemoved({ item: itemLabel, number: formatters.rowNumber(index + 1) }));
      // Focus goes to the row that took this one's place, or the one before; with none left, to the add button.
      const shownAfter = (shown ? shown.length : rows.length) - 1;
      if (shownAfter <= 0) pendingFocus.current = 'add-button';
      else moveFocus(Math.min(Math.max(positionOf(index), 0), shownAfter - 1), 0);
      // eslint-disable-next-line react-hooks/exhaustive-deps
    },
    [rowsNow, control, runtime, messages, formatters, itemLabel, moveFocus, positionOf, shown],
  );

  const undoRemove = useCallback(() => {
    if (!removed) return;
    const rows = rowsNow();
    const index = Math.min(removed.index, rows.length);
    control.setValue(arrayPath, [...rows.slice(0, index), removed.item, ...rows.slice(index)]);
    setRemoved(undefined);
    setQuery('');
    runtime.announce(messages.rowRestored({ item: itemLabel, number: formatters.rowNumber(index + 1) }));
    moveFocus(index, 0);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [removed, rowsNow, control, runtime, messages, formatters, itemLabel, moveFocus]);

  // ----- Paste -----
  const onPaste = useCallback(
    (event: ClipboardEvent<HTMLDivElement>) => {
      const cell = (event.target as Element).closest?.('[data-grid-cell]');
      if (!cell || disabled || readonly) return;
      const text = event.clipboardData?.getData('text/plain') ?? '';
      if (!isMultiCellText(text)) return;
      event.preventDefault();
      const position = Number(cell.getAttribute('data-position'));
      const firstColumn = Number(cell.getAttribute('data-column'));
      const cells = parsePastedCells(text);
      let rows = [...rowsNow()];
      let errors: ErrorTree = {};
      let written = 0;
      let rejected = 0;
      const touchedRows = new Set<number>();
      cells.forEach((line, lineIndex) => {
        const targetPosition = position + lineIndex;
        const index = shown && targetPosition < shown.length ? shown[targetPosition]! : shown ? rows.length : targetPosition;
        while (rows.length <= index) rows.push(newItem());
        line.forEach((text, offset) => {
          const column = layout.columns[firstColumn + offset];
          if (!column) return;
          const columnSchema = registry.schemaUtils.retrieveSchema(column.schema);
          const coerced = coercePastedCell(text, columnSchema as Record<string, unknown>, enumLabels(column.uiSchema, columnSchema));
          const cellPath = column.key === null ? [index] : [index, column.key];
          // What does not fit is not written (a number input cannot show "abc"); the error quotes it, so nothing is lost.
          rows = setIn(rows, cellPath, coerced.ok || columnSchema.type === 'string' ? coerced.value : undefined);
          written += 1;
          touchedRows.add(index);
          if (!coerced.ok) {
            rejected += 1;
            errors = addErrors(errors, [...arrayPath.map(String), ...cellPath.map(String)], [
              messages.pasteNotFitting({ value: coerced.value, label: column.title, expected: coerced.expected }),
            ]);
          }
        });
      });
      control.setValue(arrayPath, rows);
      if (rejected > 0) store.dispatch({ type: 'set-errors', errors: mergeErrorTrees(store.getState().errors, errors) });
      runtime.announce(
        messages.pasted({ rows: formatters.number(touchedRows.size), cells: formatters.number(written), rejected: formatters.number(rejected) }),
      );
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [disabled, readonly, rowsNow, shown, newItem, layout, registry, control, store, runtime, messages, formatters],
  );

  // ----- Keyboard -----
  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLDivElement>) => {
      if (event.altKey || event.metaKey || event.ctrlKey) return;
      const target = event.target as HTMLElement;
      const cell = target.closest?.('[data-grid-cell]');
      if (!cell) return;
      const position = Number(cell.getAttribute('data-position'));
      const column = Number(cell.getAttribute('data-column'));
      const tag = target.tagName;
      const input = tag === 'INPUT' ? (target as HTMLInputElement) : undefined;
      const textual = input !== undefined && !['checkbox', 'radio', 'button', 'submit'].includes(input.type);
      const isTextarea = tag === 'TEXTAREA';
      const isSelect = tag === 'SELECT' || target.getAttribute('role') === 'combobox';
      const columns = layout.columns.length;
      const go = (nextPosition: number, nextColumn: number) => {
        event.preventDefault();
        if (nextPosition < 0 || nextColumn < 0 || nextColumn > columns) return;
        if (nextPosition >= shownCount) {
          if (event.key === 'Enter' && canAdd && !shown) addRow();
          return;
        }
        moveFocus(nextPosition, nextColumn);
      };
      switch (event.key) {
        case 'Enter':
          if (isTextarea || tag === 'BUTTON') return;
          go(position + (event.shiftKey ? -1 : 1), Math.min(column, columns - 1));
          return;
        case 'ArrowDown':
        case 'ArrowUp':
          if (isTextarea || isSelect) return;
          go(position + (event.key === 'ArrowDown' ? 1 : -1), column);
          return;
        case 'ArrowLeft':
        case 'ArrowRight': {
          if (isTextarea) return;
          if (textual) {
            // A number input reports no caret: its arrows stay the input's; Tab moves on.
            if (input!.selectionStart === null) return;
            const atStart = input!.selectionStart === 0 && input!.selectionEnd === 0;
            const atEnd = input!.selectionStart === input!.value.length;
            if (event.key === 'ArrowLeft' ? !atStart : !atEnd) return;
          }
          go(position, column + (event.key === 'ArrowRight' ? 1 : -1));
          return;
        }
        default:
      }
    },
    [layout, shownCount, canAdd, shown, addRow, moveFocus],
  );
  const onFocusCapture = useCallback(
    (event: { target: EventTarget }) => {
      const row = (event.target as Element).closest?.('[data-position]');
      if (!row) return;
      setFocusedPosition(Number(row.getAttribute('data-position')));
      isolateFromAutofill(event.target, runtime.isolatedFormId);
    },
    [runtime],
  );
  const onBlurCapture = useCallback((event: { target: EventTarget }) => rejoinOwnForm(event.target, runtime.isolatedFormId), [runtime]);

  // ----- Reaching off-screen rows from the error summary -----
  useEffect(
    () =>
      runtime.registerReveal(arrayPath, (path) => {
        if (path.length <= arrayPath.length || !samePath(path.slice(0, arrayPath.length), arrayPath)) return false;
        const index = Number(path[arrayPath.length]);
        if (!Number.isInteger(index)) return false;
        let position = positionOf(index);
        if (position < 0) {
          setQuery('');
          position = index;
        }
        const detailKey = path[arrayPath.length + 1];
        if (detailKey !== undefined && layout.details.some((detail) => detail.key === String(detailKey))) {
          setExpanded((previous) => new Set(previous).add(index));
        }
        setFocusedPosition(position);
        rowWindow.reveal(position);
        return true;
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [runtime, positionOf, layout, rowWindow],
  );

  const titleId = `${fieldPathId.$id}__title`;
  const helpId = useId();
  const { ArrayFieldTitleTemplate, ArrayFieldDescriptionTemplate } = registry.templates;
  const Button = buttonTemplate(registry);
  const description = (typeof uiOptions.description === 'string' && uiOptions.description) || schema.description;
  const columnTemplate = `3.25rem repeat(${layout.columns.length}, minmax(8rem, 1fr)) ${layout.details.length > 0 ? '5.5rem' : '3rem'}`;
  const rows = (rowsShown ? rowWindow.slots : []).map((slot) => {
    const index = indexAt(slot.position);
    return (
      <GridRow
        key={index}
        index={index}
        position={slot.position}
        start={slot.start}
        layout={layout}
        arrayPathId={fieldPathId}
        registry={registry}
        itemLabel={itemLabel}
        disabled={disabled}
        readonly={readonly}
        canRemove={canRemove}
        expanded={expanded.has(index)}
        onToggleDetails={toggleDetails}
        onRemove={removeRow}
        measureRow={rowWindow.windowed ? rowWindow.measureRow : undefined}
      />
    );
  });

  return (
    // A fieldset, because rjsf's (and most themes') title template draws a <legend>.
    <fieldset className={`tswf-grid-field${nested ? ' tswf-grid-field--nested' : ''}`} id={fieldPathId.$id} aria-labelledby={titleId}>
      <ArrayFieldTitleTemplate title={listTitle} fieldPathId={fieldPathId} required={props.required} schema={schema} uiSchema={uiSchema} registry={registry} />
      {description ? <ArrayFieldDescriptionTemplate description={description} fieldPathId={fieldPathId} schema={schema} uiSchema={uiSchema} registry={registry} /> : null}
      {length >= FILTER_THRESHOLD ? (
        <div className="tswf-grid__filter">
          <label htmlFor={`${fieldPathId.$id}__filter`}>{messages.filterRows({ items: listTitle })}</label>
          <input
            id={`${fieldPathId.$id}__filter`}
            type="search"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            aria-describedby={`${fieldPathId.$id}__filter-status`}
          />
          <span id={`${fieldPathId.$id}__filter-status`} role="status" className="tswf-grid__filter-status">
            {shown
              ? shown.length === 0
                ? messages.filterNoMatch({ query: query.trim() })
                : messages.filterShowing({ shown: formatters.number(shown.length), total: formatters.number(length), items: listTitle })
              : ''}
          </span>
        </div>
      ) : null}
      {length === 0 ? (
        <p className="tswf-grid__empty">{messages.noRows({ items: listTitle })}</p>
      ) : (
        // A labelled region: when the columns overflow and it scrolls sideways, assistive technology can say what scrolls.
        <div className="tswf-grid__scroll" role="region" aria-labelledby={titleId} ref={scrollRef}>
          <div
            role="grid"
            aria-labelledby={titleId}
            aria-describedby={helpId}
            aria-rowcount={shownCount + 1}
            aria-colcount={layout.columns.length + 2}
            className="tswf-grid"
            // SKUs, codes and quantities are not prose. The browser's spellchecker would also walk every cell's
            // text after each keystroke, which in a long grid cost milliseconds of main-thread time per key.
            spellCheck={false}
            style={{ '--tswf-grid-columns': columnTemplate, '--tswf-grid-min-width': `${7 + layout.columns.length * 8.5}rem` } as CSSProperties}
            onKeyDown={onKeyDown}
            onPaste={onPaste}
            onFocusCapture={onFocusCapture}
            onBlurCapture={onBlurCapture}
          >
            <div role="rowgroup" className="tswf-grid__head">
              <div role="row" aria-rowindex={1} className="tswf-grid__row tswf-grid__row--head">
                <div role="columnheader" aria-colindex={1} className="tswf-grid__index">
                  {messages.rowNumberHeader()}
                </div>
                {layout.columns.map((column, columnIndex) => (
                  <div role="columnheader" key={column.key ?? '.'} aria-colindex={columnIndex + 2} className="tswf-grid__header">
                    {column.title}
                    {column.required ? <span className="required" aria-hidden="true"> *</span> : null}
                  </div>
                ))}
                <div role="columnheader" aria-colindex={layout.columns.length + 2} className="tswf-grid__actions">
                  <span className="tswf-visually-hidden" style={VISUALLY_HIDDEN}>
                    {messages.rowActionsHeader()}
                  </span>
                </div>
              </div>
            </div>
            <div
              role="rowgroup"
              ref={bodyRef}
              className="tswf-grid__body"
              style={rowWindow.totalSize === undefined ? undefined : { position: 'relative', height: rowWindow.totalSize }}
            >
              {rows}
            </div>
          </div>
        </div>
      )}
      {length > 0 ? (
        <p id={helpId} className="tswf-grid__help">
          {messages.gridKeyboardHelp()}
        </p>
      ) : null}
      {removed ? (
        <p className="tswf-grid__undo">
          <span>{messages.rowRemoved({ item: itemLabel, number: formatters.rowNumber(removed.index + 1) })}</span>{' '}
          <Button registry={registry} variant="link" onClick={undoRemove}>
            {messages.undo()}
          </Button>
        </p>
      ) : null}
      {canAdd ? (
        <Button registry={registry} id={addButtonId} className="tswf-grid__add" onClick={addRow}>
          {messages.addRow({ item: itemLabel })}
        </Button>
      ) : null}
    </fieldset>
  );
}
