import { demoUserFromCookie } from './demoSignIn';

describe('demoUserFromCookie', () => {
  it('reads the demo user among other cookies', () => {
    expect(demoUserFromCookie('a=1; demo-user=kim.nguyen; b=2')).toBe(
      'kim.nguyen',
    );
  });

  it('ignores a missing cookie, an empty one and anything but a plain user name', () => {
    expect(demoUserFromCookie(undefined)).toBeUndefined();
    expect(demoUserFromCookie('other=1')).toBeUndefined();
    expect(demoUserFromCookie('demo-user=')).toBeUndefined();
    expect(
      demoUserFromCookie('demo-user=group%3Adefault%2Fadmins'),
    ).toBeUndefined();
    expect(demoUserFromCookie('demo-user=../etc')).toBeUndefined();
  });
});
