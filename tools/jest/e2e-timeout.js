// End-to-end tests start processes and wait on a real broker. Jest reads `testTimeout` from the global config only.
jest.setTimeout(180_000);
