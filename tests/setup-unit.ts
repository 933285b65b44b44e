// Unit tests that touch Dexie get a real IndexedDB implementation in memory.
import 'fake-indexeddb/auto';
