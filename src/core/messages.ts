/**
 * Every sentence the library shows an operator, in one typed catalogue. English is
 * the default; a host passes `messages` (any subset) to the provider to translate
 * or reword, and `locale` for numbers and times (through `Intl`). rjsf's own strings
 * (its buttons, its widgets) go through the provider's `translateString`, so one
 * provider configures both.
 *
 * Entries are functions of named parameters, so a translation can put words in
 * the order its language needs. `count` parameters come pre-formatted in `countText`.
 */

export interface ValidationMessageParams {
  /** The field's label ("Quantity"), or its full location in a summary ("Line item 2 › Quantity"). */
  label: string;
  /** The JSON Schema keyword that failed, e.g. `required`, `minimum`, `format`. */
  keyword: string;
  /** The keyword's parameters as the validator reports them (`limit`, `format`, `allowedValues`…). */
  params: Readonly<Record<string, unknown>>;
  /** The validator's own message, for keywords the catalogue does not word. */
  fallback: string;
  /** A number from `params`, formatted for the locale. */
  limitText: string;
}

export interface TrackstarMessages {
  // ----- Loading and form states -----
  loadingForm(p: { integration: string }): string;
  notSupportedTitle(p: { integration: string }): string;
  loadFailedTitle(p: { integration: string }): string;
  retry(): string;
  retrying(): string;
  malformedSchemaTitle(p: { integration: string }): string;
  renderFailedTitle(p: { integration: string }): string;
  entriesKept(): string;
  tryAgain(): string;
  formTitle(p: { action: string; integration: string }): string;
  connectionSpecificNote(): string;
  /** The action's label ("Create order") and the noun of what it writes ("order"), by action name. */
  actionLabel(p: { action: string; english: string }): string;
  actionNoun(p: { action: string; english: string }): string;

  // ----- Drafts -----
  draftRestored(p: { time: string }): string;
  discardDraft(): string;
  keepDraft(): string;

  // ----- Prefilled updates -----
  loadingRecord(p: { noun: string }): string;
  recordLoadFailedTitle(p: { noun: string; integration: string }): string;
  recordLoadFailedHint(): string;

  // ----- Submitting -----
  sending(): string;
  rateLimitedWaiting(p: { seconds: string }): string;
  validationSummaryTitle(p: { count: number; countText: string }): string;
  /** An entry of the validation summary: the location is a link to the field. */
  validationSummaryItem(p: { location: string; message: string }): string;
  uncertainResend(p: { integration: string; noun: string }): string;
  pendingFromEarlierVisit(p: { integration: string; noun: string; time: string }): string;
  confirmNewWriteTitle(p: { integration: string; noun: string }): string;
  confirmNewWriteSend(p: { noun: string }): string;
  confirmNewWriteCancel(): string;
  repeatBlocked(p: { noun: string; id: string | undefined }): string;
  changedAfterSuccess(p: { noun: string; method: 'POST' | 'PUT' }): string;
  submitAnother(p: { noun: string; english: string }): string;

  // ----- Outcomes -----
  successTitle(p: { noun: string; integration: string; method: 'POST' | 'PUT'; id: string | undefined }): string;
  successReplayed(p: { noun: string }): string;
  unusedFieldsIntro(p: { integration: string }): string;
  startNew(p: { noun: string }): string;
  requestId(p: { id: string }): string;
  saidBy(p: { who: string }): string;
  quotedFieldLink(p: { location: string }): string;
  notSentTitle(p: { noun: string }): string;

  // ----- Error wording (see `describeApiError`) -----
  errorIntegration(p: { integration: string; noun: string }): string;
  errorValidation(p: { integration: string; noun: string }): string;
  errorForbidden(): string;
  errorNotSupported(p: { integration: string }): string;
  errorRateLimited(p: { seconds: string | undefined }): string;
  errorConflict(p: { noun: string }): string;
  errorUnauthorized(): string;
  errorNotFound(p: { noun: string }): string;
  errorNetwork(): string;
  errorTimeout(): string;
  errorServer(p: { status: number }): string;
  errorGateway(p: { status: number; statusText: string }): string;
  errorProxy(p: { noun: string }): string;
  errorInvalidResponse(): string;
  errorBadRequest(p: { noun: string }): string;
  uncertainOutcomeHint(p: { integration: string }): string;

  // ----- Fields -----
  validation(p: ValidationMessageParams): string;
  placeholderRequired(p: { hint: string; label: string }): string;
  placeholderDefaultHint(): string;
  nullLikeHint(p: { value: string }): string;
  deprecatedField(p: { label: string }): string;
  pasteNotFitting(p: { value: string; label: string; expected: string }): string;

  // ----- Line items -----
  rowLabel(p: { item: string; number: string }): string;
  /** A line-item cell's accessible name: its column and its row ("Quantity, Line item 3"). */
  cellLabel(p: { column: string; row: string }): string;
  addRow(p: { item: string }): string;
  removeRow(p: { item: string; number: string }): string;
  rowAdded(p: { item: string; number: string }): string;
  rowRemoved(p: { item: string; number: string }): string;
  rowRestored(p: { item: string; number: string }): string;
  undo(): string;
  rowDetails(p: { item: string; number: string }): string;
  noRows(p: { items: string }): string;
  filterRows(p: { items: string }): string;
  filterShowing(p: { shown: string; total: string; items: string }): string;
  filterNoMatch(p: { query: string }): string;
  rowNumberHeader(): string;
  rowActionsHeader(): string;
  pasted(p: { rows: string; cells: string; rejected: string }): string;
  gridKeyboardHelp(): string;
}

const sentence = (text: string) => (/[.!?…]$/.test(text) ? text : `${text}.`);

function wordValidation({ label, keyword, params, fallback, limitText }: ValidationMessageParams): string {
  switch (keyword) {
    case 'required':
      return `${label} is required.`;
    case 'type': {
      const type = String(params.type ?? '');
      if (type.includes('integer')) return `${label} must be a whole number.`;
      if (type.includes('number')) return `${label} must be a number.`;
      if (type.includes('boolean')) return `${label} must be yes or no.`;
      if (type.includes('array')) return `${label} must be a list.`;
      if (type.includes('object')) return `${label} must be a group of fields.`;
      return `${label} must be text.`;
    }
    case 'minimum':
      return `${label} must be at least ${limitText}.`;
    case 'maximum':
      return `${label} must be at most ${limitText}.`;
    case 'exclusiveMinimum':
      return `${label} must be more than ${limitText}.`;
    case 'exclusiveMaximum':
      return `${label} must be less than ${limitText}.`;
    case 'multipleOf':
      return `${label} must be a multiple of ${limitText}.`;
    case 'minLength':
      return limitText === '1' ? `${label} is required.` : `${label} must be at least ${limitText} characters long.`;
    case 'maxLength':
      return `${label} must be at most ${limitText} characters long.`;
    case 'minItems':
      return `${label} needs at least ${limitText} ${limitText === '1' ? 'entry' : 'entries'}.`;
    case 'maxItems':
      return `${label} can have at most ${limitText} entries.`;
    case 'uniqueItems':
      return `${label} must not repeat an entry.`;
    case 'pattern':
      return `${label} is not in the expected format.`;
    case 'format': {
      const format = String(params.format ?? '');
      if (format === 'email') return `${label} must be an email address.`;
      if (format === 'uri' || format === 'url' || format === 'uri-reference') return `${label} must be a web address (URL).`;
      if (format === 'date') return `${label} must be a date.`;
      if (format === 'date-time') return `${label} must be a date and time.`;
      if (format === 'time') return `${label} must be a time.`;
      return `${label} is not a valid ${format}.`;
    }
    case 'enum':
    case 'const':
      return `${label} must be one of the listed options.`;
    case 'oneOf':
    case 'anyOf':
      return `${label} must match one of its options.`;
    case 'additionalProperties':
      return `${label} has a field this form does not know: ${String(params.additionalProperty ?? '')}.`;
    default:
      return `${label}: ${sentence(fallback)}`;
  }
}

export const englishMessages: TrackstarMessages = {
  loadingForm: ({ integration }) => `Loading the form for ${integration}…`,
  notSupportedTitle: ({ integration }) => `Not supported by ${integration}`,
  loadFailedTitle: ({ integration }) => `The form for ${integration} could not be loaded.`,
  retry: () => 'Retry',
  retrying: () => 'Retrying…',
  malformedSchemaTitle: ({ integration }) => `The schema for this form in ${integration} is malformed.`,
  renderFailedTitle: ({ integration }) => `This form for ${integration} could not be displayed.`,
  entriesKept: () => 'Your entries are kept.',
  tryAgain: () => 'Try again',
  formTitle: ({ action, integration }) => `${action} in ${integration}`,
  connectionSpecificNote: () => 'Some options depend on the connected account and appear once an account is connected.',
  actionLabel: ({ english }) => english,
  actionNoun: ({ english }) => english,

  draftRestored: ({ time }) => `Draft restored from ${time}.`,
  discardDraft: () => 'Discard draft',
  keepDraft: () => 'Keep it',

  loadingRecord: ({ noun }) => `Loading the current ${noun}…`,
  recordLoadFailedTitle: ({ noun, integration }) => `The current ${noun} could not be loaded from ${integration}.`,
  recordLoadFailedHint: () => 'The form stays closed until it loads, so that nothing is overwritten with blanks.',

  sending: () => 'Sending…',
  rateLimitedWaiting: ({ seconds }) => `Trackstar asked us to wait ${seconds} s; sending again automatically…`,
  validationSummaryTitle: ({ count, countText }) => (count === 1 ? 'Fix this field before sending:' : `Fix these ${countText} fields before sending:`),
  validationSummaryItem: ({ location, message }) => `${location}: ${message}`,
  uncertainResend: ({ integration }) =>
    `The last attempt may have reached ${integration}. Sending again is safe: it repeats that attempt, so ${integration} writes it at most once.`,
  pendingFromEarlierVisit: ({ integration, noun, time }) =>
    `This ${noun} was sent at ${time}, but no answer arrived, so it may have reached ${integration}. Sending it again is safe: it repeats that attempt.`,
  confirmNewWriteTitle: ({ integration, noun }) =>
    `You changed this ${noun} after an attempt that may have reached ${integration}. Sending it now is a new write: if the first attempt went through, there will be two.`,
  confirmNewWriteSend: ({ noun }) => `Send as a new ${noun}`,
  confirmNewWriteCancel: () => 'Keep editing',
  repeatBlocked: ({ noun, id }) =>
    `This ${noun} was already sent${id ? ` (ID ${id})` : ''}; sending the same data again would write it twice. Change it, or start a new ${noun}.`,
  changedAfterSuccess: ({ noun, method }) =>
    method === 'PUT' ? `Sending again saves your changes to this ${noun}.` : `Sending again creates another ${noun}.`,
  submitAnother: ({ english }) => english,

  successTitle: ({ noun, integration, method, id }) =>
    `${noun.charAt(0).toUpperCase()}${noun.slice(1)} ${method === 'PUT' ? 'saved' : 'created'} in ${integration}${id ? ` (ID ${id})` : ''}.`,
  successReplayed: ({ noun }) => `This ${noun} had already been submitted; Trackstar returned the original result instead of writing it twice.`,
  unusedFieldsIntro: ({ integration }) => `${integration} accepted these fields but did not use them, so they did not reach ${integration}:`,
  startNew: ({ noun }) => `Start a new ${noun}`,
  requestId: ({ id }) => `Request ID: ${id}`,
  saidBy: ({ who }) => `${who} said: `,
  quotedFieldLink: ({ location }) => `Go to ${location}`,
  notSentTitle: ({ noun }) => `This ${noun} was not sent.`,

  errorIntegration: ({ integration, noun }) => `${integration} rejected this ${noun}.`,
  errorValidation: ({ integration, noun }) => `Trackstar's validation rejected this ${noun} before it reached ${integration}.`,
  errorForbidden: () => 'This write is disabled for this connection.',
  errorNotSupported: ({ integration }) => `This action is not supported by ${integration}.`,
  errorRateLimited: ({ seconds }) =>
    seconds === undefined ? 'Trackstar is rate limiting requests; try again shortly.' : `Trackstar is rate limiting requests; try again in ${seconds} s.`,
  errorConflict: ({ noun }) => `An earlier submit of this ${noun} is still being processed. Wait a moment, then submit again.`,
  errorUnauthorized: () => 'Trackstar did not accept the credentials. Check the API key and access token on the server.',
  errorNotFound: ({ noun }) => `Trackstar could not find what this ${noun} refers to.`,
  errorNetwork: () => 'The server could not be reached. Nothing you entered is lost; submit again when you are back online.',
  errorTimeout: () => 'The server did not answer in time. Nothing you entered is lost.',
  errorServer: ({ status }) => `Trackstar had a problem (HTTP ${status}). Nothing you entered is lost.`,
  errorGateway: ({ status, statusText }) =>
    `A server between this page and Trackstar answered HTTP ${status}${statusText ? ` (${statusText})` : ''} instead of Trackstar. Nothing you entered is lost.`,
  errorProxy: ({ noun }) => `Your server's Trackstar route refused this ${noun}.`,
  errorInvalidResponse: () => 'The server answered with something this form could not read, so it is not known whether the write happened. Nothing you entered is lost.',
  errorBadRequest: ({ noun }) => `Trackstar refused this ${noun}.`,
  uncertainOutcomeHint: ({ integration }) => `Submitting again is safe: it repeats the same attempt, so ${integration} writes it at most once.`,

  validation: wordValidation,
  placeholderRequired: ({ hint, label }) => `${label} is required, and its options come from the connected account: ${hint.charAt(0).toLowerCase()}${hint.slice(1)}.`,
  placeholderDefaultHint: () => 'Connect an account to see options',
  nullLikeHint: ({ value }) => `Trackstar treats “${value}” as empty; it will not be sent.`,
  deprecatedField: ({ label }) => `${label} (deprecated)`,
  pasteNotFitting: ({ value, label, expected }) => `“${value}” does not fit ${label} (${expected}).`,

  rowLabel: ({ item, number }) => `${item} ${number}`,
  cellLabel: ({ column, row }) => `${column}, ${row}`,
  addRow: ({ item }) => `Add ${item.toLowerCase()}`,
  removeRow: ({ item, number }) => `Remove ${item.toLowerCase()} ${number}`,
  rowAdded: ({ item, number }) => `${item} ${number} added.`,
  rowRemoved: ({ item, number }) => `${item} ${number} removed.`,
  rowRestored: ({ item, number }) => `${item} ${number} restored.`,
  undo: () => 'Undo',
  rowDetails: ({ item, number }) => `Details of ${item.toLowerCase()} ${number}`,
  noRows: ({ items }) => `No ${items.toLowerCase()} yet.`,
  filterRows: ({ items }) => `Filter ${items.toLowerCase()}`,
  filterShowing: ({ shown, total, items }) => `Showing ${shown} of ${total} ${items.toLowerCase()}.`,
  filterNoMatch: ({ query }) => `No rows match “${query}”.`,
  rowNumberHeader: () => '#',
  rowActionsHeader: () => 'Actions',
  pasted: ({ rows, cells, rejected }) =>
    `Pasted ${cells} ${cells === '1' ? 'cell' : 'cells'} into ${rows} ${rows === '1' ? 'row' : 'rows'}${rejected !== '0' ? `; ${rejected} did not fit and are marked` : ''}.`,
  gridKeyboardHelp: () =>
    'Enter and Shift+Enter move down and up a row, arrow keys move between cells at the edge of a value, and pasting cells copied from a spreadsheet fills the rows below.',
};

/** English, with the host's entries on top. */
export function resolveMessages(overrides?: Partial<TrackstarMessages>): TrackstarMessages {
  return overrides ? { ...englishMessages, ...overrides } : englishMessages;
}

export interface Formatters {
  number(value: number): string;
  /** A row number ("Line item 2501"): no digit grouping, as in a spreadsheet's row headers. */
  rowNumber(value: number): string;
  time(epochMs: number): string;
}

export function createFormatters(locale?: string | undefined): Formatters {
  // One formatter per kind, each built the first time it is used: constructing an Intl object is the expensive
  // part (the first DateTimeFormat of a page loads calendar data), and a form that never shows a time needs none.
  const lazy = <T>(build: () => T): (() => T) => {
    let built: T | undefined;
    return () => (built ??= build());
  };
  const numbers = lazy(() => new Intl.NumberFormat(locale));
  const rows = lazy(() => new Intl.NumberFormat(locale, { useGrouping: false, maximumFractionDigits: 0 }));
  const times = lazy(() => new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', second: '2-digit' }));
  return {
    number: (value) => numbers().format(value),
    rowNumber: (value) => rows().format(value),
    time: (epochMs) => times().format(new Date(epochMs)),
  };
}
