/** A file the clerk picked, as the base64 the bridge carries (JSON has no bytes). */
export async function fileAsBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  // String.fromCharCode takes its arguments on the stack: feed it in slices.
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** What the import reads: Word files, saved pages and text; .doc and .pdf are accepted to explain what to do instead. */
export const IMPORT_ACCEPT = '.docx,.html,.htm,.txt,.doc,.wps,.pdf,.mht';

/**
 * Asks for a report file with an input that is never part of the page: the home page keeps one
 * file input (the draft file), so what finds it there keeps finding exactly one.
 */
export function pickFile(accept: string, onPicked: (file: File) => void): void {
  const input = document.createElement('input');
  input.type = 'file';
  input.accept = accept;
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    if (file) onPicked(file);
  });
  input.click();
}
