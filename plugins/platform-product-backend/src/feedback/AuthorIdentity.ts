import {
  LoggerService,
  RootConfigService,
} from '@backstage/backend-plugin-api';
import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  createSecretKey,
  hkdfSync,
  KeyObject,
  randomBytes,
} from 'node:crypto';
import { lower } from '../shared/caller';
import { KeptValues } from '../shared/KeptValues';

const SECRET_KEY = 'platformProduct.feedback.authorSecret';

/**
 * What the store knows about an author. `hash` (HMAC-SHA256 of the user ref) lets users
 * find and edit their own feedback and keeps one rating per user and month, for
 * anonymous feedback too. The author of an anonymous post is kept only encrypted
 * (AES-256-GCM), to address notifications; it is never returned, exported or logged.
 * Both keys derive from one secret in config; without it (development) a random one
 * is made per process, with a warning: authors then lose track of their anonymous
 * posts at restart.
 */
export class AuthorIdentity {
  static fromConfig(config: RootConfigService, logger: LoggerService) {
    let secret = config.getOptionalString(SECRET_KEY);
    if (!secret) {
      if (process.env.NODE_ENV === 'production') {
        throw new Error(
          `${SECRET_KEY} must be set: it keys the hashes and encryption that keep anonymous feedback anonymous`,
        );
      }
      logger.warn(
        `${SECRET_KEY} is not set: using a random secret for this process. Authors of anonymous feedback lose track of it at restart; set the secret in production.`,
      );
      secret = randomBytes(32).toString('base64');
    }
    return new AuthorIdentity(secret);
  }

  // a KeyObject, so each hash does not import the key again (every feedback request hashes)
  private readonly hashKey: KeyObject;
  private readonly encryptionKey: Buffer;

  constructor(secret: string) {
    const derive = (info: string) =>
      Buffer.from(hkdfSync('sha256', secret, 'platform-product', info, 32));
    this.hashKey = createSecretKey(derive('feedback-author-hash'));
    this.encryptionKey = derive('feedback-author-encryption');
  }

  // the hashes of recent authors: an HMAC per request is a measurable share of a write
  private readonly hashes = new KeptValues<string>({ max: 10_000 });

  hash(userRef: string): string {
    const ref = lower(userRef);
    return (
      this.hashes.get(ref) ??
      this.hashes.set(
        ref,
        createHmac('sha256', this.hashKey).update(ref).digest('hex'),
      )
    );
  }

  encrypt(userRef: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.encryptionKey, iv);
    const data = Buffer.concat([
      cipher.update(userRef, 'utf8'),
      cipher.final(),
    ]);
    return [iv, cipher.getAuthTag(), data]
      .map(part => part.toString('base64url'))
      .join('.');
  }

  /** The user ref, or undefined when the value was encrypted with another secret. */
  decrypt(value: string): string | undefined {
    try {
      const [iv, tag, data] = value
        .split('.')
        .map(part => Buffer.from(part, 'base64url'));
      const decipher = createDecipheriv('aes-256-gcm', this.encryptionKey, iv);
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(data), decipher.final()]).toString(
        'utf8',
      );
    } catch {
      return undefined;
    }
  }
}
