// Unit tests only: no database is started.
const base = require('./jest.config');

module.exports = { ...base, globalSetup: undefined, globalTeardown: undefined, testPathIgnorePatterns: ['\\.int\\.test\\.ts$'] };
