import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { InputError } from '@backstage/errors';
import { OTHER, P } from '../__testUtils__/feedbackRows';
import {
  addItems,
  columns,
  item,
  PM,
  roadmapStores,
  T0,
  writer,
} from '../__testUtils__/roadmapRows';

jest.setTimeout(60_000);

describe('DatabaseRoadmapStore: items, order and history', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  const setup = (databaseId: TestDatabaseId) =>
    roadmapStores(databases, databaseId);

  it.each(databases.eachSupportedId())(
    'adds items last in their horizon, with their creation in the history, %p',
    async databaseId => {
      const { knex, roadmap } = await setup(databaseId);
      await expect(roadmap.lastUpdatedAt(P)).resolves.toBeNull();
      const [a, b, c] = await addItems(roadmap, [
        item({ horizon: 'now', title: 'A', targetQuarter: '2027-Q1' }),
        item({ horizon: 'now', title: 'B' }),
        item({ horizon: 'later', title: 'C', productRef: OTHER }),
      ]);
      expect([a.position, b.position, c.position]).toEqual([0, 1, 0]);
      await expect(roadmap.listItems(P)).resolves.toHaveLength(2);
      await expect(roadmap.lastUpdatedAt(P)).resolves.toBe(T0);
      await expect(roadmap.history(a.id)).resolves.toEqual([
        {
          id: expect.any(String),
          itemId: a.id,
          action: 'create',
          actor: PM,
          at: T0,
          changes: [
            { field: 'title', to: 'A' },
            { field: 'horizon', to: 'now' },
            { field: 'position', to: 0 },
            { field: 'status', to: 'planned' },
            { field: 'targetQuarter', to: '2027-Q1' },
          ],
        },
      ]);
      // the check sees the product's item count and may refuse: nothing written
      await expect(
        roadmap.createItem(
          item(),
          count => {
            throw new InputError(`has ${count}`);
          },
          writer(),
        ),
      ).rejects.toThrow('has 2');
      await expect(knex('roadmap_items')).resolves.toHaveLength(3);
      await knex.destroy();
    },
  );

  it.each(databases.eachSupportedId())(
    'moves items within and between horizons, keeping each horizon 0..n-1, %p',
    async databaseId => {
      const { knex, roadmap } = await setup(databaseId);
      const [a, b, c, d] = await addItems(roadmap, [
        item({ horizon: 'now' }),
        item({ horizon: 'now' }),
        item({ horizon: 'now' }),
        item({ horizon: 'next' }),
      ]);
      // c to the top of now
      await roadmap.updateItem(
        c.id,
        () => ({ action: 'move', position: 0 }),
        writer(T0 + 1),
      );
      expect((await columns(knex)).byHorizon.now).toEqual([c.id, a.id, b.id]);
      // a to the top of next: now closes the gap
      const moved = await roadmap.updateItem(
        a.id,
        () => ({ action: 'move', horizon: 'next', position: 0 }),
        writer(T0 + 2),
      );
      expect(moved).toMatchObject({ horizon: 'next', position: 0 });
      // d to later without a position: last there
      await roadmap.updateItem(
        d.id,
        () => ({ action: 'move', horizon: 'later' }),
        writer(T0 + 3),
      );
      const order = await columns(knex);
      expect(order.byHorizon).toEqual({
        now: [c.id, b.id],
        next: [a.id],
        later: [d.id],
      });
      expect(order.positions).toEqual({ now: [0, 1], next: [0], later: [0] });
      await expect(roadmap.history(a.id)).resolves.toMatchObject([
        {
          action: 'move',
          at: T0 + 2,
          changes: [
            { field: 'horizon', from: 'now', to: 'next' },
            { field: 'position', from: 1, to: 0 },
          ],
        },
        { action: 'create' },
      ]);
      await expect(roadmap.lastUpdatedAt(P)).resolves.toBe(T0 + 3);
      await knex.destroy();
    },
  );

  it.each(databases.eachSupportedId())(
    'takes a closed item out of the order and puts a reopened one last, %p',
    async databaseId => {
      const { knex, roadmap } = await setup(databaseId);
      const [a, b, c] = await addItems(roadmap, [
        item({ horizon: 'now' }),
        item({ horizon: 'now' }),
        item({ horizon: 'now' }),
      ]);
      const dropped = await roadmap.updateItem(
        a.id,
        () => ({ action: 'drop', status: 'dropped' }),
        writer(T0 + 5),
      );
      // a closed item keeps its last position and says when it closed
      expect(dropped).toMatchObject({ position: 0, closedAt: T0 + 5 });
      expect((await columns(knex)).byHorizon.now).toEqual([b.id, c.id]);
      const reopened = await roadmap.updateItem(
        a.id,
        () => ({ action: 'reopen', status: 'exploring' }),
        writer(T0 + 6),
      );
      expect(reopened).toMatchObject({ position: 2, closedAt: null });
      expect((await columns(knex)).positions.now).toEqual([0, 1, 2]);
      await knex.destroy();
    },
  );

  it.each(databases.eachSupportedId())(
    'writes nothing when the plan refuses, or when nothing changes, %p',
    async databaseId => {
      const { knex, roadmap } = await setup(databaseId);
      const [a] = await addItems(roadmap, [item({ title: 'A' })]);
      const rows = async () => ({
        items: await knex('roadmap_items').select('*'),
        history: await knex('roadmap_item_history').select('*'),
        products: await knex('roadmap_products').select('*'),
      });
      const before = await rows();
      await expect(
        roadmap.updateItem(
          a.id,
          (current, sizes) => {
            throw new InputError(`${current.title} ${JSON.stringify(sizes)}`);
          },
          writer(T0 + 1),
        ),
      ).rejects.toThrow('A {"now":0,"next":1,"later":0}');
      await roadmap.updateItem(
        a.id,
        () => ({ action: 'update', title: 'A' }),
        writer(T0 + 2),
      );
      expect(await rows()).toEqual(before);
      await expect(
        roadmap.updateItem('missing', () => ({ action: 'update' }), writer()),
      ).resolves.toBeUndefined();
      await knex.destroy();
    },
  );

  it.each(databases.eachSupportedId())(
    'leaves one dense order after concurrent reorders from two clients, %p',
    async databaseId => {
      const { knex, roadmap } = await setup(databaseId);
      const items = await addItems(
        roadmap,
        Array.from({ length: 6 }, (_, i) =>
          item({ horizon: i % 2 ? 'now' : 'next', title: `I${i}` }),
        ),
      );
      // two clients, each moving items to the top of the other horizon, all at once
      await Promise.all(
        items.map((one, i) =>
          roadmap.updateItem(
            one.id,
            current => ({
              action: 'move',
              horizon: current.horizon === 'now' ? 'next' : 'now',
              position: 0,
            }),
            writer(T0 + i),
          ),
        ),
      );
      const order = await columns(knex);
      const sizes = order.byHorizon.now.length + order.byHorizon.next.length;
      expect(sizes).toBe(6);
      expect(order.positions.now).toEqual(order.byHorizon.now.map((_, i) => i));
      expect(order.positions.next).toEqual(
        order.byHorizon.next.map((_, i) => i),
      );
      await knex.destroy();
    },
  );

  it.each(databases.eachSupportedId())(
    'deletes an item with its history and closes the gap, %p',
    async databaseId => {
      const { knex, roadmap } = await setup(databaseId);
      const [a, b] = await addItems(roadmap, [
        item({ horizon: 'now' }),
        item({ horizon: 'now' }),
      ]);
      await expect(roadmap.deleteItem(a.id, writer(T0 + 9))).resolves.toBe(
        true,
      );
      await expect(roadmap.deleteItem(a.id, writer())).resolves.toBe(false);
      expect((await columns(knex)).byHorizon.now).toEqual([b.id]);
      expect((await columns(knex)).positions.now).toEqual([0]);
      await expect(roadmap.history(a.id)).resolves.toEqual([]);
      // a deletion is a change of the roadmap too
      await expect(roadmap.lastUpdatedAt(P)).resolves.toBe(T0 + 9);
      await knex.destroy();
    },
  );

  it.each(databases.eachSupportedId())(
    'keeps shipped items untold until marked told, oldest first, %p',
    async databaseId => {
      const { knex, roadmap } = await setup(databaseId);
      const [a, b, open] = await addItems(roadmap, [item(), item(), item()]);
      const ship = (id: string, at: number) =>
        roadmap.updateItem(
          id,
          () => ({ action: 'ship', status: 'shipped' }),
          writer(at),
        );
      await ship(b.id, T0 + 1);
      await ship(a.id, T0 + 2);
      const untold = async (before: number) =>
        (await roadmap.untoldShipments(before)).map(({ id }) => id);
      await expect(untold(T0 + 2)).resolves.toEqual([b.id]);
      await expect(untold(T0 + 3)).resolves.toEqual([b.id, a.id]);
      await roadmap.markShipmentTold(b.id, T0 + 3);
      await expect(untold(T0 + 3)).resolves.toEqual([a.id]);
      expect(open.status).toBe('planned');
      await knex.destroy();
    },
  );
});
