import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemIcon from '@material-ui/core/ListItemIcon';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { PlatformProductEntityV1alpha1 } from '@platform-product/plugin-platform-product-common';
import { displayNameOf } from './entities';
import { LifecycleChip } from './LifecycleChip';
import { ProductIcon } from './ProductIcon';

const useStyles = makeStyles(
  theme => ({
    item: { alignItems: 'flex-start', paddingLeft: 0, paddingRight: 0 },
    icon: { minWidth: theme.spacing(5), marginTop: theme.spacing(0.75) },
    title: {
      display: 'flex',
      alignItems: 'center',
      flexWrap: 'wrap',
      gap: theme.spacing(1),
    },
    name: { fontWeight: theme.typography.fontWeightMedium as number },
    meta: { marginTop: theme.spacing(0.5) },
    gap: { color: theme.palette.warning.dark, fontWeight: 500 },
  }),
  { name: 'PlatformProductProductList' },
);

/** Products as a list: linked title, lifecycle, description and who runs it. */
export const ProductList = (props: {
  products: PlatformProductEntityV1alpha1[];
  showManager?: boolean;
  showOwner?: boolean;
}) => {
  const { products, showManager, showOwner } = props;
  const classes = useStyles();
  return (
    <List dense disablePadding>
      {products.map(product => (
        <ListItem
          key={product.metadata.uid ?? product.metadata.name}
          className={classes.item}
          divider={products.length > 1}
        >
          <ListItemIcon className={classes.icon}>
            <ProductIcon color="primary" />
          </ListItemIcon>
          <ListItemText
            disableTypography
            primary={
              <Box className={classes.title}>
                <EntityRefLink
                  entityRef={product}
                  className={classes.name}
                  hideIcon
                >
                  {displayNameOf(product)}
                </EntityRefLink>
                <LifecycleChip lifecycle={product.spec.lifecycle} />
              </Box>
            }
            secondary={
              <>
                {product.metadata.description && (
                  <Typography variant="body2" color="textSecondary">
                    {product.metadata.description}
                  </Typography>
                )}
                {(showManager || showOwner) && (
                  <Typography
                    variant="caption"
                    component="div"
                    className={classes.meta}
                  >
                    {showOwner && product.spec.owner && (
                      <>
                        Owned by{' '}
                        <EntityRefLink
                          entityRef={product.spec.owner}
                          defaultKind="group"
                          hideIcon
                        />
                        {showManager && ' · '}
                      </>
                    )}
                    {showManager &&
                      (product.spec.productManager ? (
                        <>
                          Product manager{' '}
                          <EntityRefLink
                            entityRef={product.spec.productManager}
                            defaultKind="user"
                            hideIcon
                          />
                        </>
                      ) : (
                        <span className={classes.gap}>No product manager</span>
                      ))}
                  </Typography>
                )}
              </>
            }
          />
        </ListItem>
      ))}
    </List>
  );
};
