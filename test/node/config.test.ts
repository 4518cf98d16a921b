import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {configFromEnv, defaultRateLimits} from '../../src/server/config.js';

describe('configuration from the environment', () => {
  it('defaults to Question2Answer’s limits, 3 flags, no moderation API and no pre-moderation', () => {
    const config = configFromEnv({});
    assert.deepEqual(config.rateLimits, defaultRateLimits);
    assert.deepEqual(config.rateLimits.answers, {viewer: 25, ip: 50});
    assert.equal(config.flagThreshold, 3);
    assert.equal(config.moderatorToken, null);
    assert.equal(config.premoderate, false);
    assert.equal(config.trustProxy, 0);
  });

  it('reads limits as "per viewer/per IP", and the other settings', () => {
    const config = configFromEnv({
      QUANDA_LIMIT_VOTES: ' 10 / 20 ',
      QUANDA_FLAG_THRESHOLD: '5',
      QUANDA_MODERATOR_TOKEN: 'mod',
      QUANDA_PREMODERATE: '1',
      QUANDA_TRUST_PROXY: '1',
      QUANDA_IP_KEY: 'key',
    });
    assert.deepEqual(config.rateLimits.votes, {viewer: 10, ip: 20});
    assert.deepEqual(config.rateLimits.answers, {viewer: 25, ip: 50});
    assert.equal(config.flagThreshold, 5);
    assert.equal(config.moderatorToken, 'mod');
    assert.equal(config.premoderate, true);
    assert.equal(config.trustProxy, 1);
    assert.equal(config.ipKey, 'key');
  });

  it('says what is wrong with a setting it cannot read', () => {
    assert.throws(
      () => configFromEnv({QUANDA_LIMIT_ANSWERS: 'ten'}),
      /QUANDA_LIMIT_ANSWERS.*"25\/50"/,
    );
    assert.throws(() => configFromEnv({QUANDA_FLAG_THRESHOLD: '0'}), /QUANDA_FLAG_THRESHOLD/);
  });
});
