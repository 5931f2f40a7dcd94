import type { TemplateDef } from '../template';
import { guangzhou2010 } from './guangzhou-2010';
import { national2021 } from './national-2021';
import { township2012 } from './township-2012';

/** Every template the app offers, newest first; the first is the default. */
export const TEMPLATES: readonly TemplateDef[] = [national2021, township2012, guangzhou2010];

export function findTemplate(id: string): TemplateDef | undefined {
  return TEMPLATES.find((t) => t.id === id);
}

/**
 * The template proposed for a reporting year: the first (newest) whose years include it. Years no
 * template covers — 2019 and 2020 used the trial format of 国办公开办函〔2019〕60号, which is not
 * offered — get the default national format, the nearest to it in structure.
 */
export function proposeTemplate(year: number): TemplateDef {
  const fits = (t: TemplateDef) => (t.years.from ?? -Infinity) <= year && year <= (t.years.to ?? Infinity);
  return TEMPLATES.find(fits) ?? TEMPLATES[0]!;
}
