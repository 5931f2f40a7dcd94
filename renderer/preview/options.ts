/** The layout settings the Word export takes (settings.boldHeadings, settings.lineSpacing). */
export interface PreviewOptions {
  boldHeadings: boolean;
  lineSpacing: 28 | 29;
}

/** Classes that select the document's typography for the given options (document.css). */
export function docClasses(options: PreviewOptions): string {
  return [
    'doc',
    options.lineSpacing === 29 ? 'is-pitch-29' : '',
    options.boldHeadings ? 'is-bold-headings' : '',
  ]
    .filter(Boolean)
    .join(' ');
}
