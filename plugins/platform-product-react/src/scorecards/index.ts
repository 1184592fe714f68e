export type {
  PlatformProductScorecardsApi,
  PortfolioOptions,
} from './ScorecardsApi';
export { PlatformProductScorecardsClient } from './ScorecardsClient';
export {
  usePortfolio,
  useProductScorecard,
  useScorecardHistory,
} from './hooks';
