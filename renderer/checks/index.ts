export { ChecksPanel, orderFindings, type ChecksPanelProps } from './ChecksPanel';
export { CheckStatus, type CheckStatusProps } from './CheckStatus';
export { errorToFix, fixTarget, involvedFields } from './involved';
