/** What the county accepts from units: draft files, Word files and saved web pages. */
export const RECEIVED_FILE = /\.(json|docx|html?)$/i;
