/**
 * Descriptions say `carrier_id` and *must*; rjsf renders them as markdown when a
 * field's uiSchema has `ui:enableMarkdownInDescription`. Its renderer (markdown-to-jsx
 * with `disableParsingRawHTML`) prints raw HTML as text, but it would still turn
 * links, bare URLs, images, headings ("# of units"), lists and tables into markup. So
 * the markdown handed to it is rebuilt from the description: inline code, emphasis and
 * strong emphasis are kept; every other character is backslash-escaped, which
 * CommonMark (and markdown-to-jsx) prints literally.
 */

const INLINE_MARKUP =
  /`([^`]+)`|\*\*([^*]+?)\*\*|__([^_]+?)__|\*([^*\s](?:[^*]*[^*\s])?)\*|(?<![A-Za-z0-9_])_([^_\s](?:[^_]*[^_\s])?)_(?![A-Za-z0-9_])/g;

const ASCII_PUNCTUATION = /[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/g;

function literal(text: string): string {
  return text.replace(ASCII_PUNCTUATION, '\\$&');
}

/**
 * The markdown to render for `description`, or `undefined` when it has no inline
 * markup (plain text renders as is). Links were already reduced to their text by
 * `plainDescription`.
 */
export function inlineMarkdown(description: string): string | undefined {
  let out = '';
  let last = 0;
  let found = false;
  for (const match of description.matchAll(INLINE_MARKUP)) {
    const [whole, code, strong, strongUnderscore, emphasis, emphasisUnderscore] = match;
    out += literal(description.slice(last, match.index));
    if (code !== undefined) out += `\`${code}\``;
    else if (strong !== undefined || strongUnderscore !== undefined) out += `**${literal(strong ?? strongUnderscore!)}**`;
    else out += `*${literal(emphasis ?? emphasisUnderscore!)}*`;
    last = match.index + whole.length;
    found = true;
  }
  if (!found) return undefined;
  return out + literal(description.slice(last));
}
