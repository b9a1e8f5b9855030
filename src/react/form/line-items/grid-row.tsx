/**
 * One line item: its number, one cell per column, the buttons that act on it, and
 * (for items with nested objects or lists) its details, opened under the row.
 * Cells are rjsf fields fed by the form store (see `store-schema-field.tsx`): a
 * keystroke re-renders the cell typed in, not the row.
 */
import { type FieldPathId, type FormContextType, type Registry, type RJSFSchema, type UiSchema, toFieldPathId } from '@rjsf/utils';
import { memo, useMemo } from 'react';
import { type ErrorTree, type FormPath } from '../../../core';
import { getIn } from '../../../core/internal';
import { buttonTemplate } from '../../templates/trackstar-button';
import { useFormRuntime } from '../form-runtime';
import { ACCESSIBLE_NAME } from '../use-control-aria';
import { useFieldSlice, useOwnErrors } from '../use-form-state';
import { VISUALLY_HIDDEN } from '../visually-hidden';
import type { GridColumn, GridLayout } from './grid-layout';

type AnyRegistry = Registry<unknown, RJSFSchema, FormContextType>;

function noop(): void {}

interface RowSchemaFieldProps {
  name: string;
  schema: RJSFSchema;
  uiSchema: UiSchema | undefined;
  fieldPathId: FieldPathId;
  required: boolean;
  disabled: boolean;
  readonly: boolean;
  registry: AnyRegistry;
}

/**
 * A field of a row, through the registry's SchemaField. It reads and writes the form
 * store itself (see store-schema-field), so rjsf's data and change props are unused.
 */
function RowSchemaField({ registry, ...props }: RowSchemaFieldProps) {
  const SchemaField = registry.fields.SchemaField!;
  return <SchemaField {...props} formData={undefined} registry={registry} onChange={noop} onBlur={noop} onFocus={noop} />;
}

export interface GridRowProps {
  /** Index of the item in the array. */
  index: number;
  /** Position among the rows shown (differs from `index` while a filter is on). */
  position: number;
  /** Top offset when the grid is windowed. */
  start: number | undefined;
  layout: GridLayout;
  arrayPathId: FieldPathId;
  registry: AnyRegistry;
  itemLabel: string;
  disabled: boolean;
  readonly: boolean;
  canRemove: boolean;
  expanded: boolean;
  onToggleDetails: (index: number) => void;
  onRemove: (index: number) => void;
  measureRow: ((element: Element | null) => void) | undefined;
}

function detailsHaveErrors(errors: unknown, details: GridLayout['details']): boolean {
  if (!errors || typeof errors !== 'object') return false;
  return details.some((detail) => (errors as ErrorTree)[detail.key] !== undefined);
}

/** Whether an error tree holds any message (the row's cells, details or the row itself). */
function holdsErrors(errors: unknown): boolean {
  if (!errors || typeof errors !== 'object') return false;
  return Object.entries(errors).some(([key, value]) => (key === '__errors' ? Array.isArray(value) && value.length > 0 : holdsErrors(value)));
}

export const GridRow = memo(function GridRow(props: GridRowProps) {
  const { index, position, start, layout, arrayPathId, registry, itemLabel, disabled, readonly, canRemove, measureRow } = props;
  const runtime = useFormRuntime();
  const { messages, formatters } = runtime;
  const rowPathId = useMemo(() => toFieldPathId(index, registry.globalFormOptions, arrayPathId), [index, registry, arrayPathId]);
  const rowPath = rowPathId.path as FormPath;
  const number = formatters.rowNumber(index + 1);
  const rowLabel = messages.rowLabel({ item: itemLabel, number });
  // A row whose details hold an error opens them, so the error can be seen and reached.
  const detailErrors = useFieldSlice(runtime.control.store, rowPath, (state) => detailsHaveErrors(getIn(state.errors, rowPath), layout.details));
  // Classes rather than `:has()` in the stylesheet: a subtree `:has()` on every row re-matched on every keystroke.
  const rowInvalid = useFieldSlice(runtime.control.store, rowPath, (state) => holdsErrors(getIn(state.errors, rowPath)));
  const expanded = props.expanded || detailErrors;
  const detailsId = `${rowPathId.$id}__details`;
  const Button = buttonTemplate(registry);
  const { RemoveButton } = registry.templates.ButtonTemplates;
  const hasDetails = layout.details.length > 0;
  const style = start === undefined ? undefined : ({ position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${start}px)` } as const);

  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      aria-label={rowLabel}
      className={`tswf-grid__row${expanded ? ' tswf-grid__row--expanded' : ''}${rowInvalid ? ' tswf-grid__row--invalid' : ''}`}
      data-index={position}
      data-position={position}
      data-item={index}
      ref={measureRow}
      style={style}
    >
      <div role="rowheader" className="tswf-grid__index" aria-colindex={1}>
        <span className="tswf-visually-hidden" style={VISUALLY_HIDDEN}>{`${itemLabel} `}</span>
        {number}
      </div>
      {layout.columns.map((column, columnIndex) => (
        <GridCell
          key={column.key ?? '.'}
          column={column}
          columnIndex={columnIndex}
          position={position}
          rowPathId={rowPathId}
          rowLabel={rowLabel}
          registry={registry}
          disabled={disabled}
          readonly={readonly}
        />
      ))}
      <div role="gridcell" className="tswf-grid__actions" aria-colindex={layout.columns.length + 2} data-grid-cell="" data-position={position} data-column={layout.columns.length}>
        {hasDetails ? (
          <Button
            registry={registry}
            variant="link"
            className="tswf-grid__toggle"
            aria-expanded={expanded}
            aria-controls={expanded ? detailsId : undefined}
            aria-label={messages.rowDetails({ item: itemLabel, number })}
            onClick={() => props.onToggleDetails(index)}
          >
            {expanded ? '▾' : '▸'}
          </Button>
        ) : null}
        {canRemove ? (
          <RemoveButton
            registry={registry}
            className="tswf-grid__remove"
            title={messages.removeRow({ item: itemLabel, number })}
            aria-label={messages.removeRow({ item: itemLabel, number })}
            disabled={disabled || readonly}
            onClick={() => props.onRemove(index)}
          />
        ) : null}
      </div>
      {hasDetails && expanded ? (
        <div role="gridcell" className="tswf-grid__details" aria-colindex={1} aria-colspan={layout.columns.length + 2}>
          <div role="group" id={detailsId} aria-label={messages.rowDetails({ item: itemLabel, number })} className="tswf-grid__details-body">
            {layout.details.map((detail) => (
              <DetailField key={detail.key} detail={detail} rowPathId={rowPathId} registry={registry} disabled={disabled} readonly={readonly} />
            ))}
          </div>
        </div>
      ) : null}
    </div>
  );
});

/**
 * A cell's uiSchema: no label of its own (the column header shows it to sighted operators) and an
 * accessible name saying the column and the row ("Quantity, Line item 3").
 */
function cellUiSchema(column: GridColumn, name: string): UiSchema {
  const options = (column.uiSchema['ui:options'] ?? {}) as Record<string, unknown>;
  return { ...column.uiSchema, 'ui:options': { ...options, label: false }, 'ui:description': '', [ACCESSIBLE_NAME]: name };
}

interface GridCellProps {
  column: GridColumn;
  columnIndex: number;
  position: number;
  rowPathId: FieldPathId;
  rowLabel: string;
  registry: AnyRegistry;
  disabled: boolean;
  readonly: boolean;
}

const GridCell = memo(function GridCell({ column, columnIndex, position, rowPathId, rowLabel, registry, disabled, readonly }: GridCellProps) {
  const { control, messages } = useFormRuntime();
  const { store } = control;
  const cellPathId = useMemo(
    () => (column.key === null ? rowPathId : toFieldPathId(column.key, registry.globalFormOptions, rowPathId)),
    [column.key, registry, rowPathId],
  );
  const uiSchema = useMemo(() => cellUiSchema(column, messages.cellLabel({ column: column.title, row: rowLabel })), [column, messages, rowLabel]);
  const invalid = useOwnErrors(store, cellPathId.path as FormPath) !== undefined;
  const className = `tswf-grid__cell${invalid ? ' tswf-grid__cell--invalid' : ''}${column.required ? ' tswf-grid__cell--required' : ''}`;
  return (
    // `data-column-title`: the phone layout's cards show the column's name above the control (the stylesheet draws it).
    <div
      role="gridcell"
      className={className}
      aria-colindex={columnIndex + 2}
      data-grid-cell=""
      data-position={position}
      data-column={columnIndex}
      data-column-title={column.title}
    >
      <RowSchemaField
        name={column.key ?? ''}
        schema={column.schema}
        uiSchema={uiSchema}
        fieldPathId={cellPathId}
        required={column.required}
        disabled={disabled}
        readonly={readonly}
        registry={registry}
      />
    </div>
  );
});

interface DetailFieldProps {
  detail: GridLayout['details'][number];
  rowPathId: FieldPathId;
  registry: AnyRegistry;
  disabled: boolean;
  readonly: boolean;
}

function DetailField({ detail, rowPathId, registry, disabled, readonly }: DetailFieldProps) {
  const fieldPathId = useMemo(() => toFieldPathId(detail.key, registry.globalFormOptions, rowPathId), [detail.key, registry, rowPathId]);
  return (
    <RowSchemaField
      name={detail.key}
      schema={detail.schema}
      uiSchema={detail.uiSchema}
      fieldPathId={fieldPathId}
      required={detail.required}
      disabled={disabled}
      readonly={readonly}
      registry={registry}
    />
  );
}
