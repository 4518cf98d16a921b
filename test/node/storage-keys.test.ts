import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {keyParts, storageKey} from '../../src/storage/keys.js';

describe('storage keys', () => {
  it('read back the parts they were built from', () => {
    const key = storageKey('v1', 'https://qa.example/api/', 'q1', 'votes');
    assert.deepEqual(keyParts(key), ['v1', 'https://qa.example/api/', 'q1', 'votes']);
    // An anonymous viewer is an empty part, still in its place.
    assert.deepEqual(keyParts(storageKey('', 'e', 'q', 'oldest')), ['', 'e', 'q', 'oldest']);
  });

  it('give a thread’s drafts a prefix no other thread’s drafts have', () => {
    const scope = (question: string) => storageKey('https://qa.example/api/', question);
    const prefix = storageKey(scope('q1'), 'comment:');
    assert.ok(storageKey(scope('q1'), 'comment:a7').startsWith(prefix));
    assert.ok(!storageKey(scope('q10'), 'comment:a7').startsWith(prefix));
    assert.ok(!storageKey(scope('q1'), 'edit:a7').startsWith(prefix));
  });
});
