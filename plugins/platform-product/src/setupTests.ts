import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// Rendering a whole entity page in jsdom takes seconds on a busy 2-core CI machine:
// give tests and findBy* queries room, so load never reads as a failure
jest.setTimeout(30_000);
configure({ asyncUtilTimeout: 10_000 });
// Under load a render has been seen stuck behind the test app's loading state; a real
// failure still fails all three tries, and the log shows every failed try.
jest.retryTimes(2, { logErrorsBeforeRetry: true });
