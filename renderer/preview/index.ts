export { PagedPreview, type PagedPreviewProps } from './PagedPreview';
export type { PreviewOptions } from './options';
export { PrintView, type PrintViewProps, type PrintSize } from './PrintView';
