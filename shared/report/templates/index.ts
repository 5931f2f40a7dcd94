import type { TemplateDef } from '../template';
import { national2021 } from './national-2021';

/** Every template the app offers, newest first. */
export const TEMPLATES: readonly TemplateDef[] = [national2021];

export function findTemplate(id: string): TemplateDef | undefined {
  return TEMPLATES.find((t) => t.id === id);
}

/** The template proposed for a reporting year: the newest whose years include it. */
export function proposeTemplate(year: number): TemplateDef {
  const fits = (t: TemplateDef) => (t.years.from ?? -Infinity) <= year && year <= (t.years.to ?? Infinity);
  return TEMPLATES.find(fits) ?? TEMPLATES[TEMPLATES.length - 1]!;
}
