/**
 * Node library of Platform Product: the extension points through which other backend
 * modules add to the Platform Product backend (custom scorecard checks).
 *
 * @packageDocumentation
 */
export * from './scorecards';
