export { ChecksPanel, orderFindings, type ChecksPanelProps } from './ChecksPanel';
export { CheckStatus, type CheckStatusProps } from './CheckStatus';
