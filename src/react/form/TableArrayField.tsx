import {
  type ErrorSchema,
  type Field,
  type FieldPathId,
  type FieldPathList,
  type FieldProps,
  type FormContextType,
  type Registry,
  type RJSFSchema,
  type UiSchema,
  getUiOptions,
  toFieldPathId,
  useDeepCompareMemo,
} from '@rjsf/utils';
import { type CSSProperties, memo, startTransition, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { singularize } from '../../core/schema/labels';

type AnyRegistry = Registry<unknown, RJSFSchema, FormContextType>;
type Props = FieldProps<unknown, RJSFSchema, FormContextType>;
type Row = Record<string, unknown>;

const SCALAR_TYPES = new Set(['string', 'number', 'integer', 'boolean']);
const FIELD_FOR_TYPE: Record<string, string> = {
  string: 'StringField',
  number: 'NumberField',
  integer: 'NumberField',
  boolean: 'BooleanField',
};

interface Column {
  key: string;
  schema: RJSFSchema;
  title: string;
  required: boolean;
  uiSchema: UiSchema;
  Field: Field<unknown, RJSFSchema, FormContextType>;
}

/**
 * The columns of an array whose items are flat objects (every property a string,
 * number, integer or boolean), or `undefined` when the items need the general
 * nested rendering.
 */
function tabularColumns(schema: RJSFSchema, uiSchema: UiSchema | undefined, registry: AnyRegistry): Column[] | undefined {
  if (uiSchema?.['ui:options']?.table === false) return undefined;
  const rawItems = schema.items;
  if (!rawItems || typeof rawItems !== 'object' || Array.isArray(rawItems)) return undefined;
  const items = registry.schemaUtils.retrieveSchema(rawItems as RJSFSchema);
  if (items.type !== 'object' || !items.properties) return undefined;
  if (items.oneOf || items.anyOf || items.allOf || items.dependencies || items.if) return undefined;
  const itemsUi = (uiSchema?.items ?? {}) as UiSchema;
  const required = new Set(items.required ?? []);
  const columns: Column[] = [];
  for (const [key, raw] of Object.entries(items.properties)) {
    if (typeof raw !== 'object') return undefined;
    const property = registry.schemaUtils.retrieveSchema(raw as RJSFSchema);
    const type = property.type;
    if (typeof type !== 'string' || !SCALAR_TYPES.has(type) || property.oneOf || property.anyOf) return undefined;
    const columnUi = (itemsUi[key] ?? {}) as UiSchema;
    if (getUiOptions(columnUi).widget === 'hidden') continue;
    const customField = columnUi['ui:field'];
    const field = typeof customField === 'function' ? customField : registry.fields[typeof customField === 'string' ? customField : FIELD_FOR_TYPE[type]!];
    if (!field) return undefined;
    columns.push({
      key,
      schema: property,
      title: (getUiOptions(columnUi).title as string | undefined) ?? property.title ?? key,
      required: required.has(key),
      // The column header is the visible label; a checkbox must not repeat it in every row.
      uiSchema: type === 'boolean' ? { ...columnUi, 'ui:options': { ...columnUi['ui:options'], label: false } } : columnUi,
      Field: field,
    });
  }
  return columns.length > 0 ? columns : undefined;
}

/**
 * rjsf's `ArrayField`, except that arrays of flat objects (line items) render as a
 * table of memoized rows: typing in one cell re-renders that row only, so a form
 * with hundreds of line items stays as fast as a single input.
 */
export function createTableArrayField(FallbackArrayField: Field<unknown, RJSFSchema, FormContextType>) {
  function TableArrayField(props: Props) {
    const { schema, registry } = props;
    // rjsf hands a field a fresh `{}` when it has no uiSchema; comparing by value keeps the columns (and every row) stable.
    const uiSchema = useDeepCompareMemo(props.uiSchema);
    const columns = useMemo(() => tabularColumns(schema, uiSchema, registry), [schema, uiSchema, registry]);
    if (!columns) return <FallbackArrayField {...props} />;
    return <ArrayTable {...props} columns={columns} />;
  }
  TableArrayField.displayName = 'TableArrayField';
  return TableArrayField;
}

function ArrayTable(props: Props & { columns: Column[] }) {
  const { schema, uiSchema, registry, fieldPathId, errorSchema, columns, name, disabled, readonly } = props;
  const rows = Array.isArray(props.formData) ? (props.formData as unknown[]) : [];
  const uiOptions = getUiOptions(uiSchema);
  const title = (uiOptions.title as string | undefined) ?? schema.title ?? props.title ?? name;
  const itemTitle = (schema.items as RJSFSchema | undefined)?.title ?? singularize(title);
  const description = (uiOptions.description as string | undefined) ?? schema.description;
  const maxItems = typeof schema.maxItems === 'number' ? schema.maxItems : Number.POSITIVE_INFINITY;
  const canAdd = uiOptions.addable !== false && rows.length < maxItems && !disabled && !readonly;
  const canRemove = uiOptions.removable !== false && !disabled && !readonly;
  const arrayErrors = errorSchema?.__errors ?? [];

  // Rows get stable callbacks that read the latest rows, so a keystroke in one row leaves the others' props untouched.
  const latest = useRef({ rows, onChange: props.onChange, fieldPathId, schema, registry });
  latest.current = { rows, onChange: props.onChange, fieldPathId, schema, registry };
  const onCellChange = useCallback((value: unknown, path: FieldPathList, cellErrors?: ErrorSchema, id?: string) => {
    latest.current.onChange(value, path, cellErrors, id);
  }, []);
  const removeRow = useCallback((index: number) => {
    const current = latest.current;
    current.onChange(
      current.rows.filter((_, rowIndex) => rowIndex !== index),
      current.fieldPathId.path,
    );
  }, []);
  const addRow = useCallback(() => {
    const current = latest.current;
    const itemSchema = current.schema.items as RJSFSchema;
    const blank = current.registry.schemaUtils.getDefaultFormState(itemSchema, undefined);
    current.onChange([...current.rows, blank ?? {}], current.fieldPathId.path);
  }, []);

  // Hundreds of rows render in two steps: the first blocks at once, the rest in a transition that yields to
  // input, so the form shows in a fraction of the time and stays usable while the rest arrives.
  const [renderAllRows, setRenderAllRows] = useState(() => rows.length <= INITIAL_ROWS);
  useEffect(() => {
    if (!renderAllRows) startTransition(() => setRenderAllRows(true));
  }, [renderAllRows]);
  const renderedRows = renderAllRows ? rows.length : Math.min(rows.length, INITIAL_ROWS);

  const headingId = `${fieldPathId.$id}__title`;
  const gridStyle = useMemo(() => gridTemplate(columns.length, canRemove), [columns.length, canRemove]);
  return (
    <fieldset className="tswf-table-field" id={fieldPathId.$id} aria-labelledby={headingId}>
      <legend id={headingId} className="tswf-table-field__title">
        {title}
        {props.required ? <span className="required"> *</span> : null}{' '}
        <span className="tswf-table-field__count">({rows.length})</span>
      </legend>
      {description ? (
        <p id={`${fieldPathId.$id}__description`} className="field-description">
          {description}
        </p>
      ) : null}
      <div className="tswf-table-field__scroll" style={SCROLL_STYLE}>
        <div
          role="table"
          aria-labelledby={headingId}
          aria-rowcount={rows.length + 1}
          aria-busy={renderedRows < rows.length || undefined}
          className="tswf-table"
          style={gridStyle}
        >
          <div role="rowgroup" className="tswf-table__head">
            <div role="row" aria-rowindex={1} className="tswf-table__row tswf-table__row--head" style={ROW_STYLE}>
              <span role="columnheader" className="tswf-table__index">
                #
              </span>
              {columns.map((column) => (
                <span role="columnheader" key={column.key} className="tswf-table__header">
                  {column.title}
                  {column.required ? <span className="required"> *</span> : null}
                </span>
              ))}
              {canRemove ? (
                <span role="columnheader" className="tswf-table__actions">
                  <span className="tswf-visually-hidden">Actions</span>
                </span>
              ) : null}
            </div>
          </div>
          <div role="rowgroup" className="tswf-table__body">
            {chunkStarts(renderedRows).map((start) => (
              <RowBlock
                key={start}
                start={start}
                rows={rows.slice(start, Math.min(start + ROWS_PER_BLOCK, renderedRows))}
                errors={blockErrors(errorSchema, start)}
                columns={columns}
                itemTitle={itemTitle}
                arrayPathId={fieldPathId}
                registry={registry}
                onCellChange={onCellChange}
                onRemove={canRemove ? removeRow : undefined}
                disabled={disabled}
                readonly={readonly}
              />
            ))}
          </div>
        </div>
      </div>
      {rows.length === 0 ? <p className="tswf-table-field__empty">No {title.toLowerCase()} yet.</p> : null}
      {arrayErrors.length > 0 ? (
        <div id={`${fieldPathId.$id}__error`} className="error-detail tswf-field-error">
          {arrayErrors.join(' ')}
        </div>
      ) : null}
      {canAdd ? (
        <button type="button" className="tswf-button tswf-button--secondary tswf-table-field__add" onClick={addRow}>
          Add {itemTitle.toLowerCase()}
        </button>
      ) : null}
    </fieldset>
  );
}

/*
 * Layout that performance depends on is inline, so it holds without any stylesheet:
 * rows are CSS grids sharing one column template (no table auto-layout pass over
 * every row on each keystroke), and `content-visibility: auto` lets the browser skip
 * painting rows that are off screen. With 500 line items, painting and layerizing
 * every input cost ~90 ms per keystroke in Chromium; this keeps the DOM complete
 * (find in page, screen readers) while paying only for what is visible.
 */
// Positioned, so the cells' visually hidden (absolutely positioned) labels stay inside the scroller.
const SCROLL_STYLE: CSSProperties = { overflowX: 'auto', position: 'relative' };
const ROW_STYLE: CSSProperties = { display: 'grid', gridTemplateColumns: 'var(--tswf-columns)', alignItems: 'start' };
const CELL_STYLE: CSSProperties = { minWidth: 0 };

/**
 * Rows are grouped in blocks: the browser skips an off-screen block as one unit
 * (one skipped box instead of 25), and a change re-renders one block instead of
 * mapping every row.
 */
const ROWS_PER_BLOCK = 25;
const INITIAL_ROWS = 2 * ROWS_PER_BLOCK;
const BLOCK_STYLE: CSSProperties = { contentVisibility: 'auto', containIntrinsicSize: `auto ${ROWS_PER_BLOCK * 3}rem` };

function chunkStarts(length: number): number[] {
  return Array.from({ length: Math.ceil(length / ROWS_PER_BLOCK) }, (_, block) => block * ROWS_PER_BLOCK);
}

function blockErrors(errorSchema: ErrorSchema | undefined, start: number): Array<ErrorSchema | undefined> {
  const byIndex = errorSchema as Record<number, ErrorSchema> | undefined;
  return Array.from({ length: ROWS_PER_BLOCK }, (_, offset) => byIndex?.[start + offset]);
}

function sameItems(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((item, index) => Object.is(item, b[index]));
}

interface RowBlockProps extends Omit<TableRowProps, 'index' | 'row' | 'rowErrors'> {
  start: number;
  rows: unknown[];
  errors: Array<ErrorSchema | undefined>;
}

const RowBlock = memo(
  function RowBlock({ start, rows, errors, ...rowProps }: RowBlockProps) {
    return (
      <div className="tswf-table__block" style={BLOCK_STYLE}>
        {rows.map((row, offset) => (
          // Index keys: every cell is controlled by the row data, so rows hold no state to misplace on removal.
          <TableRow key={start + offset} index={start + offset} row={row} rowErrors={errors[offset]} {...rowProps} />
        ))}
      </div>
    );
  },
  // Slices are new arrays on every render; what matters is whether any row or error in them changed.
  (previous, next) => {
    const { rows, errors, ...rest } = next;
    const { rows: previousRows, errors: previousErrors, ...previousRest } = previous;
    return (
      sameItems(previousRows, rows) &&
      sameItems(previousErrors, errors) &&
      Object.keys(rest).every((key) => Object.is(rest[key as keyof typeof rest], previousRest[key as keyof typeof previousRest]))
    );
  },
);

function gridTemplate(columnCount: number, withActions: boolean): CSSProperties {
  const template = `3rem repeat(${columnCount}, minmax(8rem, 1fr))${withActions ? ' 3rem' : ''}`;
  return { '--tswf-columns': template, minWidth: `${6 + columnCount * 8}rem` } as CSSProperties;
}

interface TableRowProps {
  index: number;
  row: unknown;
  rowErrors: ErrorSchema | undefined;
  columns: Column[];
  itemTitle: string;
  arrayPathId: FieldPathId;
  registry: AnyRegistry;
  onCellChange: Props['onChange'];
  onRemove: ((index: number) => void) | undefined;
  disabled: boolean | undefined;
  readonly: boolean | undefined;
}

const TableRow = memo(function TableRow({
  index,
  row,
  rowErrors,
  columns,
  itemTitle,
  arrayPathId,
  registry,
  onCellChange,
  onRemove,
  disabled,
  readonly,
}: TableRowProps) {
  const rowPathId = useMemo(() => toFieldPathId(index, registry.globalFormOptions, arrayPathId), [index, registry, arrayPathId]);
  const values = (row && typeof row === 'object' ? row : {}) as Row;
  const rowLabel = `${itemTitle} ${index + 1}`;
  return (
    <div role="row" aria-rowindex={index + 2} className="tswf-table__row" style={ROW_STYLE}>
      <span role="rowheader" className="tswf-table__index">
        {index + 1}
      </span>
      {columns.map((column) => (
        <TableCell
          key={column.key}
          column={column}
          value={values[column.key]}
          errorSchema={rowErrors?.[column.key] as ErrorSchema | undefined}
          rowPathId={rowPathId}
          rowLabel={rowLabel}
          registry={registry}
          onChange={onCellChange}
          disabled={disabled}
          readonly={readonly}
        />
      ))}
      {onRemove ? (
        <div role="cell" className="tswf-table__actions">
          <button type="button" className="tswf-button tswf-button--icon" onClick={() => onRemove(index)} aria-label={`Remove ${rowLabel.toLowerCase()}`}>
            ✕
          </button>
        </div>
      ) : null}
    </div>
  );
});

interface TableCellProps {
  column: Column;
  value: unknown;
  errorSchema: ErrorSchema | undefined;
  rowPathId: FieldPathId;
  rowLabel: string;
  registry: AnyRegistry;
  onChange: Props['onChange'];
  disabled: boolean | undefined;
  readonly: boolean | undefined;
}

/** One cell: re-renders only when its own value or errors change, not when a neighbour's do. */
const TableCell = memo(function TableCell({ column, value, errorSchema, rowPathId, rowLabel, registry, onChange, disabled, readonly }: TableCellProps) {
  const { Field } = column;
  const cellPathId = useMemo(() => toFieldPathId(column.key, registry.globalFormOptions, rowPathId), [column.key, registry, rowPathId]);
  const errors = errorSchema?.__errors;
  return (
    <div role="cell" className={errors?.length ? 'tswf-table__cell has-error' : 'tswf-table__cell'} style={CELL_STYLE}>
      <label htmlFor={cellPathId.$id} className="tswf-visually-hidden">
        {`${column.title}, ${rowLabel}`}
      </label>
      <Field
        name={column.key}
        title={column.title}
        schema={column.schema}
        uiSchema={column.uiSchema}
        fieldPathId={cellPathId}
        formData={value}
        errorSchema={errorSchema}
        rawErrors={errors}
        required={column.required}
        disabled={disabled}
        readonly={readonly}
        hideError
        registry={registry}
        onChange={onChange}
        onBlur={noop}
        onFocus={noop}
      />
      {errors?.length ? (
        <div id={`${cellPathId.$id}__error`} className="error-detail tswf-field-error">
          {errors.join(' ')}
        </div>
      ) : null}
    </div>
  );
});

function noop(): void {}
