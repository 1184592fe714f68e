import { mockServices } from '@backstage/backend-test-utils';
import { AuthorIdentity } from './AuthorIdentity';

describe('AuthorIdentity', () => {
  const identity = new AuthorIdentity('secret one');

  it('hashes a user ref the same way every time, whatever its case, and differently per secret', () => {
    const hash = identity.hash('user:default/alice');
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(identity.hash('User:Default/Alice')).toBe(hash);
    expect(identity.hash('user:default/bob')).not.toBe(hash);
    expect(
      new AuthorIdentity('secret two').hash('user:default/alice'),
    ).not.toBe(hash);
  });

  it('encrypts a user ref so that only the same secret reads it back', () => {
    const encrypted = identity.encrypt('user:default/alice');
    expect(encrypted).not.toContain('alice');
    expect(identity.encrypt('user:default/alice')).not.toBe(encrypted);
    expect(identity.decrypt(encrypted)).toBe('user:default/alice');
    expect(new AuthorIdentity('secret two').decrypt(encrypted)).toBeUndefined();
    expect(identity.decrypt('garbage')).toBeUndefined();
  });

  describe('fromConfig', () => {
    const env = process.env.NODE_ENV;
    afterEach(() => {
      process.env.NODE_ENV = env;
    });

    it('uses the configured secret', () => {
      const fromConfig = AuthorIdentity.fromConfig(
        mockServices.rootConfig({
          data: {
            platformProduct: { feedback: { authorSecret: 'secret one' } },
          },
        }),
        mockServices.logger.mock(),
      );
      expect(fromConfig.hash('user:default/alice')).toBe(
        identity.hash('user:default/alice'),
      );
    });

    it('makes up a secret with a warning in development', () => {
      process.env.NODE_ENV = 'development';
      const logger = mockServices.logger.mock();
      const generated = AuthorIdentity.fromConfig(
        mockServices.rootConfig(),
        logger,
      );
      expect(generated.hash('user:default/alice')).not.toBe(
        identity.hash('user:default/alice'),
      );
      expect(logger.warn).toHaveBeenCalledWith(
        expect.stringContaining(
          'platformProduct.feedback.authorSecret is not set',
        ),
      );
    });

    it('refuses to start without a secret in production', () => {
      process.env.NODE_ENV = 'production';
      expect(() =>
        AuthorIdentity.fromConfig(
          mockServices.rootConfig(),
          mockServices.logger.mock(),
        ),
      ).toThrow('platformProduct.feedback.authorSecret must be set');
    });
  });
});
