import { TestApiProvider } from '@backstage/test-utils';
import { Announcement } from '@platform-product/plugin-platform-product-common';
import { act, renderHook, waitFor } from '@testing-library/react';
import { ReactNode } from 'react';
import {
  PlatformProductApi,
  platformProductApiRef,
} from '../api/PlatformProductApi';
import {
  useAnnouncementBanners,
  useAnnouncementList,
  useProductFollow,
  useUnreadAnnouncementCount,
} from './hooks';

const productRef = 'platformproduct:default/deployment-platform';
const post = (id: string) => ({ id, title: id } as Announcement);

function wrapperWith(api: Partial<PlatformProductApi>) {
  return ({ children }: { children: ReactNode }) => (
    <TestApiProvider apis={[[platformProductApiRef, api]]}>
      {children}
    </TestApiProvider>
  );
}

describe('useAnnouncementList', () => {
  it('loads a page, appends the next with the cursor, and starts over on new filters', async () => {
    const listAnnouncements = jest
      .fn()
      .mockResolvedValueOnce({
        items: [post('a')],
        totalCount: 2,
        totalCountCapped: false,
        nextCursor: 'c2',
        unreadCount: 1,
        unreadCountCapped: false,
      })
      .mockResolvedValueOnce({
        items: [post('b')],
        totalCount: 1000,
        totalCountCapped: true,
        nextCursor: null,
        unreadCount: 100,
        unreadCountCapped: true,
      })
      .mockResolvedValueOnce({
        items: [post('c')],
        totalCount: 1,
        totalCountCapped: false,
        nextCursor: null,
        unreadCount: 0,
        unreadCountCapped: false,
      });
    const { result, rerender } = renderHook(
      (props: { type?: 'event' }) =>
        useAnnouncementList({ productRef, type: props.type, limit: 1 }),
      { wrapper: wrapperWith({ listAnnouncements }), initialProps: {} },
    );
    await waitFor(() => expect(result.current.items).toEqual([post('a')]));
    expect(result.current).toMatchObject({
      totalCount: 2,
      totalCountCapped: false,
      unreadCount: 1,
      unreadCountCapped: false,
      hasMore: true,
    });

    act(() => result.current.loadMore());
    await waitFor(() =>
      expect(result.current.items).toEqual([post('a'), post('b')]),
    );
    expect(listAnnouncements).toHaveBeenLastCalledWith(
      expect.objectContaining({ cursor: 'c2' }),
    );
    expect(result.current).toMatchObject({
      hasMore: false,
      // the counts of the latest page
      totalCount: 1000,
      totalCountCapped: true,
      unreadCount: 100,
      unreadCountCapped: true,
    });

    rerender({ type: 'event' });
    await waitFor(() => expect(result.current.items).toEqual([post('c')]));
    expect(listAnnouncements).toHaveBeenLastCalledWith(
      expect.objectContaining({ type: 'event', cursor: undefined }),
    );

    act(() => result.current.removeItem('c'));
    expect(result.current.items).toEqual([]);
    expect(result.current.totalCount).toBe(0);
  });

  it('keeps the error of a failed load', async () => {
    const listAnnouncements = jest.fn().mockRejectedValue(new Error('down'));
    const { result } = renderHook(() => useAnnouncementList({}), {
      wrapper: wrapperWith({ listAnnouncements }),
    });
    await waitFor(() => expect(result.current.error?.message).toBe('down'));
    expect(result.current.loading).toBe(false);
  });
});

describe('useProductFollow', () => {
  it('shows the answer of a follow in place of the loaded state', async () => {
    const api = {
      getProductFollow: jest.fn(async () => ({
        productRef,
        following: false,
        followers: 1,
      })),
      followProduct: jest.fn(async (_ref: string, follow: boolean) => ({
        productRef,
        following: follow,
        followers: follow ? 2 : 1,
      })),
    };
    const { result } = renderHook(() => useProductFollow(productRef), {
      wrapper: wrapperWith(api),
    });
    await waitFor(() => expect(result.current.follow?.followers).toBe(1));
    await act(() => result.current.setFollowing(true));
    expect(api.followProduct).toHaveBeenCalledWith(productRef, true);
    expect(result.current.follow).toEqual({
      productRef,
      following: true,
      followers: 2,
    });
  });
});

describe('useAnnouncementBanners', () => {
  it('drops a banner once its dismissal is stored, not before', async () => {
    let finish: () => void = () => {};
    const api = {
      getAnnouncementBanners: jest.fn(async () => [post('m1'), post('i1')]),
      dismissAnnouncement: jest.fn(
        () => new Promise<void>(resolve => (finish = resolve)),
      ),
    };
    const { result } = renderHook(() => useAnnouncementBanners(productRef), {
      wrapper: wrapperWith(api),
    });
    await waitFor(() => expect(result.current.banners).toHaveLength(2));
    expect(api.getAnnouncementBanners).toHaveBeenCalledWith(productRef);
    let dismissed: Promise<void> = Promise.resolve();
    act(() => {
      dismissed = result.current.dismiss('m1');
    });
    expect(result.current.banners).toHaveLength(2);
    await act(async () => {
      finish();
      await dismissed;
    });
    expect(result.current.banners).toEqual([post('i1')]);
  });
});

describe('useUnreadAnnouncementCount', () => {
  it('says when the server capped the count', async () => {
    const listAnnouncements = jest.fn(async () => ({
      items: [],
      totalCount: 0,
      totalCountCapped: false,
      nextCursor: null,
      unreadCount: 100,
      unreadCountCapped: true,
    }));
    const { result } = renderHook(() => useUnreadAnnouncementCount(), {
      wrapper: wrapperWith({ listAnnouncements }),
    });
    await waitFor(() => expect(result.current.count).toBe(100));
    expect(result.current.capped).toBe(true);
  });

  it('asks for one unread post in the scope and returns the count', async () => {
    const listAnnouncements = jest.fn(async () => ({
      items: [],
      totalCount: 0,
      totalCountCapped: false,
      nextCursor: null,
      unreadCount: 4,
      unreadCountCapped: false,
    }));
    const { result } = renderHook(
      () =>
        useUnreadAnnouncementCount({
          entityRef: 'component:default/deploy-cli',
        }),
      { wrapper: wrapperWith({ listAnnouncements }) },
    );
    await waitFor(() => expect(result.current.count).toBe(4));
    expect(result.current.capped).toBe(false);
    expect(listAnnouncements).toHaveBeenCalledWith({
      entityRef: 'component:default/deploy-cli',
      productRef: undefined,
      unread: true,
      limit: 1,
    });
  });
});
