export { TableGrid, type TableGridProps } from './TableGrid';
export { gridLayout, cellName, type GridCell, type GridLayout, type CellKind } from './geometry';
