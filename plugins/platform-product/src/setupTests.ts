import '@testing-library/jest-dom';

// Rendering a whole entity page in jsdom takes seconds on a busy 2-core CI machine
jest.setTimeout(30_000);
