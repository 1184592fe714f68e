import {
  Entity,
  RELATION_HAS_PART,
  RELATION_OWNED_BY,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  EmptyState,
  InfoCard,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  catalogApiRef,
  EntityRefLink,
  EntityRefLinks,
  getEntityRelations,
} from '@backstage/plugin-catalog-react';
import Chip from '@material-ui/core/Chip';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import WarningIcon from '@material-ui/icons/Warning';
import { PlatformProductEntityV1alpha1 } from '@platform-product/plugin-platform-product-common';
import useAsync from 'react-use/esm/useAsync';
import { displayNameOf, normalizeRef, refOf } from '../shared/entities';
import { loadingOrErrorCard } from '../shared/LoadingOrErrorCard';

const useStyles = makeStyles(
  theme => ({
    missing: {
      display: 'inline-flex',
      alignItems: 'center',
      gap: theme.spacing(0.5),
      color: theme.palette.warning.dark,
    },
    ref: { fontFamily: 'monospace', color: theme.palette.text.secondary },
  }),
  { name: 'PlatformProductPartsCard' },
);

type PartRow = { ref: string; entity?: Entity };

/** The refs of a product's parts, as declared and as the catalog related them. */
export function partRefsOf(entity: PlatformProductEntityV1alpha1): string[] {
  const declared = (entity.spec.parts ?? []).map(ref =>
    normalizeRef(ref, { defaultNamespace: entity.metadata.namespace }),
  );
  const related = getEntityRelations(entity, RELATION_HAS_PART).map(ref =>
    normalizeRef(stringifyEntityRef(ref)),
  );
  return [
    ...new Set([...declared, ...related].filter((ref): ref is string => !!ref)),
  ];
}

const PartCell = ({ row }: { row: PartRow }) => {
  const classes = useStyles();
  if (row.entity) {
    const title = displayNameOf(row.entity);
    const name = row.entity.metadata.name;
    const titled = title !== name;
    return (
      <>
        <EntityRefLink
          entityRef={row.entity}
          aria-label={titled ? `${title} (${name})` : undefined}
          hideIcon
        >
          {title}
        </EntityRefLink>
        {titled && (
          <Typography variant="caption" component="div" className={classes.ref}>
            {name}
          </Typography>
        )}
      </>
    );
  }
  return (
    <Tooltip title="Declared in spec.parts but not found in the catalog">
      <span className={classes.missing}>
        <WarningIcon fontSize="small" />
        {row.ref}
      </span>
    </Tooltip>
  );
};

const KindCell = ({ row }: { row: PartRow }) => {
  const kind = row.entity?.kind ?? row.ref.split(':')[0];
  const type = row.entity?.spec?.type;
  return (
    <Chip
      size="small"
      variant="outlined"
      label={typeof type === 'string' ? `${kind} · ${type}` : kind}
    />
  );
};

const columns: TableColumn<PartRow>[] = [
  {
    title: 'Part',
    field: 'ref',
    highlight: true,
    render: row => <PartCell row={row} />,
  },
  { title: 'Kind', render: row => <KindCell row={row} /> },
  {
    title: 'Description',
    render: row => (
      <Typography variant="body2">
        {row.entity?.metadata.description ?? ''}
      </Typography>
    ),
  },
  {
    title: 'Owner',
    render: row =>
      row.entity ? (
        <EntityRefLinks
          entityRefs={getEntityRelations(row.entity, RELATION_OWNED_BY)}
          defaultKind="group"
        />
      ) : null,
  },
];

/** What the product is made of: its systems, components, APIs and resources. */
export const ProductPartsCard = (props: {
  entity: PlatformProductEntityV1alpha1;
}) => {
  const catalogApi = useApi(catalogApiRef);
  const refs = partRefsOf(props.entity);
  const key = refs.join(',');
  const { value, loading, error } = useAsync(async (): Promise<PartRow[]> => {
    if (!refs.length) return [];
    const { items } = await catalogApi.getEntitiesByRefs({ entityRefs: refs });
    const found = new Map(
      items
        .filter((item): item is Entity => !!item)
        .map(item => [refOf(item), item]),
    );
    return refs.map(ref => ({ ref, entity: found.get(ref) }));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [catalogApi, key]);

  const title = 'Parts';
  const pending = loadingOrErrorCard({ title, loading, error });
  if (pending) {
    return pending;
  }
  if (!value?.length) {
    return (
      <InfoCard title={title} variant="gridItem">
        <EmptyState
          missing="field"
          title="No parts yet"
          description="List the systems, components, APIs and resources this product is made of in spec.parts, so its consumers and adopting teams can be found."
        />
      </InfoCard>
    );
  }
  return (
    <Table<PartRow>
      title={title}
      subtitle={`${value.length} catalog ${
        value.length === 1 ? 'entity' : 'entities'
      } this product is made of`}
      columns={columns}
      data={value}
      style={{ minWidth: 0, width: '100%', height: 'calc(100% - 10px)' }}
      options={{
        search: false,
        paging: false,
        padding: 'dense',
        draggable: false,
        sorting: false,
      }}
    />
  );
};
