/**
 * The optional stylesheet (src/styles/trackstar-write-form.css) in Chromium, on real
 * forms of the in-page sandbox (test/e2e/styles-page): the file is injected as shipped.
 *
 * - Every rule sits in `@layer trackstar-write-form`, starts at `.tswf`, and never ends
 *   on a bare element outside this library's or rjsf core's classes.
 * - With @rjsf/mui, MUI's inputs, selects and buttons compute the same styles with and
 *   without the stylesheet, in MUI's light and dark palettes.
 * - WCAG AA in both schemes, measured on computed colours: text >= 4.5:1; control
 *   borders, the secondary button's border, checkboxes and focus rings >= 3:1.
 * - A visible focus ring on every control reached with Tab.
 * - The line-item grid: a spreadsheet at desktop width; frozen first and last columns
 *   with scroll shadows when the columns overflow; labelled cards, nothing sideways,
 *   under 600 px of the grid's own width (a narrow sidebar too); windowed rows that
 *   stack exactly on their measured heights.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { CHROMIUM_PATH, chromiumAvailable, launchChromium } from '../browser/chromium';
import { type FormPage, serveFormPage } from './form-page';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const STYLESHEET = readFileSync(join(ROOT, 'src/styles/trackstar-write-form.css'), 'utf8');
const LAYER = 'trackstar-write-form';
const UI_TIMEOUT_MS = 20_000;

const hasChromium = chromiumAvailable();
if (!hasChromium) {
  console.warn(`test/e2e/styles.test.ts: skipped, Chromium was not found at ${CHROMIUM_PATH} (apt-get install chromium, or set CHROMIUM_PATH).`);
}


let formPage: FormPage | undefined;
let origin: string;
let browser: Browser;

beforeAll(async () => {
  if (!hasChromium) return;
  formPage = await serveFormPage('styles');
  origin = formPage.origin;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await formPage?.close();
});

interface Open {
  query?: string;
  width?: number;
  colorScheme?: 'light' | 'dark';
  stylesheet?: boolean;
  submit?: boolean;
}

async function openForm({ query = '', width = 1280, colorScheme = 'light', stylesheet = true, submit = false }: Open): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme, reducedMotion: 'reduce' });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.goto(`${origin}/?${query}`);
  await page.waitForSelector('.tswf-form', { timeout: UI_TIMEOUT_MS }).catch((error: unknown) => {
    throw new Error(`The form did not render (${query}): ${errors.join('; ') || String(error)}`);
  });
  if (stylesheet) await setStylesheet(page, true);
  if (submit) {
    await page.click('.tswf-form__actions button[type="submit"]');
    await page.waitForSelector('.tswf-notice--error', { timeout: UI_TIMEOUT_MS });
  }
  return page;
}

async function setStylesheet(page: Page, on: boolean): Promise<void> {
  await page.evaluate(
    ({ css, on }) => {
      document.getElementById('tswf-stylesheet')?.remove();
      if (!on) return;
      const style = document.createElement('style');
      style.id = 'tswf-stylesheet';
      style.textContent = css;
      document.head.append(style);
    },
    { css: STYLESHEET, on },
  );
  await settle(page);
}

/** Two frames: styles applied, scroll-driven animations sampled. */
async function settle(page: Page): Promise<void> {
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
}

async function transitionsDone(page: Page): Promise<void> {
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((animation) => animation.timeline === document.timeline && animation.effect?.getComputedTiming().endTime !== Infinity)
        .map((animation) => animation.finished.catch(() => undefined)),
    ),
  );
  await settle(page);
}

// ----- Colour arithmetic (WCAG 2.x) -----

type Rgba = [number, number, number, number];

/** A computed colour: `rgb()` / `rgba()`, or `color(srgb …)` (what `color-mix()` computes to). */
function parseColor(text: string): Rgba {
  const rgb = /^rgba?\(([^)]+)\)$/.exec(text.trim());
  if (rgb) {
    const parts = rgb[1]!.split(/[\s,/]+/).filter(Boolean).map(Number);
    return [parts[0]!, parts[1]!, parts[2]!, parts[3] ?? 1];
  }
  const srgb = /^color\(srgb ([^)]+)\)$/.exec(text.trim());
  if (srgb) {
    const parts = srgb[1]!.split(/[\s/]+/).filter(Boolean).map(Number);
    return [parts[0]! * 255, parts[1]! * 255, parts[2]! * 255, parts[3] ?? 1];
  }
  throw new Error(`Unexpected computed colour: ${text}`);
}

function over([r, g, b, a]: Rgba, [br, bg, bb]: Rgba): Rgba {
  return [r * a + br * (1 - a), g * a + bg * (1 - a), b * a + bb * (1 - a), 1];
}

/** The opaque colour behind an element: its and its ancestors' backgrounds (nearest first), composited over white. */
function backdrop(backgrounds: string[]): Rgba {
  const layers: Rgba[] = [];
  for (const background of backgrounds) {
    const color = parseColor(background);
    if (color[3] === 0) continue;
    layers.push(color);
    if (color[3] >= 1) break;
  }
  return layers.reduceRight<Rgba>((below, layer) => over(layer, below), [255, 255, 255, 1]);
}

function luminance([r, g, b]: Rgba): number {
  const channel = (value: number) => {
    const c = value / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

function contrast(foreground: string, backgrounds: string[]): number {
  const behind = backdrop(backgrounds);
  const [high, low] = [luminance(over(parseColor(foreground), behind)), luminance(behind)].sort((x, y) => y - x) as [number, number];
  return (high + 0.05) / (low + 0.05);
}

// ----- In-page probes (plain functions: they run in the browser) -----

interface Sample {
  what: string;
  foreground: string;
  /** Background colours from the element (or its parent) up to the root, nearest first. */
  backgrounds: string[];
}

/** The colours an operator sees: each element's text colour, or a boundary colour, and the backgrounds behind it. */
function sampleColors(specs: Array<{ what: string; selector: string; part: 'text' | 'border' | 'placeholder'; behind?: 'self' | 'parent' }>): Sample[] {
  return specs.map((spec) => {
    const element = document.querySelector(spec.selector);
    if (!element) throw new Error(`No element for ${spec.what}: ${spec.selector}`);
    const style = getComputedStyle(element);
    const foreground = spec.part === 'text' ? style.color : spec.part === 'border' ? style.borderTopColor : getComputedStyle(element, '::placeholder').color;
    const backgrounds: string[] = [];
    for (let node: Element | null = spec.part === 'text' || spec.behind === 'self' ? element : element.parentElement; node; node = node.parentElement) {
      backgrounds.push(getComputedStyle(node).backgroundColor);
    }
    return { what: spec.what, foreground, backgrounds };
  });
}

interface RuleInfo {
  selector: string;
  layers: string[];
}

/** Every style rule of the injected sheet, with the layers it is nested in. */
function listStyleRules(): RuleInfo[] {
  const sheet = (document.getElementById('tswf-stylesheet') as HTMLStyleElement).sheet!;
  const rules: RuleInfo[] = [];
  const walk = (list: CSSRuleList, layers: string[]) => {
    for (const rule of Array.from(list)) {
      if (rule instanceof CSSLayerBlockRule) walk(rule.cssRules, [...layers, rule.name]);
      else if (rule instanceof CSSStyleRule) rules.push({ selector: rule.selectorText, layers });
      else if ('cssRules' in rule && !(rule instanceof CSSKeyframesRule)) walk((rule as CSSGroupingRule).cssRules, layers);
      else if (!(rule instanceof CSSKeyframesRule)) rules.push({ selector: `@${rule.constructor.name}`, layers });
    }
  };
  walk(sheet.cssRules, []);
  return rules;
}

/** Splits a selector list or a selector at depth 0 (outside parentheses and brackets). */
function splitTopLevel(text: string, separators: RegExp): Array<{ part: string; separator: string }> {
  const out: Array<{ part: string; separator: string }> = [];
  let depth = 0;
  let current = '';
  let separator = '';
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index]!;
    if (char === '(' || char === '[') depth += 1;
    if (char === ')' || char === ']') depth -= 1;
    if (depth === 0 && separators.test(char)) {
      let run = char;
      while (index + 1 < text.length && separators.test(text[index + 1]!)) run += text[++index];
      if (current.trim() !== '') {
        out.push({ part: current.trim(), separator });
        current = '';
      }
      separator = run.trim() || ' ';
      continue;
    }
    current += char;
  }
  if (current.trim() !== '') out.push({ part: current.trim(), separator });
  return out;
}

/** Why a selector is not scoped to this library's and rjsf core's classes, or `undefined` when it is. */
function scopingProblem(selector: string): string | undefined {
  const compounds = splitTopLevel(selector, /[\s>+~]/);
  let start = 0;
  if (/^:where\(\[data-tswf-theme=/.test(compounds[0]?.part ?? '')) start = 1;
  const first = compounds[start];
  if (!first || !/^\.tswf(?![\w-])/.test(first.part)) return 'does not start at .tswf';
  // A compound with a class or an attribute selector, its own or inside :is() / :has() / :not().
  const classed = (part: string) => /[.[]/.test(part);
  for (let index = start + 1; index < compounds.length; index += 1) {
    const { part, separator } = compounds[index]!;
    if (classed(part)) continue;
    // A bare element is allowed only as the direct child of one of the library's or rjsf core's elements.
    if (separator !== '>' || !classed(compounds[index - 1]!.part)) return `bare element "${part}" after "${separator}"`;
  }
  return undefined;
}

describe.skipIf(!hasChromium)('the stylesheet in Chromium', () => {
  it('puts every rule in its layer, scoped under .tswf to the library’s and rjsf core’s classes', async () => {
    const page = await openForm({});
    try {
      const rules = await page.evaluate(listStyleRules);
      expect(rules.length).toBeGreaterThan(100);
      const problems = rules.flatMap((rule) => {
        if (rule.layers[0] !== LAYER) return [`${rule.selector}: outside @layer ${LAYER}`];
        return splitTopLevel(rule.selector, /,/).flatMap(({ part }) => {
          const problem = scopingProblem(part);
          return problem ? [`${part}: ${problem}`] : [];
        });
      });
      expect(problems).toEqual([]);
      // The checker itself rejects what the stylesheet must never do.
      expect(scopingProblem('.tswf fieldset')).toBeDefined();
      expect(scopingProblem('.tswf .tswf-object legend')).toBeDefined();
      expect(scopingProblem('input[type="checkbox"]')).toBeDefined();
      expect(scopingProblem('.tswf .tswf-object > legend')).toBeUndefined();
    } finally {
      await page.close();
    }
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`leaves @rjsf/mui's inputs, selects and buttons as MUI draws them (${scheme} palette)`, async () => {
      const page = await openForm({ query: `theme=mui&scheme=${scheme}`, stylesheet: false, submit: true });
      try {
        // What MUI paints: the boxes of its elements, and text properties where there is text to draw.
        const probe = () => {
          const box = [
            'background-color', 'background-image', 'border-top-style', 'border-top-width', 'border-right-width', 'border-bottom-width',
            'border-left-width', 'border-top-left-radius', 'border-bottom-right-radius', 'padding-top', 'padding-right', 'padding-bottom',
            'padding-left', 'margin-top', 'margin-right', 'margin-bottom', 'margin-left', 'box-shadow', 'outline-style', 'opacity', 'box-sizing',
            'position', 'visibility', 'appearance', 'float', 'accent-color', 'transform',
          ];
          const text = ['color', 'font-family', 'font-size', 'font-weight', 'line-height', 'letter-spacing', 'text-transform', 'text-decoration-line', 'cursor'];
          // MUI's own elements: their class names say so (MUI's, or emotion's `css-…`); a class of this library above
          // them, before any of MUI's, makes the element the library's.
          const themed = (element: Element): boolean => {
            for (let node: Element | null = element; node && !node.classList.contains('tswf'); node = node.parentElement) {
              const names = node.getAttribute('class') ?? '';
              if (/Mui|\bcss-/.test(names)) return true;
              if (names.includes('tswf')) return false;
            }
            return false;
          };
          const paintsText = (element: Element) =>
            /^(INPUT|SELECT|TEXTAREA|BUTTON)$/.test(element.tagName) || Array.from(element.childNodes).some((node) => node.nodeType === Node.TEXT_NODE && node.textContent!.trim() !== '');
          const out: Record<string, string> = {};
          const form = document.querySelector('.tswf-form')!;
          Array.from(form.querySelectorAll('*'))
            // Ripples are transient (the submit click's may still be fading out).
            .filter((element) => themed(element) && !element.closest('.MuiTouchRipple-root'))
            .forEach((element, index) => {
              const style = getComputedStyle(element);
              const key = `${index} ${element.tagName.toLowerCase()}.${(element.getAttribute('class') ?? '').split(/\s+/).filter((name) => name.startsWith('Mui')).slice(0, 2).join('.')}`;
              const record = (property: string) => (out[`${key} ${property}`] = style.getPropertyValue(property));
              // MUI's transparent native inputs (under its Select and Checkbox) are not seen.
              if (style.opacity === '0') return;
              box.forEach(record);
              for (const side of ['top', 'right', 'bottom', 'left']) if (parseFloat(style.getPropertyValue(`border-${side}-width`)) > 0) record(`border-${side}-color`);
              if (style.outlineStyle !== 'none') record('outline-color');
              if (paintsText(element)) text.forEach(record);
              // Where the library's layout places a MUI element (as a flex or grid item) is the library's business, not its look.
              if (themed(element.parentElement!)) {
                record('display');
                record('min-height');
              }
            });
          return out;
        };
        await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
        // The pointer rests where the submit click left it: once the stylesheet moves the layout, it would hover
        // another MUI input (which MUI then draws darker). Park it where nothing is.
        await page.mouse.move(0, 0);
        await transitionsDone(page);
        const without = await page.evaluate(probe);
        await setStylesheet(page, true);
        await page.mouse.move(0, 0);
        await transitionsDone(page);
        const withSheet = await page.evaluate(probe);
        const controls = Object.keys(without).filter((key) => /\b(input|select|textarea|button)\./.test(key));
        expect(controls.length).toBeGreaterThan(20);
        expect(Object.keys(withSheet)).toEqual(Object.keys(without));
        const changed = Object.keys(without).filter((key) => without[key] !== withSheet[key]).map((key) => `${key}: ${without[key]} → ${withSheet[key]}`);
        expect(changed).toEqual([]);
      } finally {
        await page.close();
      }
    });
  }

  for (const scheme of ['light', 'dark'] as const) {
    for (const how of ['data-tswf-theme', 'prefers-color-scheme'] as const) {
      it(`meets WCAG AA contrast in the ${scheme} scheme (${how})`, async () => {
        const query = how === 'data-tswf-theme' ? `scheme=${scheme}` : '';
        const page = await openForm({ query, colorScheme: how === 'prefers-color-scheme' ? scheme : 'light', submit: true });
        try {
          const text = [
            ['form title', '.tswf-form__title'],
            ['field label', '.tswf-object > .form-group > .control-label'],
            ['label of a field with an error', '.has-error > .control-label'],
            ['field description', '.tswf-object > .form-group > .field-description'],
            ['error next to a field', '.tswf-object > .form-group .error-detail'],
            ['required mark', '.control-label > .required'],
            ['input text', '.tswf-grid__cell .form-control'],
            ['grid column header', '.tswf-grid__header'],
            ['grid row number', '.tswf-grid__body .tswf-grid__row:not(:has([aria-invalid="true"])) > .tswf-grid__index'],
            ['grid row number with an error', '.tswf-grid__body .tswf-grid__row:has([aria-invalid="true"]) > .tswf-grid__index'],
            ['error in a grid cell', '.tswf-grid__cell .error-detail'],
            ['grid keyboard help', '.tswf-grid__help'],
            ['empty grid note', '.tswf-grid__empty'],
            ['secondary button text', '.tswf-grid__add'],
            ['primary button text', '.tswf-button--primary'],
            ['alert title', '.tswf-notice--error .tswf-alert__title'],
            ['link in an alert', '.tswf-notice--error .tswf-button--link'],
            ['checkbox label', '.checkbox > label'],
            ['choice label', '.tswf-choice__label'],
          ] as const;
          const boundaries = [
            ['input border', '.tswf-object > .form-group > .form-control', 'border', 'parent'],
            ['input border in the grid', '.tswf-grid__cell:not(:has([aria-invalid="true"])) .form-control', 'border', 'parent'],
            ['select border in a panel', '.panel .tswf-choice .form-control', 'border', 'parent'],
            ['invalid input border', '.tswf-grid__cell .form-control[aria-invalid="true"]', 'border', 'parent'],
            ['secondary button border', '.tswf-grid__add', 'border', 'parent'],
          ] as const;
          const samples = await page.evaluate(sampleColors, [
            ...text.map(([what, selector]) => ({ what, selector, part: 'text' as const })),
            ...boundaries.map(([what, selector, part, behind]) => ({ what, selector, part, behind })),
            { what: 'placeholder', selector: '.tswf-grid__cell .form-control', part: 'placeholder' as const, behind: 'self' as const },
          ]);
          // The checkbox both ways: empty, then checked.
          for (const checked of [false, true]) {
            await page.evaluate((checked) => {
              const box = document.querySelector<HTMLInputElement>('.checkbox input[type="checkbox"]')!;
              if (box.checked !== checked) box.click();
            }, checked);
            await settle(page);
            const what = checked ? 'checked checkbox' : 'empty checkbox border';
            samples.push(...(await page.evaluate(sampleColors, [{ what, selector: '.checkbox input[type="checkbox"]', part: 'border' as const, behind: 'parent' as const }])));
          }
          expect(samples.length).toBeGreaterThan(20);
          const boundaryNames = new Set<string>([...boundaries.map(([name]) => name), 'empty checkbox border', 'checked checkbox']);
          const minimum = (what: string) => (boundaryNames.has(what) ? 3 : 4.5);
          const failing = samples
            .map((sample) => ({ ...sample, ratio: contrast(sample.foreground, sample.backgrounds) }))
            .filter((sample) => sample.ratio < minimum(sample.what))
            .map((sample) => `${sample.what}: ${sample.foreground} on ${sample.backgrounds.find((color) => color !== 'rgba(0, 0, 0, 0)')} = ${sample.ratio.toFixed(2)}:1`);
          expect(failing).toEqual([]);
          // The scheme really is the one asked for: dark text on light, or light on dark.
          const [title] = samples;
          expect(luminance(backdrop(title!.backgrounds)) > 0.5).toBe(scheme === 'light');
        } finally {
          await page.close();
        }
      });
    }
  }

  for (const scheme of ['light', 'dark'] as const) {
    it(`draws a focus ring of 3:1 or more around every control reached with Tab (${scheme})`, async () => {
      const page = await openForm({ query: `scheme=${scheme}&integration=shopwave&type=cart&action=create_cart_order_shipment`, submit: true });
      try {
        await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
        const seen: string[] = [];
        const problems: string[] = [];
        for (let step = 0; step < 40; step += 1) {
          await page.keyboard.press('Tab');
          const focused = await page.evaluate(() => {
            const element = document.activeElement as HTMLElement | null;
            if (!element || !element.closest('.tswf-form')) return undefined;
            const style = getComputedStyle(element);
            const backgrounds: string[] = [];
            for (let node = element.parentElement; node; node = node.parentElement) backgrounds.push(getComputedStyle(node).backgroundColor);
            return {
              name: `${element.tagName.toLowerCase()}#${element.id || element.className}`,
              outlineStyle: style.outlineStyle,
              outlineWidth: parseFloat(style.outlineWidth),
              outlineColor: style.outlineColor,
              backgrounds,
            };
          });
          if (!focused) break;
          seen.push(focused.name);
          if (focused.outlineStyle === 'none' || focused.outlineWidth < 2) problems.push(`${focused.name}: no ring (${focused.outlineStyle} ${focused.outlineWidth}px)`);
          else if (contrast(focused.outlineColor, focused.backgrounds) < 3) problems.push(`${focused.name}: ring ${focused.outlineColor}, ${contrast(focused.outlineColor, focused.backgrounds).toFixed(2)}:1`);
        }
        expect(seen.length).toBeGreaterThan(10);
        expect(seen.some((name) => name.includes('tswf-grid__toggle'))).toBe(true);
        expect(seen.some((name) => name.includes('tswf-grid__remove'))).toBe(true);
        expect(problems).toEqual([]);
      } finally {
        await page.close();
      }
    });
  }

  it('lays the grid out as a spreadsheet at desktop width: one line per row, aligned columns', async () => {
    const page = await openForm({ submit: true });
    try {
      const layout = await page.evaluate(() => {
        const grid = document.querySelector('[id$="_line_items"] .tswf-grid')!;
        const rows = Array.from(grid.querySelectorAll('.tswf-grid__row'));
        const scroll = grid.closest('.tswf-grid__scroll')!;
        const head = grid.querySelector('.tswf-grid__head')!.getBoundingClientRect();
        const tops = rows.map((row) => Array.from(row.children).map((cell) => Math.round(cell.getBoundingClientRect().top)));
        const lefts = rows.map((row) => Array.from(row.children).map((cell) => Math.round(cell.getBoundingClientRect().left)));
        return { rows: rows.length, tops, lefts, headHeight: head.height, overflow: scroll.scrollWidth - scroll.clientWidth };
      });
      expect(layout.rows).toBe(4);
      expect(layout.headHeight).toBeGreaterThan(20);
      expect(layout.overflow).toBe(0);
      for (const tops of layout.tops) expect(new Set(tops).size).toBe(1);
      for (const lefts of layout.lefts.slice(1)) expect(lefts).toEqual(layout.lefts[0]);
    } finally {
      await page.close();
    }
  });

  it('freezes the row numbers and actions and shows a shadow on the side where columns are hidden', async () => {
    // 640 px: wider than the cards' breakpoint, narrower than the four columns of Bluefin's line items.
    const page = await openForm({ query: 'host=640' });
    try {
      const read = () =>
        page.evaluate(() => {
          const scroll = document.querySelector<HTMLElement>('[id$="_line_items"] .tswf-grid__scroll')!;
          // The header row draws the shadows (one pair per grid, not per row: see the stylesheet).
          const row = scroll.querySelector('.tswf-grid__row--head')!;
          const index = row.querySelector('.tswf-grid__index')!;
          const actions = row.querySelector('.tswf-grid__actions')!;
          const frame = scroll.getBoundingClientRect();
          return {
            overflow: scroll.scrollWidth - scroll.clientWidth,
            indexLeft: index.getBoundingClientRect().left - frame.left,
            actionsRight: frame.right - actions.getBoundingClientRect().right,
            startShadow: Number(getComputedStyle(index, '::after').opacity),
            endShadow: Number(getComputedStyle(actions, '::before').opacity),
          };
        });
      const atStart = await read();
      expect(atStart.overflow).toBeGreaterThan(0);
      expect(atStart.startShadow).toBe(0);
      expect(atStart.endShadow).toBe(1);
      await page.evaluate(() => {
        const scroll = document.querySelector<HTMLElement>('[id$="_line_items"] .tswf-grid__scroll')!;
        scroll.scrollLeft = scroll.scrollWidth;
      });
      await settle(page);
      const atEnd = await read();
      expect(atEnd.startShadow).toBe(1);
      expect(atEnd.endShadow).toBe(0);
      // Still at the frame's edges (inside its 1 px border) after scrolling.
      expect(Math.abs(atEnd.indexLeft - 1)).toBeLessThan(1.5);
      expect(Math.abs(atEnd.actionsRight - 1)).toBeLessThan(1.5);
    } finally {
      await page.close();
    }
  });

  for (const [label, open] of [
    ['a 390 px phone', { width: 390 }],
    ['a 340 px sidebar on a desktop', { width: 1280, query: 'host=340' }],
  ] as const) {
    it(`stacks rows as labelled cards with nothing scrolling sideways on ${label}`, async () => {
      const page = await openForm({ ...open, query: `${'query' in open ? open.query : ''}&integration=shopwave&type=cart&action=create_cart_order_shipment`, submit: true });
      try {
        await page.click('.tswf-grid__toggle');
        await page.waitForSelector('.tswf-grid__details .tswf-grid-field--nested');
        const layout = await page.evaluate(() => {
          const visible = (element: Element) => {
            const rect = element.getBoundingClientRect();
            return rect.width > 2 && rect.height > 2;
          };
          const host = document.querySelector('.tswf')!.getBoundingClientRect();
          const scrolls = Array.from(document.querySelectorAll<HTMLElement>('.tswf-grid__scroll'));
          // Each cell's column caption is drawn by the stylesheet above the field (its ::before).
          const cells = Array.from(document.querySelectorAll<HTMLElement>('.tswf-grid__body .tswf-grid__cell'));
          const captioned = (cell: HTMLElement) => {
            const caption = getComputedStyle(cell, '::before');
            const field = cell.firstElementChild;
            return (
              caption.content !== 'none' &&
              caption.content !== 'normal' &&
              field !== null &&
              field.getBoundingClientRect().top - cell.getBoundingClientRect().top >= 10 &&
              Boolean(cell.dataset.columnTitle)
            );
          };
          const removes = Array.from(document.querySelectorAll('.tswf-grid__remove')).map((button) => button.getBoundingClientRect());
          return {
            grids: scrolls.length,
            pageOverflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
            gridOverflow: Math.max(...scrolls.map((scroll) => scroll.scrollWidth - scroll.clientWidth)),
            headersVisible: Array.from(document.querySelectorAll('.tswf-grid__head')).some(visible),
            cells: cells.length,
            uncaptioned: cells.filter((cell) => !captioned(cell)).length,
            rowTitles: Array.from(document.querySelectorAll('.tswf-grid__body > .tswf-grid__row > .tswf-grid__index')).map((index) => (visible(index.firstElementChild!) ? (index.textContent ?? '') : '')),
            removesOnScreen: removes.every((rect) => rect.left >= host.left && rect.right <= host.right && rect.width > 0),
            removes: removes.length,
          };
        });
        expect(layout.grids).toBe(2);
        expect(layout.pageOverflow).toBe(0);
        expect(layout.gridOverflow).toBe(0);
        expect(layout.headersVisible).toBe(false);
        expect(layout.cells).toBeGreaterThanOrEqual(3);
        expect(layout.uncaptioned).toBe(0);
        expect(layout.rowTitles).toContain('Shipping group 1');
        expect(layout.rowTitles).toContain('Line item 2');
        expect(layout.removes).toBeGreaterThanOrEqual(3);
        expect(layout.removesOnScreen).toBe(true);
      } finally {
        await page.close();
      }
    });
  }

  for (const width of [1280, 390]) {
    it(`keeps windowed rows exactly as tall as their content at ${width} px (each starts where the previous ends)`, async () => {
      const page = await openForm({ width, query: 'items=80', submit: true });
      try {
        // Bring the grid's rows on screen: only the rows near the viewport are rendered.
        await page.evaluate(() => document.querySelector('[id$="_line_items"] .tswf-grid__body')!.scrollIntoView({ block: 'start' }));
        // Rows rendered by the scroll are placed at the estimate first, then at their measured height (a
        // ResizeObserver callback later): wait for that, not for a fixed number of frames.
        await page
          .waitForFunction(
            () => {
              const rects = Array.from(document.querySelectorAll<HTMLElement>('[id$="_line_items"] .tswf-grid__body > .tswf-grid__row')).map((row) => row.getBoundingClientRect());
              return rects.length > 3 && rects.every((rect, index) => index === 0 || Math.abs(rect.top - rects[index - 1]!.bottom) < 1);
            },
            undefined,
            { timeout: 2_000 },
          )
          .catch(() => undefined);
        const rows = await page.evaluate(() =>
          Array.from(document.querySelectorAll<HTMLElement>('[id$="_line_items"] .tswf-grid__body > .tswf-grid__row')).map((row) => {
            const rect = row.getBoundingClientRect();
            return { position: getComputedStyle(row).position, item: Number(row.dataset.item), top: rect.top, bottom: rect.bottom };
          }),
        );
        expect(rows.length).toBeGreaterThan(3);
        expect(rows.length).toBeLessThan(80);
        expect(rows.every((row) => row.position === 'absolute')).toBe(true);
        for (let index = 1; index < rows.length; index += 1) {
          if (rows[index]!.item !== rows[index - 1]!.item + 1) continue;
          expect(Math.abs(rows[index]!.top - rows[index - 1]!.bottom)).toBeLessThan(1);
        }
      } finally {
        await page.close();
      }
    });
  }
});
