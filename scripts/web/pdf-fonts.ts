import { readFile } from 'node:fs/promises';
import type { CDPSession, Page } from '@playwright/test';
import { prepareSubsetter, subsetFace } from './font-subset';
import { listSystemFaces, type SystemFace } from './system-fonts';

/**
 * Why the PDF renderer hands the print page subsets of its own fonts: page.pdf() costs Chromium
 * 0.5–0.8 s of CPU for every installed CJK face the PDF uses, however few of its characters print,
 * growing with the font file (Noto Serif CJK's collection is 26 MB; a profile shows the time in
 * copying and releasing memory); with four faces a PDF of the example took 2.7 s. The same face as
 * a web font of a few hundred kilobytes costs next to nothing. So, for each font the page actually
 * draws with (asked of Chromium, not guessed), the page gets a web font of the same face, cut down
 * to the characters printed with it, under the first family name of the font-family list that
 * chose it. Every element then resolves its list to the same face as before: the glyphs, metrics
 * and page breaks stay those of the installed font.
 */

/** A font request of the page: a computed font-family list with its weight, style and language. */
interface FontRequest {
  family: string;
  weight: string;
  style: string;
  lang: string;
}

/** A request with every character printed under it (for a margin box: its content and digits). */
interface FontUse extends FontRequest {
  text: string;
}

interface Subset {
  codePoints: Set<number>;
  bytes: Uint8Array;
  version: number;
}

/** A web font for the page: `face`, subsetted, under the family name `family`. */
interface Shadow {
  key: string;
  family: string;
  face: SystemFace;
}

interface InstalledFace {
  key: string;
  family: string;
  weight: string;
  style: string;
  base64: string;
}

const requestKey = (r: FontRequest) => [r.family, r.weight, r.style, r.lang].join('\n');
const faceKey = (face: SystemFace) => `${face.file}#${face.index}`;

/** Runs in the page: the font requests of every piece of text, each with the characters it prints (once each). */
function collectFontUse(): FontUse[] {
  const uses = new Map<string, FontUse & { chars: Set<string> }>();
  const add = (family: string, weight: string, style: string, lang: string, text: string) => {
    if (!family) return;
    const key = [family, weight, style, lang].join('\n');
    let use = uses.get(key);
    if (!use) uses.set(key, (use = { family, weight, style, lang, text: '', chars: new Set() }));
    for (const c of text) use.chars.add(c);
  };
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const element = node.parentElement;
    const text = node.textContent ?? '';
    if (!element || !text.trim()) continue;
    const style = getComputedStyle(element);
    const lang = element.closest('[lang]')?.getAttribute('lang') ?? '';
    add(style.fontFamily, style.fontWeight, style.fontStyle, lang, text);
  }
  // Margin boxes (page numbers, the 草稿 mark) have no element: their fonts are in the @page rules,
  // their content strings in the style sheets' text (a custom property's too), and counters print digits.
  const margins: CSSStyleDeclaration[] = [];
  const css = new Set('0123456789');
  const visit = (rules: CSSRuleList) => {
    for (const rule of Array.from(rules)) {
      for (const c of rule.cssText) css.add(c);
      if (!(rule instanceof CSSStyleRule) && !(rule instanceof CSSFontFaceRule) && 'style' in rule)
        margins.push((rule as CSSRule & { style: CSSStyleDeclaration }).style);
      if ('cssRules' in rule) visit((rule as CSSGroupingRule).cssRules);
    }
  };
  for (const sheet of Array.from(document.styleSheets)) visit(sheet.cssRules);
  const cssText = [...css].join('');
  const lang = document.documentElement.lang;
  // A rule's weight is as written; the keywords are the only absolute ones besides numbers.
  const weights: Record<string, string> = { '': '400', normal: '400', bold: '700' };
  for (const style of margins)
    add(
      style.fontFamily,
      weights[style.fontWeight] ?? style.fontWeight,
      style.fontStyle || 'normal',
      lang,
      cssText,
    );
  return [...uses.values()].map(({ chars, ...use }) => ({ ...use, text: [...chars].join('') }));
}

/** Runs in the page: one hidden line per request, holding its text, to ask Chromium what it draws with. */
function addProbes(uses: FontUse[]) {
  const box = document.createElement('div');
  box.id = 'nianbao-font-probes';
  box.style.position = 'absolute';
  box.style.visibility = 'hidden';
  box.style.whiteSpace = 'nowrap';
  for (const r of uses) {
    const line = document.createElement('span');
    line.style.fontFamily = r.family;
    line.style.fontWeight = r.weight;
    line.style.fontStyle = r.style;
    if (r.lang) line.lang = r.lang;
    line.textContent = r.text;
    box.append(line);
  }
  document.body.append(box);
}

/** Runs in the page: installs web fonts (replacing those of the same key), then waits for the new layout. */
async function installFaces(faces: InstalledFace[]) {
  const scope = window as unknown as { nianbaoPdfFaces?: Map<string, FontFace> };
  const installed = (scope.nianbaoPdfFaces ??= new Map());
  for (const f of faces) {
    const bytes = Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0));
    const face = new FontFace(f.family, bytes, { weight: f.weight, style: f.style });
    await face.load();
    const old = installed.get(f.key);
    if (old) document.fonts.delete(old);
    document.fonts.add(face);
    installed.set(f.key, face);
  }
  await document.fonts.ready;
  await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
}

/** Runs in the page: takes every installed web font away, so the page draws with the installed fonts again. */
async function removeFaces() {
  const scope = window as unknown as { nianbaoPdfFaces?: Map<string, FontFace> };
  for (const face of scope.nianbaoPdfFaces?.values() ?? []) document.fonts.delete(face);
  scope.nianbaoPdfFaces?.clear();
  await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
}

/** The first family of a computed font-family list, unless it is a generic family (which no web font can stand for). */
function firstFamily(list: string): string | null {
  const first = /^\s*(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|([^,]+))/.exec(list);
  if (!first) return null;
  if (first[1] !== undefined || first[2] !== undefined)
    return (first[1] ?? first[2])!.replace(/\\(.)/g, '$1');
  const name = first[3]!.trim();
  return /^(serif|sans-serif|monospace|cursive|fantasy|system-ui|math|emoji|fangsong|ui-\w+)$/i.test(name)
    ? null
    : name;
}

/** The weight CSS font matching picks among `weights` for the weight `wanted` (CSS Fonts 4, §5.2). */
function matchWeight(wanted: number, weights: number[]): number | undefined {
  const below = weights.filter((w) => w <= wanted).sort((a, b) => b - a);
  const above = weights.filter((w) => w >= wanted).sort((a, b) => a - b);
  if (wanted >= 400 && wanted <= 500) {
    const upTo500 = above.filter((w) => w <= 500);
    return upTo500[0] ?? below[0] ?? above[0];
  }
  return wanted < 400 ? (below[0] ?? above[0]) : (above[0] ?? below[0]);
}

/**
 * The fonts of one PDF page (the print route kept open by the PDF renderer). Subsets are kept
 * between PDFs and grow when a new character appears, so a PDF of an unchanged draft subsets
 * nothing.
 */
export function pdfFonts() {
  let systemFaces: Promise<Map<string, SystemFace>> | null = null;
  const subsets = new Map<string, Subset>();
  let page: Page | null = null;
  let cdp: CDPSession | null = null;
  let resolved = new Map<string, SystemFace | null>();
  let installed = new Map<string, number>();

  const probe = async (
    target: Page,
    cdp: CDPSession,
    requests: FontUse[],
    faces: Map<string, SystemFace>,
  ) => {
    await target.evaluate(addProbes, requests);
    try {
      await cdp.send('DOM.enable');
      await cdp.send('CSS.enable');
      await cdp.send('DOM.getDocument', { depth: 0 });
      for (const [i, request] of requests.entries()) {
        const { result } = await cdp.send('Runtime.evaluate', {
          expression: `document.getElementById('nianbao-font-probes').children[${i}]`,
        });
        const { nodeId } = await cdp.send('DOM.requestNode', { objectId: result.objectId! });
        const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
        // The face that draws most of the text; characters it lacks fall back as they always did.
        const main = fonts.reduce<(typeof fonts)[number] | null>(
          (best, f) => (!best || f.glyphCount > best.glyphCount ? f : best),
          null,
        );
        resolved.set(requestKey(request), (main && faces.get(main.postScriptName)) ?? null);
      }
    } finally {
      await cdp.send('CSS.disable').catch(() => undefined);
      await cdp.send('DOM.disable').catch(() => undefined);
      await target.evaluate(() => document.getElementById('nianbao-font-probes')?.remove());
    }
  };

  /**
   * The web fonts the page needs, one per first family name and face, and the characters each face
   * prints. A family name gets none where its web fonts would not give every request the face it
   * had: a request drawn with a face fontconfig does not list, or CSS's weight matching picking
   * another of the name's faces.
   */
  const shadowsOf = (uses: FontUse[]) => {
    const byFamily = new Map<string, Shadow[]>();
    const conflicts = new Set<string>();
    const codePoints = new Map<string, Set<number>>();
    for (const use of uses) {
      const face = resolved.get(requestKey(use));
      const family = firstFamily(use.family);
      if (!family) continue;
      if (!face) {
        conflicts.add(family);
        continue;
      }
      const printed = codePoints.get(faceKey(face)) ?? new Set<number>();
      for (const c of use.text) printed.add(c.codePointAt(0)!);
      codePoints.set(faceKey(face), printed);
      const shadows = byFamily.get(family) ?? [];
      if (!shadows.some((s) => faceKey(s.face) === faceKey(face)))
        shadows.push({ key: `${family}\n${faceKey(face)}`, family, face });
      byFamily.set(family, shadows);
    }
    for (const use of uses) {
      const face = resolved.get(requestKey(use));
      const family = firstFamily(use.family);
      const shadows = family ? byFamily.get(family) : undefined;
      if (!face || !shadows) continue;
      const weights = shadows.filter((s) => s.face.style === face.style).map((s) => s.face.weight);
      const picked = matchWeight(Number(use.weight) || 400, weights);
      const same = shadows.filter((s) => s.face.style === face.style && s.face.weight === picked);
      if (same.length !== 1 || faceKey(same[0]!.face) !== faceKey(face)) conflicts.add(family!);
    }
    const shadows = [...byFamily].filter(([family]) => !conflicts.has(family)).flatMap(([, s]) => s);
    return { shadows, codePoints };
  };

  const subsetFor = async (face: SystemFace, codePoints: Set<number>): Promise<Subset> => {
    const key = faceKey(face);
    const known = subsets.get(key);
    if (known && [...codePoints].every((c) => known.codePoints.has(c))) return known;
    const all = new Set([...(known?.codePoints ?? []), ...codePoints]);
    const bytes = await subsetFace(await readFile(face.file), face.index, all);
    const made = { codePoints: all, bytes, version: (known?.version ?? 0) + 1 };
    subsets.set(key, made);
    return made;
  };

  return {
    /** Starts what embed needs (fontconfig's list, the subsetter) while Chromium starts. */
    prepare(): void {
      systemFaces ??= listSystemFaces();
      prepareSubsetter();
    },
    /**
     * Gives the page (already laid out, print route ready) web-font subsets of the installed
     * fonts it draws with, and waits until it is laid out with them. On any failure the page is
     * left drawing with the installed fonts, which print the same, only slower.
     */
    async embed(target: Page): Promise<void> {
      try {
        if (target !== page || !cdp) {
          page = target;
          resolved = new Map();
          installed = new Map();
          cdp = await target.context().newCDPSession(target);
        }
        // Without fontconfig (Windows) no installed font can be matched to its file.
        const faces = await (systemFaces ??= listSystemFaces());
        if (faces.size === 0) return;
        const uses = await target.evaluate(collectFontUse);
        const unknown = uses.filter((r) => !resolved.has(requestKey(r)));
        if (unknown.length > 0) {
          // Asked with the web fonts in place, Chromium would name them, not what they stand for.
          if (installed.size > 0) await target.evaluate(removeFaces);
          installed.clear();
          await probe(target, cdp, unknown, faces);
        }
        const changed: InstalledFace[] = [];
        const { shadows, codePoints } = shadowsOf(uses);
        for (const shadow of shadows) {
          const subset = await subsetFor(shadow.face, codePoints.get(faceKey(shadow.face))!);
          if (installed.get(shadow.key) === subset.version) continue;
          changed.push({
            key: shadow.key,
            family: shadow.family,
            weight: String(shadow.face.weight),
            style: shadow.face.style,
            base64: Buffer.from(subset.bytes).toString('base64'),
          });
          installed.set(shadow.key, subset.version);
        }
        if (changed.length > 0) await target.evaluate(installFaces, changed);
      } catch (error) {
        installed.clear();
        await target.evaluate(removeFaces).catch(() => undefined);
        process.stderr.write(`nianbao web: PDF fonts left whole: ${String(error)}\n`);
      }
    },
  };
}
