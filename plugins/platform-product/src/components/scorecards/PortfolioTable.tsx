import { EntityRefLink, EntityRefLinks } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableContainer from '@material-ui/core/TableContainer';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import TableSortLabel from '@material-ui/core/TableSortLabel';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import {
  PortfolioItem,
  PortfolioSort,
  scoreTrendPoints,
} from '@platform-product/plugin-platform-product-common';
import { ReactNode } from 'react';
import { RelativeTime } from '../announcements/dates';
import { LifecycleChip } from '../shared/LifecycleChip';
import { ageLabel, daysSince } from './days';
import { LevelBadge } from './LevelBadge';
import { NpsTrend } from './NpsTrend';
import { clicked, PortfolioOrder } from './portfolioSort';
import { ScoreSparkline } from './ScoreSparkline';

/** A post still `new` this long reads as ignored: its age shows as a warning. */
const STALE_DAYS = 14;

const useStyles = makeStyles(
  theme => ({
    head: {
      '& th': {
        fontWeight: 600,
        whiteSpace: 'nowrap',
        color: theme.palette.text.secondary,
        textTransform: 'uppercase',
        fontSize: '0.72rem',
        letterSpacing: '0.04em',
      },
    },
    table: {
      '& th, & td': { padding: theme.spacing(1.25, 1.5) },
      '& th:first-child, & td:first-child': { paddingLeft: theme.spacing(2) },
    },
    row: { '& td': { verticalAlign: 'middle' } },
    productCell: { minWidth: '16rem' },
    product: { fontWeight: 600, fontSize: '0.95rem' },
    score: {
      display: 'flex',
      alignItems: 'center',
      gap: theme.spacing(1.5),
    },
    scoreValue: {
      fontWeight: 700,
      fontSize: '1.1rem',
      minWidth: '3ch',
      textAlign: 'right',
      whiteSpace: 'nowrap',
    },
    gap: { color: theme.palette.warning.dark, fontWeight: 500 },
    stale: { color: theme.palette.warning.dark, fontWeight: 500 },
    muted: { color: theme.palette.text.secondary },
    nowrap: { whiteSpace: 'nowrap' },
  }),
  { name: 'PlatformProductPortfolioTable' },
);

type Column = {
  label: string;
  sort?: PortfolioSort;
  align?: 'right';
  cell: (item: PortfolioItem) => ReactNode;
};

const Dash = () => {
  const classes = useStyles();
  return <span className={classes.muted}>—</span>;
};

function useColumns(): Column[] {
  const classes = useStyles();
  return [
    {
      label: 'Product',
      sort: 'title',
      cell: item => (
        <Box className={classes.productCell}>
          <EntityRefLink
            entityRef={item.productRef}
            hideIcon
            className={classes.product}
          >
            {item.title}
          </EntityRefLink>
          <Typography
            variant="caption"
            component="div"
            className={classes.muted}
          >
            PM{' '}
            {item.productManager ? (
              <EntityRefLink
                entityRef={item.productManager}
                defaultKind="user"
                hideIcon
              />
            ) : (
              <span className={classes.gap}>none named</span>
            )}
            {item.owner && (
              <>
                {' · '}
                <EntityRefLinks
                  entityRefs={[item.owner]}
                  defaultKind="group"
                  hideIcons
                />
              </>
            )}
          </Typography>
        </Box>
      ),
    },
    {
      label: 'Lifecycle',
      cell: item => <LifecycleChip lifecycle={item.lifecycle ?? undefined} />,
    },
    {
      label: 'Level',
      sort: 'level',
      cell: item => <LevelBadge level={item.level} size="small" />,
    },
    {
      label: 'Score',
      sort: 'score',
      cell: item => (
        <Box className={classes.score}>
          <span className={classes.scoreValue} data-testid="portfolio-score">
            {item.score}
          </span>
          <ScoreSparkline
            points={scoreTrendPoints(item.scoreTrend)}
            width={80}
            height={24}
          />
        </Box>
      ),
    },
    {
      label: 'NPS',
      sort: 'nps',
      cell: item => (
        <Box className={classes.nowrap}>
          <NpsTrend nps={item.nps} before={item.npsBefore} />
        </Box>
      ),
    },
    {
      label: 'Teams using it',
      sort: 'adoptingTeams',
      align: 'right',
      cell: item =>
        item.adoptingTeams === null ? <Dash /> : item.adoptingTeams,
    },
    {
      label: 'Open posts',
      sort: 'openPosts',
      cell: item => (
        <>
          <Typography variant="body2">{item.openPosts}</Typography>
          {item.oldestUntriagedAt && (
            <Typography
              variant="caption"
              className={
                daysSince(item.oldestUntriagedAt) >= STALE_DAYS
                  ? `${classes.stale} ${classes.nowrap}`
                  : `${classes.muted} ${classes.nowrap}`
              }
            >
              oldest new: {ageLabel(item.oldestUntriagedAt)}
            </Typography>
          )}
        </>
      ),
    },
    {
      label: 'Last announcement',
      sort: 'lastAnnouncement',
      cell: item =>
        item.lastAnnouncementAt ? (
          <RelativeTime iso={item.lastAnnouncementAt} />
        ) : (
          <span className={classes.muted}>never</span>
        ),
    },
  ];
}

/**
 * One row per product: the product with its PM and owning team, its level and score with the score's trend, NPS
 * with its trend, adoption, open posts and the last announcement. The sortable
 * headers ask the server for another order.
 */
export const PortfolioTable = (props: {
  items: PortfolioItem[];
  order: PortfolioOrder;
  onOrder: (order: PortfolioOrder) => void;
}) => {
  const { items, order, onOrder } = props;
  const classes = useStyles();
  const columns = useColumns();
  return (
    <TableContainer>
      <Table aria-label="Platform products" className={classes.table}>
        <TableHead className={classes.head}>
          <TableRow>
            {columns.map(column => (
              <TableCell
                key={column.label}
                align={column.align}
                sortDirection={
                  column.sort && order.by === column.sort
                    ? order.direction
                    : false
                }
              >
                {column.sort ? (
                  <TableSortLabel
                    active={order.by === column.sort}
                    direction={
                      order.by === column.sort ? order.direction : 'asc'
                    }
                    onClick={() => onOrder(clicked(order, column.sort!))}
                  >
                    {column.label}
                  </TableSortLabel>
                ) : (
                  column.label
                )}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {items.map(item => (
            <TableRow
              key={item.productRef}
              className={classes.row}
              data-testid="portfolio-row"
              hover
            >
              {columns.map(column => (
                <TableCell key={column.label} align={column.align}>
                  {column.cell(item)}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
};
