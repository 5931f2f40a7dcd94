import { execFile } from 'node:child_process';

/** One face of an installed font file, as fontconfig (which Chromium uses on Linux) lists it. */
export interface SystemFace {
  file: string;
  /** The face's index in a collection (.ttc); 0 for a single font. */
  index: number;
  /** The CSS weight (100–1000) fontconfig gives the face. */
  weight: number;
  style: 'normal' | 'italic' | 'oblique';
}

/** fontconfig's weight scale against CSS's, as fontconfig's own FcWeightToOpenType maps them. */
const WEIGHTS: [fc: number, css: number][] = [
  [0, 100],
  [40, 200],
  [50, 300],
  [55, 350],
  [75, 380],
  [80, 400],
  [100, 500],
  [180, 600],
  [200, 700],
  [205, 800],
  [210, 900],
  [215, 1000],
];

function cssWeight(fcWeight: number): number {
  const above = WEIGHTS.findIndex(([fc]) => fc >= fcWeight);
  if (above === -1) return WEIGHTS[WEIGHTS.length - 1]![1];
  if (above === 0) return WEIGHTS[0]![1];
  const [fc0, css0] = WEIGHTS[above - 1]!;
  const [fc1, css1] = WEIGHTS[above]!;
  return Math.round(css0 + ((fcWeight - fc0) * (css1 - css0)) / (fc1 - fc0));
}

/**
 * The installed faces by PostScript name (the name Chromium reports for the font it drew with),
 * from `fc-list`. Variable fonts and their named instances are left out: a subset of one would
 * not be pinned to the instance drawn. Empty where fontconfig is not installed (Windows).
 */
export function listSystemFaces(): Promise<Map<string, SystemFace>> {
  return new Promise((resolve) => {
    execFile(
      'fc-list',
      ['-f', '%{postscriptname}\t%{file}\t%{index}\t%{weight}\t%{slant}\t%{variable}\n'],
      { maxBuffer: 16 * 1024 * 1024 },
      (error, stdout) => {
        const faces = new Map<string, SystemFace>();
        if (error) return resolve(faces);
        for (const line of stdout.split('\n')) {
          const [name, file, index, weight, slant, variable] = line.split('\t');
          if (
            !name ||
            !file ||
            variable !== 'False' ||
            !/^\d+$/.test(index ?? '') ||
            !/^\d+$/.test(weight ?? '')
          )
            continue;
          if (Number(index) > 0xffff) continue;
          faces.set(name, {
            file,
            index: Number(index),
            weight: cssWeight(Number(weight)),
            style: slant === '100' ? 'italic' : slant === '110' ? 'oblique' : 'normal',
          });
        }
        resolve(faces);
      },
    );
  });
}
