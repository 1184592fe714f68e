import {
  PortfolioItem,
  SCORECARD_LEVELS,
} from '@platform-product/plugin-platform-product-common';

const plural = (count: number, one: string, many: string) =>
  `${count} ${count === 1 ? one : many}`;

/**
 * The portfolio in one line, highest level first: "6 products: 1 gold, 2 silver,
 * 1 bronze, 2 without a level · average score 63".
 */
export function portfolioSummary(items: PortfolioItem[]): string {
  const levels = [...SCORECARD_LEVELS]
    .reverse()
    .map(level => ({
      count: items.filter(item => item.level === level).length,
      label: level,
    }))
    .filter(level => level.count > 0)
    .map(level => `${level.count} ${level.label}`);
  const none = items.filter(item => !item.level).length;
  if (none) levels.push(`${none} without a level`);
  if (!items.length) return '0 products';
  const average = Math.round(
    items.reduce((sum, item) => sum + item.score, 0) / items.length,
  );
  return `${plural(items.length, 'product', 'products')}: ${levels.join(
    ', ',
  )} · average score ${average}`;
}
