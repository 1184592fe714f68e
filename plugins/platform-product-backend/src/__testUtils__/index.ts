export * from './backend';
export * from './fakes';
export * from './memoryCache';
export * from './people';
export * from './products';
export * from './clock';
export * from './policy';
