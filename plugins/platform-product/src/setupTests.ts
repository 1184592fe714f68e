import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// Rendering a whole entity page in jsdom takes seconds on a busy 2-core CI machine:
// give tests and findBy* queries room, so load never reads as a failure
jest.setTimeout(30_000);
configure({ asyncUtilTimeout: 10_000 });
