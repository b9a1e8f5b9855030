/**
 * One `##`/`###` section of a Markdown document, heading excluded, up to the next
 * heading of the same or a higher level. The docs pages show README sections this way
 * instead of keeping a second copy that would drift.
 */
export function markdownSection(markdown: string, heading: string): string {
  const lines = markdown.split('\n');
  const start = lines.findIndex((line) => /^#{2,6} /.test(line) && line.replace(/^#+ /, '').trim() === heading);
  if (start === -1) throw new Error(`The document has no section "${heading}".`);
  const level = /^#+/.exec(lines[start]!)![0].length;
  let inFence = false;
  const body: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (line.startsWith('```')) inFence = !inFence;
    const headingLevel = /^(#+) /.exec(line)?.[1]?.length;
    if (!inFence && headingLevel !== undefined && headingLevel <= level) break;
    body.push(line);
  }
  return body.join('\n').trim();
}
