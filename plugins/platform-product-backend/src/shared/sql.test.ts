import { retryingDeadlocks } from './sql';

const failing = (code: string) =>
  Object.assign(new Error(`failed with ${code}`), { code });

describe('retryingDeadlocks', () => {
  it('runs a write again when PostgreSQL made it the victim of a deadlock', async () => {
    const fn = jest
      .fn()
      .mockRejectedValueOnce(failing('40P01'))
      .mockRejectedValueOnce(failing('40001'))
      .mockResolvedValue('done');
    await expect(retryingDeadlocks(fn)).resolves.toBe('done');
    expect(fn).toHaveBeenCalledTimes(3);
  });

  it('gives up after the attempts, with the last error', async () => {
    const fn = jest.fn().mockRejectedValue(failing('40P01'));
    await expect(retryingDeadlocks(fn, 3)).rejects.toThrow('failed with 40P01');
    expect(fn).toHaveBeenCalledTimes(3);
  });

  it('never runs again a write that failed for another reason', async () => {
    const fn = jest.fn().mockRejectedValue(failing('23505'));
    await expect(retryingDeadlocks(fn)).rejects.toThrow('failed with 23505');
    expect(fn).toHaveBeenCalledTimes(1);
  });
});
