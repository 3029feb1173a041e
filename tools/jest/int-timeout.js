// Integration tests wait on real servers. Jest reads `testTimeout` from the global config only, not per project.
jest.setTimeout(60_000);
