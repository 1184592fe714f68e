import Divider from '@material-ui/core/Divider';
import IconButton from '@material-ui/core/IconButton';
import ListItemIcon from '@material-ui/core/ListItemIcon';
import Menu from '@material-ui/core/Menu';
import MenuItem from '@material-ui/core/MenuItem';
import ArrowDownwardIcon from '@material-ui/icons/ArrowDownward';
import ArrowForwardIcon from '@material-ui/icons/ArrowForward';
import ArrowUpwardIcon from '@material-ui/icons/ArrowUpward';
import BlockIcon from '@material-ui/icons/Block';
import DeleteIcon from '@material-ui/icons/DeleteOutline';
import EditIcon from '@material-ui/icons/Edit';
import LinkIcon from '@material-ui/icons/Link';
import MoreVertIcon from '@material-ui/icons/MoreVert';
import ShippedIcon from '@material-ui/icons/CheckCircleOutline';
import {
  ROADMAP_HORIZONS,
  RoadmapHorizon,
  RoadmapItem,
} from '@platform-product/plugin-platform-product-common';
import { ReactNode, useState } from 'react';
import { HORIZON_LABELS } from './labels';

/** What the product team asks of an item; the tab carries it out. */
export type RoadmapAction =
  | { kind: 'edit' }
  | { kind: 'move'; horizon?: RoadmapHorizon; position?: number }
  | { kind: 'ship' }
  | { kind: 'drop' }
  | { kind: 'reopen' }
  | { kind: 'delete' }
  | { kind: 'link' }
  | { kind: 'unlink'; postId: string; postTitle: string }
  | { kind: 'changes' }
  | { kind: 'announce' };

/**
 * The product team's actions on an open item: move it (up, down, to another
 * horizon), edit it, link feedback, ship, drop or delete it. A menu button, so
 * every action is reachable from the keyboard.
 */
export const RoadmapItemMenu = (props: {
  item: RoadmapItem;
  /** how many open items its horizon has */
  columnSize: number;
  onAction: (action: RoadmapAction) => void;
}) => {
  const { item, columnSize, onAction } = props;
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const menuId = `roadmap-item-menu-${item.id}`;
  const act = (action: RoadmapAction) => {
    setAnchor(null);
    onAction(action);
  };
  const entry = (
    label: string,
    icon: ReactNode,
    action: RoadmapAction,
    disabled = false,
  ) => (
    <MenuItem key={label} onClick={() => act(action)} disabled={disabled}>
      <ListItemIcon>{icon}</ListItemIcon>
      {label}
    </MenuItem>
  );

  return (
    <>
      <IconButton
        size="small"
        aria-label={`Actions for ${item.title}`}
        aria-haspopup="true"
        aria-controls={anchor ? menuId : undefined}
        onClick={e => setAnchor(e.currentTarget)}
      >
        <MoreVertIcon />
      </IconButton>
      <Menu
        id={menuId}
        anchorEl={anchor}
        open={!!anchor}
        onClose={() => setAnchor(null)}
      >
        {entry(
          'Move up',
          <ArrowUpwardIcon fontSize="small" />,
          { kind: 'move', position: item.position - 1 },
          item.position === 0,
        )}
        {entry(
          'Move down',
          <ArrowDownwardIcon fontSize="small" />,
          { kind: 'move', position: item.position + 1 },
          item.position >= columnSize - 1,
        )}
        {ROADMAP_HORIZONS.filter(h => h !== item.horizon).map(horizon =>
          entry(
            `Move to ${HORIZON_LABELS[horizon]}`,
            <ArrowForwardIcon fontSize="small" />,
            { kind: 'move', horizon },
          ),
        )}
        <Divider />
        {entry('Edit…', <EditIcon fontSize="small" />, { kind: 'edit' })}
        {entry('Link feedback…', <LinkIcon fontSize="small" />, {
          kind: 'link',
        })}
        <Divider />
        {entry('Mark shipped…', <ShippedIcon fontSize="small" />, {
          kind: 'ship',
        })}
        {entry('Mark dropped…', <BlockIcon fontSize="small" />, {
          kind: 'drop',
        })}
        {entry('Delete…', <DeleteIcon fontSize="small" />, { kind: 'delete' })}
      </Menu>
    </>
  );
};
