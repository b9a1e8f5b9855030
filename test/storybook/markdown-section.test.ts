// @vitest-environment node
/** The Errors docs page shows the README's section through `markdownSection`, so a renamed heading must fail here, not in the browser. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { markdownSection } from '../../stories/support/markdown-section';

const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

describe('markdownSection', () => {
  it('finds the README section the Errors page shows, up to the next heading of its level', () => {
    const errors = markdownSection(README, 'Errors');
    expect(errors).toContain('| Answer | Alert |');
    expect(errors).toContain('"This write is disabled for this connection."');
    expect(errors).not.toContain('stripEmpty');
  });

  it('keeps headings inside code fences and nested headings, and names a missing section', () => {
    const markdown = ['## One', 'text', '```sh', '## not a heading', '```', '### Nested', 'more', '## Two', 'other'].join('\n');
    expect(markdownSection(markdown, 'One')).toBe(['text', '```sh', '## not a heading', '```', '### Nested', 'more'].join('\n'));
    expect(() => markdownSection(markdown, 'Three')).toThrow('The document has no section "Three".');
  });
});
