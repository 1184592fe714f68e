import { Entity } from '@backstage/catalog-model';
import { TableColumn } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Typography from '@material-ui/core/Typography';
import { isPlatformProductEntity } from '@platform-product/plugin-platform-product-common';
import { LifecycleChip } from '../shared/LifecycleChip';

/**
 * Catalog table columns for PlatformProduct rows, for the catalog index page's
 * `columns` function (rows are `{ entity }` like the catalog's own rows).
 *
 * @public
 */
export const platformProductColumns = Object.freeze({
  /** The product manager, or the lack of one, flagged. */
  createProductManagerColumn<T extends { entity: Entity }>(): TableColumn<T> {
    return {
      title: 'Product manager',
      field: 'entity.spec.productManager',
      render: ({ entity }) => {
        const pm = isPlatformProductEntity(entity)
          ? entity.spec.productManager
          : undefined;
        return pm ? (
          <EntityRefLink entityRef={pm} defaultKind="user" hideIcon />
        ) : (
          <Typography variant="body2" color="error" component="span">
            None
          </Typography>
        );
      },
    };
  },
  /** The lifecycle stage as a coloured chip. */
  createLifecycleColumn<T extends { entity: Entity }>(): TableColumn<T> {
    return {
      title: 'Lifecycle',
      field: 'entity.spec.lifecycle',
      render: ({ entity }) => (
        <LifecycleChip
          lifecycle={
            typeof entity.spec?.lifecycle === 'string'
              ? entity.spec.lifecycle
              : undefined
          }
        />
      ),
    };
  },
});
